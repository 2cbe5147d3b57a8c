import { randomUUID } from 'node:crypto';
import { FieldProblem, LocalizedText, OFFICER_LANGUAGES } from '@lms/core';
import type { VersionContentDto } from '../dto/version-content.dto';

export type Text = Partial<LocalizedText>;

export interface AttachmentRef {
  kind: 'file' | 'link';
  attachmentId?: string;
  url?: string;
  title?: Text;
}

export interface Lesson {
  id: string;
  title: Text;
  body: Text;
  durationMinutes: number | null;
  attachments: AttachmentRef[];
}

export interface Option {
  id: string;
  text: Text;
  correct: boolean;
}

export interface Question {
  id: string;
  text: Text;
  multiple: boolean;
  options: Option[];
  explanation: Text | null;
}

export interface Quiz {
  questions: Question[];
  drawCount: number;
  passMark: number;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
}

export interface Criterion {
  id: string;
  description: Text;
  weight: number;
  maxScore: number;
}

export interface Rubric {
  criteria: Criterion[];
  passThreshold: number;
}

export interface CompletionRule {
  lessonsRead: boolean;
  quizPassed: boolean;
  practicalPassed: boolean;
  seminarAttended: boolean;
}

/** Everything a version holds, stored as one jsonb document. */
export interface VersionContent {
  objectives: Text[];
  lessons: Lesson[];
  quiz: Quiz | null;
  rubric: Rubric | null;
  seminar: { required: boolean; hours: number } | null;
  completionRule: CompletionRule;
  validityMonths: number | null;
}

export function emptyContent(): VersionContent {
  return {
    objectives: [],
    lessons: [],
    quiz: null,
    rubric: null,
    seminar: null,
    completionRule: { lessonsRead: true, quizPassed: false, practicalPassed: false, seminarAttended: false },
    validityMonths: null,
  };
}

const text = (value: Text | undefined | null): Text => {
  const out: Text = {};
  for (const lang of ['kk', 'ru', 'en'] as const) if (value?.[lang] !== undefined) out[lang] = value[lang];
  return out;
};

/**
 * Applies a PATCH to the current content: parts given replace parts held.
 * Items keep their ids when given, and get new ones otherwise.
 */
export function applyPatch(current: VersionContent, patch: VersionContentDto): VersionContent {
  const next: VersionContent = { ...current };
  if (patch.objectives !== undefined) next.objectives = patch.objectives.map(text);
  if (patch.lessons !== undefined) {
    next.lessons = patch.lessons.map((lesson) => ({
      id: lesson.id ?? randomUUID(),
      title: text(lesson.title),
      body: text(lesson.body),
      durationMinutes: lesson.durationMinutes ?? null,
      attachments: (lesson.attachments ?? []).map((a) =>
        a.kind === 'file'
          ? { kind: 'file' as const, attachmentId: a.attachmentId, title: text(a.title) }
          : { kind: 'link' as const, url: a.url, title: text(a.title) },
      ),
    }));
  }
  if (patch.quiz !== undefined) {
    next.quiz = patch.quiz && {
      questions: patch.quiz.questions.map((q) => ({
        id: q.id ?? randomUUID(),
        text: text(q.text),
        // Unsaid, a question with several correct options is a multiple-choice one.
        multiple: q.multiple ?? q.options.filter((o) => o.correct).length > 1,
        options: q.options.map((o) => ({ id: o.id ?? randomUUID(), text: text(o.text), correct: o.correct })),
        explanation: q.explanation ? text(q.explanation) : null,
      })),
      drawCount: patch.quiz.drawCount,
      passMark: patch.quiz.passMark,
      timeLimitMinutes: patch.quiz.timeLimitMinutes ?? null,
      maxAttempts: patch.quiz.maxAttempts ?? null,
    };
  }
  if (patch.rubric !== undefined) {
    next.rubric = patch.rubric && {
      criteria: patch.rubric.criteria.map((c) => ({
        id: c.id ?? randomUUID(),
        description: text(c.description),
        weight: c.weight,
        maxScore: c.maxScore,
      })),
      passThreshold: patch.rubric.passThreshold,
    };
  }
  if (patch.seminar !== undefined)
    next.seminar = patch.seminar && { required: patch.seminar.required, hours: patch.seminar.hours };
  if (patch.completionRule !== undefined) next.completionRule = { ...patch.completionRule };
  if (patch.validityMonths !== undefined) next.validityMonths = patch.validityMonths ?? null;
  return next;
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

/** Rules that hold even for a draft: refused at once, nothing saved. */
export function structuralProblems(content: VersionContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const id of duplicates(content.lessons.map((l) => l.id)))
    problems.push({ field: 'lessons', message: `lesson id ${id} appears twice` });
  content.quiz?.questions.forEach((q, i) => {
    const field = `quiz.questions[${i}]`;
    const correct = q.options.filter((o) => o.correct).length;
    if (q.options.length < 2)
      problems.push({ field: `${field}.options`, message: 'a question needs at least two options' });
    if (correct === 0) problems.push({ field: `${field}.options`, message: 'no option is marked correct' });
    if (!q.multiple && correct > 1)
      problems.push({ field: `${field}.options`, message: 'a single-choice question has exactly one correct option' });
    if (duplicates(q.options.map((o) => o.id)).length)
      problems.push({ field: `${field}.options`, message: 'option ids must be unique' });
  });
  if (content.quiz && duplicates(content.quiz.questions.map((q) => q.id)).length) {
    problems.push({ field: 'quiz.questions', message: 'question ids must be unique' });
  }
  if (content.rubric && content.rubric.criteria.length > 0) {
    const sum = content.rubric.criteria.reduce((total, c) => total + c.weight, 0);
    if (Math.abs(sum - 100) > 0.01)
      problems.push({
        field: 'rubric.criteria',
        message: `the weights must sum to 100 (they sum to ${+sum.toFixed(2)})`,
      });
    if (duplicates(content.rubric.criteria.map((c) => c.id)).length)
      problems.push({ field: 'rubric.criteria', message: 'criterion ids must be unique' });
  }
  return problems;
}

function missingLanguages(value: Text | null | undefined, field: string, problems: FieldProblem[]): void {
  for (const lang of OFFICER_LANGUAGES) {
    if (!value?.[lang]?.trim())
      problems.push({ field: `${field}.${lang}`, message: `missing the ${lang === 'kk' ? 'Kazakh' : 'Russian'} text` });
  }
}

/** What a version still lacks before it can be published, precisely. */
export function completenessProblems(courseTitle: Text, content: VersionContent): FieldProblem[] {
  const problems = structuralProblems(content);
  const rule = content.completionRule;
  missingLanguages(courseTitle, 'course.title', problems);
  if (!rule.lessonsRead && !rule.quizPassed && !rule.practicalPassed && !rule.seminarAttended) {
    problems.push({ field: 'completionRule', message: 'at least one requirement must be set' });
  }
  if (content.lessons.length === 0) problems.push({ field: 'lessons', message: 'a course needs at least one lesson' });
  content.lessons.forEach((lesson, i) => {
    missingLanguages(lesson.title, `lessons[${i}].title`, problems);
    missingLanguages(lesson.body, `lessons[${i}].body`, problems);
  });
  content.objectives.forEach((objective, i) => missingLanguages(objective, `objectives[${i}]`, problems));
  const quiz = content.quiz;
  if (rule.quizPassed && !quiz)
    problems.push({ field: 'quiz', message: 'the completion rule requires a quiz, and there is none' });
  if (quiz) {
    if (quiz.questions.length < quiz.drawCount) {
      problems.push({
        field: 'quiz.drawCount',
        message: `${quiz.drawCount} questions are drawn but the bank has ${quiz.questions.length}`,
      });
    }
    quiz.questions.forEach((q, i) => {
      missingLanguages(q.text, `quiz.questions[${i}].text`, problems);
      q.options.forEach((o, j) => missingLanguages(o.text, `quiz.questions[${i}].options[${j}].text`, problems));
      if (q.explanation) missingLanguages(q.explanation, `quiz.questions[${i}].explanation`, problems);
    });
  }
  const rubric = content.rubric;
  if (rule.practicalPassed && (!rubric || rubric.criteria.length === 0)) {
    problems.push({
      field: 'rubric',
      message: 'the completion rule requires a practical assessment, and there is no rubric',
    });
  }
  rubric?.criteria.forEach((c, i) => missingLanguages(c.description, `rubric.criteria[${i}].description`, problems));
  if (rule.seminarAttended && !content.seminar?.required) {
    problems.push({
      field: 'seminar',
      message: 'the completion rule requires a seminar, so the seminar must be marked required',
    });
  }
  if (content.seminar?.required && !(content.seminar.hours > 0)) {
    problems.push({ field: 'seminar.hours', message: 'a required seminar credits some hours' });
  }
  return problems;
}

/** The same content without the answers: for officers and HR. */
export function withoutAnswers(content: VersionContent): VersionContent {
  if (!content.quiz) return content;
  // The bank itself stays on the server: questions are shown only inside an attempt.
  return { ...content, quiz: { ...content.quiz, questions: [] } };
}
