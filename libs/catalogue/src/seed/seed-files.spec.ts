import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch, completenessProblems, emptyContent } from '../services/version-content';
import { seedDocuments } from './programme-seeder';

const LANGUAGES = ['kk', 'ru', 'en'] as const;
const SOURCES_HEADING = { kk: 'Дереккөздер', ru: 'Источники', en: 'Sources' };

/** Every localized text in a value (an object with a kk, ru or en key), with where it is. */
function localizedTexts(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (LANGUAGES.some((lang) => lang in record)) return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, item]) => localizedTexts(item, path ? `${path}.${key}` : key));
}

/** The texts of a value that lack a language (or have it blank). */
function incompleteTexts(value: unknown): string[] {
  return localizedTexts(value).flatMap(({ path, text }) =>
    LANGUAGES.filter((lang) => {
      const value = text[lang];
      return typeof value !== 'string' || !value.trim();
    }).map((lang) => `${path}.${lang}`),
  );
}

const documents = seedDocuments();
const courses = new Map(documents.map(({ document }) => [document.course.code, document]));
const readSeed = <T>(file: string): T => JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as T;

describe('the seeded programme documents', () => {
  it('are at least six courses with distinct codes, the ethics course among them', () => {
    expect(documents.length).toBeGreaterThanOrEqual(6);
    expect(courses.size).toBe(documents.length);
    expect(courses.has('ETHICS-IMAGE')).toBe(true);
  });

  it.each(documents.map(({ file, document }) => [file, document] as const))(
    '%s has every text in Kazakh, Russian and English',
    (_file, document) => {
      expect(localizedTexts(document).length).toBeGreaterThan(100);
      expect(incompleteTexts(document)).toEqual([]);
    },
  );

  it.each(documents.map(({ file, document }) => [file, document] as const))(
    '%s passes the catalogue’s own publishing check',
    (_file, document) => {
      expect(completenessProblems(document.course.title, applyPatch(emptyContent(), document.version))).toEqual([]);
    },
  );

  it.each(documents.map(({ file, document }) => [file, document] as const))(
    '%s has a bank of 24 or more questions, each with a right answer, two wrong ones and an explanation, and draws at most half of it',
    (_file, document) => {
      const quiz = document.version.quiz!;
      expect(quiz.questions.length).toBeGreaterThanOrEqual(24);
      expect(quiz.drawCount * 2).toBeLessThanOrEqual(quiz.questions.length);
      for (const question of quiz.questions) {
        expect(question.options.filter((o) => o.correct).length).toBeGreaterThanOrEqual(1);
        expect(question.options.filter((o) => !o.correct).length).toBeGreaterThanOrEqual(2);
        expect(question.explanation).toBeDefined();
      }
    },
  );

  it.each(documents.map(({ file, document }) => [file, document] as const))(
    '%s ends every lesson, in every language, with its sources',
    (_file, document) => {
      for (const lesson of document.version.lessons!) {
        for (const lang of LANGUAGES) {
          expect(lesson.body[lang]).toMatch(new RegExp(`\\n## ${SOURCES_HEADING[lang]}\\n\\n(- [^\\n]+\\n?)+$`));
        }
      }
    },
  );

  it('gives every rubric criterion a fixed id, which the scenario bank refers to', () => {
    for (const { document } of documents) {
      for (const criterion of document.version.rubric?.criteria ?? []) expect(criterion.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('makes the ethics course a seminar with a practical role-play', () => {
    const ethics = courses.get('ETHICS-IMAGE')!.version;
    expect(ethics.seminar).toMatchObject({ required: true });
    expect(ethics.seminar!.hours).toBeGreaterThan(0);
    expect(ethics.rubric!.criteria.length).toBeGreaterThan(0);
    expect(ethics.completionRule).toMatchObject({ practicalPassed: true, seminarAttended: true });
  });

  it('opens the trust course with the survey figures, in every language', () => {
    const lesson = courses.get('COMM-TRUST')!.version.lessons![0];
    const figures = [
      '64.3',
      '26.9',
      '3.9',
      '3.4',
      '1.5',
      '33.7',
      '19.1',
      '17.1',
      '16.6',
      '13.4',
      '11.5',
      '7.5',
      '3.7',
      '55.1',
      '40.8',
      '42.9',
      '32.7',
      '24.5',
      '65.3',
      '63.3',
      '61.2',
    ];
    for (const lang of LANGUAGES) {
      const body = lesson.body[lang]!;
      const missing = figures.filter((f) => !body.includes(`${lang === 'en' ? f : f.replace('.', ',')}%`));
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
  });

  it('keeps the corrected wording: one distance and no calque for the body-worn camera', () => {
    const all = JSON.stringify(documents.map(({ document }) => document));
    for (const wrong of [
      'нагрудтық',
      '1,5–2',
      '1.5–2',
      'arm’s length plus',
      "arm's length plus",
      'қол ұзындығынан кем емес',
    ])
      expect({ wrong, found: all.includes(wrong) }).toEqual({ wrong, found: false });
  });
});

interface Localized {
  kk: string;
  ru: string;
  en: string;
}

interface ScenarioBank {
  format: string;
  levels: { code: string; minScore: number; maxScore: number; title: Localized }[];
  trustFactors: { code: string; effect: 'builds' | 'destroys'; title: Localized }[];
  autoFailBehaviours: { code: string; title: Localized }[];
  scenarios: {
    code: string;
    courseCode: string;
    trustFactors: string[];
    autoFail: string[];
    descriptors: { criterionId: string; level: string; text: Localized }[];
  }[];
}

describe('the role-play scenario bank', () => {
  const bank = readSeed<ScenarioBank>('scenarios.json');

  it('has ten or more scenarios, each for a seeded course with a rubric, and every course with a rubric has one', () => {
    expect(bank.format).toBe('lms-scenarios/1');
    expect(bank.scenarios.length).toBeGreaterThanOrEqual(10);
    expect(new Set(bank.scenarios.map((s) => s.code)).size).toBe(bank.scenarios.length);
    for (const scenario of bank.scenarios) expect(courses.get(scenario.courseCode)?.version.rubric).toBeTruthy();
    const withRubric = documents
      .filter(({ document }) => document.version.rubric)
      .map(({ document }) => document.course.code);
    expect(new Set(bank.scenarios.map((s) => s.courseCode))).toEqual(new Set(withRubric));
  });

  it('has every text in Kazakh, Russian and English', () => {
    expect(incompleteTexts(bank)).toEqual([]);
  });

  it('has score bands that cover each criterion’s scores without a gap', () => {
    const maxScores = new Set(
      documents.flatMap(({ document }) => document.version.rubric?.criteria.map((c) => c.maxScore) ?? []),
    );
    expect(maxScores).toEqual(new Set([5]));
    let next = 0;
    for (const level of bank.levels) {
      expect(level.minScore).toBe(next);
      next = level.maxScore + 1;
    }
    expect(next).toBe(6);
  });

  it("describes every level of every criterion of its course's rubric, and nothing else", () => {
    for (const scenario of bank.scenarios) {
      const criteria = courses.get(scenario.courseCode)!.version.rubric!.criteria;
      const expected = criteria.flatMap((c) => bank.levels.map((l) => `${c.id}/${l.code}`));
      expect({ scenario: scenario.code, rows: scenario.descriptors.map((d) => `${d.criterionId}/${d.level}`) }).toEqual(
        {
          scenario: scenario.code,
          rows: expected,
        },
      );
    }
  });

  it('names the trust factors it tests and its automatic-fail behaviours from the bank’s lists', () => {
    const factors = new Set(bank.trustFactors.map((f) => f.code));
    const failures = new Set(bank.autoFailBehaviours.map((f) => f.code));
    expect(bank.trustFactors).toHaveLength(10);
    for (const named of ['humiliation', 'unlawful-threat', 'bribe-accepted']) expect(failures.has(named)).toBe(true);
    for (const scenario of bank.scenarios) {
      expect(scenario.trustFactors.length).toBeGreaterThan(0);
      expect(scenario.autoFail.length).toBeGreaterThan(0);
      for (const code of scenario.trustFactors) expect(factors.has(code)).toBe(true);
      for (const code of scenario.autoFail) expect(failures.has(code)).toBe(true);
    }
  });
});

interface DrillPlan {
  format: string;
  plan: { code: string; programmeCode: string; weeks: { week: number; drillCode: string }[] };
  drills: {
    code: string;
    week: number;
    durationMinutes: number;
    discussionPoints: Localized[];
    rightConduct: Localized[];
    lessons: { courseCode: string; lesson: number }[];
  }[];
}

describe('the weekly drill plan', () => {
  const drills = readSeed<DrillPlan>('drills.json');

  it('has a drill for every week of a quarter, in order', () => {
    expect(drills.format).toBe('lms-drills/1');
    expect(drills.plan.weeks.map((w) => w.week)).toEqual(drills.plan.weeks.map((_w, i) => i + 1));
    expect(drills.plan.weeks.length).toBeGreaterThanOrEqual(12);
    const codes = new Set(drills.drills.map((d) => d.code));
    expect(codes.size).toBe(drills.drills.length);
    for (const week of drills.plan.weeks) expect(codes.has(week.drillCode)).toBe(true);
  });

  it('has every text in Kazakh, Russian and English', () => {
    expect(incompleteTexts(drills)).toEqual([]);
  });

  it('keeps each drill to 10–15 minutes, with points to discuss, the right conduct and the lessons it practises', () => {
    for (const drill of drills.drills) {
      expect(drill.durationMinutes).toBeGreaterThanOrEqual(10);
      expect(drill.durationMinutes).toBeLessThanOrEqual(15);
      expect(drill.discussionPoints.length).toBeGreaterThanOrEqual(2);
      expect(drill.rightConduct.length).toBeGreaterThanOrEqual(2);
      expect(drill.lessons.length).toBeGreaterThan(0);
      for (const { courseCode, lesson } of drill.lessons) {
        const lessons = courses.get(courseCode)?.version.lessons ?? [];
        expect({
          drill: drill.code,
          courseCode,
          lesson,
          exists: lesson >= 1 && lesson <= lessons.length,
        }).toMatchObject({
          exists: true,
        });
      }
    }
  });
});
