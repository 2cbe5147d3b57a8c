import type { FieldProblem, Language } from '@lms/core';
import type { Criterion, Option, Question, Text } from '@lms/catalogue';

/**
 * The version editor's forms are flat (`title_kk`, `o2_ru`, `c1_weight`):
 * they are read here into the catalogue's content parts, and the
 * completeness check's field paths are turned back into lines a trainer
 * can act on. Pure functions, with their spec beside.
 */
export type FormBody = Record<string, unknown>;

export const EDITOR_LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];
/** Option and criterion rows offered by the forms (empty rows are dropped). */
export const OPTION_ROWS = 6;
export const CRITERION_ROWS = 8;

export function field(body: FormBody, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

export function checked(body: FormBody, name: string): boolean {
  return field(body, name) !== '';
}

/** `prefix_kk`, `prefix_ru`, `prefix_en` into a text; blank languages left out. */
export function textOf(body: FormBody, prefix: string, trim = true): Text {
  const out: Text = {};
  for (const lang of EDITOR_LANGUAGES) {
    const raw = field(body, `${prefix}_${lang}`);
    const value = trim ? raw.trim() : raw.replace(/\s+$/, '');
    if (value !== '') out[lang] = value;
  }
  return out;
}

export function isBlank(text: Text): boolean {
  return EDITOR_LANGUAGES.every((lang) => !text[lang]);
}

/** The languages a text lacks, of those officers read (kk, ru) and the interface's third (en). */
export function missing(text: Text | null | undefined): { kk: boolean; ru: boolean; en: boolean } {
  return { kk: !text?.kk?.trim(), ru: !text?.ru?.trim(), en: !text?.en?.trim() };
}

/** A number in a range (whole unless `decimals`), blank as null; anything else sets the field's error key. */
export function numberField(
  body: FormBody,
  name: string,
  [min, max]: [number, number],
  errors: Record<string, string>,
  decimals = false,
): number | null {
  const raw = field(body, name).trim().replace(',', '.');
  if (raw === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || (!decimals && !Number.isInteger(value)) || value < min || value > max) {
    errors[name] = `errors.range|${min}|${max}`;
    return null;
  }
  return value;
}

/** A question as the editor sends it: new items have no id yet (the catalogue gives them one). */
export type DraftQuestion = Omit<Question, 'id' | 'options'> & {
  id?: string;
  options: (Omit<Option, 'id'> & { id?: string })[];
};

/** A question from its form: text, options (blank rows dropped), which are right, the explanation. */
export function questionOf(
  body: FormBody,
  id: string | undefined,
  existing: Question | undefined,
): { question: DraftQuestion; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const text = textOf(body, 'text');
  if (isBlank(text)) errors.text_ru = 'errors.required';
  const options: (Omit<Option, 'id'> & { id?: string })[] = [];
  for (let i = 0; i < OPTION_ROWS; i++) {
    const optionText = textOf(body, `o${i}`);
    if (isBlank(optionText)) continue;
    const known = existing?.options[i];
    options.push({ ...(known ? { id: known.id } : {}), text: optionText, correct: checked(body, `o${i}_correct`) });
  }
  const right = options.filter((option) => option.correct).length;
  const multiple = checked(body, 'multiple');
  if (options.length < 2) errors.o0_ru = 'errors.twoOptions';
  else if (right === 0) errors.o0_ru = 'errors.noRightOption';
  else if (!multiple && right > 1) errors.o0_ru = 'errors.oneRightOption';
  const explanation = textOf(body, 'explanation');
  return {
    question: {
      ...(id ? { id } : {}),
      text,
      multiple,
      options,
      explanation: isBlank(explanation) ? null : explanation,
    },
    errors,
  };
}

/** The rubric from its form: criteria rows (blank ones dropped), weights summing to 100, the pass threshold. */
export function rubricOf(body: FormBody, existing: Criterion[]) {
  const errors: Record<string, string> = {};
  const criteria: (Omit<Criterion, 'id'> & { id?: string })[] = [];
  for (let i = 0; i < CRITERION_ROWS; i++) {
    const description = textOf(body, `c${i}`);
    const weight = numberField(body, `c${i}_weight`, [0.01, 100], errors, true);
    const maxScore = numberField(body, `c${i}_max`, [1, 100], errors);
    if (isBlank(description) && weight === null && maxScore === null) continue;
    if (isBlank(description)) errors[`c${i}_ru`] = 'errors.required';
    if (weight === null) errors[`c${i}_weight`] ??= 'errors.required';
    if (maxScore === null) errors[`c${i}_max`] ??= 'errors.required';
    const known = existing[i];
    criteria.push({ ...(known ? { id: known.id } : {}), description, weight: weight ?? 0, maxScore: maxScore ?? 1 });
  }
  const passThreshold = numberField(body, 'passThreshold', [1, 100], errors);
  if (criteria.length > 0 && passThreshold === null) errors.passThreshold ??= 'errors.required';
  const sum = criteria.reduce((total, c) => total + c.weight, 0);
  if (criteria.length > 0 && Object.keys(errors).length === 0 && Math.abs(sum - 100) > 0.01) {
    errors.c0_weight = `errors.weightsSum|${Math.round(sum)}`;
  }
  return { rubric: criteria.length ? { criteria, passThreshold: passThreshold ?? 0 } : null, errors };
}

/** Objectives typed one per line in each language: line n of every language is objective n. */
export function objectivesOf(body: FormBody): Text[] {
  const lines = Object.fromEntries(
    EDITOR_LANGUAGES.map((lang) => [
      lang,
      field(body, `objectives_${lang}`)
        .split(/\r?\n/)
        .map((line) => line.trim()),
    ]),
  ) as Record<Language, string[]>;
  const count = Math.max(...EDITOR_LANGUAGES.map((lang) => lines[lang].length));
  const out: Text[] = [];
  for (let i = 0; i < count; i++) {
    const text: Text = {};
    for (const lang of EDITOR_LANGUAGES) if (lines[lang][i]) text[lang] = lines[lang][i];
    if (!isBlank(text)) out.push(text);
  }
  return out;
}

export function objectivesText(objectives: Text[], lang: Language): string {
  return objectives.map((objective) => objective[lang] ?? '').join('\n');
}

/** What the list's links need of a version. */
export interface EditedContent {
  lessons: { id: string }[];
  quiz: { questions: { id: string }[]; drawCount: number } | null;
}

/** One line of the completeness list: what is missing, in words, and where to fix it. */
export interface MissingItem {
  key: string;
  params: Record<string, unknown>;
  href: string | null;
}

const LANG = '(kk|ru|en)';
const PATTERNS: { re: RegExp; key: string; href: (m: RegExpExecArray, base: string, c: EditedContent) => string }[] = [
  { re: new RegExp(`^course\\.title\\.${LANG}$`), key: 'courseTitle', href: (_m, base) => `${base}#details` },
  {
    re: new RegExp(`^lessons\\[(\\d+)\\]\\.(title|body)\\.${LANG}$`),
    key: 'lesson',
    href: (m, base, c) => `${base}/lessons/${c.lessons[Number(m[1])]?.id ?? 'new'}`,
  },
  { re: new RegExp(`^objectives\\[(\\d+)\\]\\.${LANG}$`), key: 'objective', href: (_m, base) => `${base}#details` },
  {
    re: new RegExp(`^quiz\\.questions\\[(\\d+)\\]\\.(text|explanation)\\.${LANG}$`),
    key: 'question',
    href: (m, base, c) => `${base}/questions/${c.quiz?.questions[Number(m[1])]?.id ?? 'new'}`,
  },
  {
    re: new RegExp(`^quiz\\.questions\\[(\\d+)\\]\\.options\\[(\\d+)\\]\\.text\\.${LANG}$`),
    key: 'option',
    href: (m, base, c) => `${base}/questions/${c.quiz?.questions[Number(m[1])]?.id ?? 'new'}`,
  },
  {
    re: new RegExp(`^rubric\\.criteria\\[(\\d+)\\]\\.description\\.${LANG}$`),
    key: 'criterion',
    href: (_m, base) => `${base}/rubric`,
  },
];
const WHOLE: Record<string, { key: string; anchor: string }> = {
  lessons: { key: 'noLessons', anchor: '/lessons/new' },
  quiz: { key: 'noQuiz', anchor: '/questions/new' },
  'quiz.drawCount': { key: 'drawCount', anchor: '#settings' },
  rubric: { key: 'noRubric', anchor: '/rubric' },
  seminar: { key: 'seminarRequired', anchor: '#settings' },
  'seminar.hours': { key: 'seminarHours', anchor: '#settings' },
  completionRule: { key: 'noRequirement', anchor: '#settings' },
  'rubric.criteria': { key: 'weights', anchor: '/rubric' },
};

/**
 * The completeness check's problems as lines for the page: "Lesson 2:
 * title in Kazakh", linked to the form that fixes it. Unknown paths keep
 * the service's own message.
 */
export function describeProblems(problems: FieldProblem[], base: string, content: EditedContent): MissingItem[] {
  return problems.map((problem) => {
    for (const pattern of PATTERNS) {
      const m = pattern.re.exec(problem.field);
      if (!m) continue;
      const numbers = m
        .slice(1)
        .filter((part) => /^\d+$/.test(part))
        .map((n) => Number(n) + 1);
      const part = m.slice(1).find((p) => p === 'title' || p === 'body' || p === 'text' || p === 'explanation');
      return {
        key: `editor.missing.${pattern.key}`,
        params: { n: numbers[0], m: numbers[1], part: part ?? '', lang: m[m.length - 1] },
        href: pattern.href(m, base, content),
      };
    }
    const whole = WHOLE[problem.field];
    if (whole) {
      return {
        key: `editor.missing.${whole.key}`,
        params: { n: content.quiz?.drawCount, bank: content.quiz?.questions.length ?? 0 },
        href: `${base}${whole.anchor}`,
      };
    }
    return { key: '', params: { message: problem.message }, href: null };
  });
}
