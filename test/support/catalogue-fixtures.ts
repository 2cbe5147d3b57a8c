import { TestApp } from './test-app';

const text = (s: string) => ({ kk: `${s} (kk)`, ru: `${s} (ru)`, en: s });

export interface FixtureQuiz {
  questions: { id: string; multiple: boolean; options: { id: string; correct: boolean }[] }[];
  drawCount: number;
  passMark: number;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
}

export interface CourseOptions {
  lessons?: number;
  seminar?: { required: boolean; hours: number } | null;
  completionRule?: { lessonsRead: boolean; quizPassed: boolean; practicalPassed: boolean; seminarAttended: boolean };
  validityMonths?: number | null;
  publish?: boolean;
  quiz?: QuizOptions;
  rubric?: RubricOptions;
  /** Whose course it is (their bearer token); the demo trainer's by default. */
  authorToken?: string;
}

/** A quiz bank of `questions` (the last `multiple` of them multiple-choice: options A and B right; otherwise A). */
export interface QuizOptions {
  questions?: number;
  multiple?: number;
  drawCount?: number;
  passMark?: number;
  timeLimitMinutes?: number | null;
  maxAttempts?: number | null;
}

/** A rubric of criteria with these weights (summing to 100) and maximum scores. */
export interface RubricOptions {
  criteria?: { weight: number; maxScore: number }[];
  passThreshold?: number;
}

function quizDocument(options: QuizOptions) {
  const count = options.questions ?? 6;
  const multiple = options.multiple ?? 1;
  return {
    questions: Array.from({ length: count }, (_, i) => {
      const isMultiple = i >= count - multiple;
      return {
        text: text(`Question ${i + 1}`),
        multiple: isMultiple,
        options: ['A', 'B', 'C'].map((letter) => ({
          text: text(`Option ${letter}`),
          correct: letter === 'A' || (isMultiple && letter === 'B'),
        })),
        explanation: text(`Why ${i + 1}`),
      };
    }),
    drawCount: options.drawCount ?? Math.min(count, 4),
    passMark: options.passMark ?? 75,
    timeLimitMinutes: options.timeLimitMinutes === undefined ? 20 : options.timeLimitMinutes,
    maxAttempts: options.maxAttempts === undefined ? 3 : options.maxAttempts,
  };
}

function rubricDocument(options: RubricOptions) {
  const criteria = options.criteria ?? [
    { weight: 50, maxScore: 4 },
    { weight: 30, maxScore: 5 },
    { weight: 20, maxScore: 2 },
  ];
  return {
    criteria: criteria.map((c, i) => ({ description: text(`Criterion ${i + 1}`), ...c })),
    passThreshold: options.passThreshold ?? 70,
  };
}

/** A small course through the API (as the demo trainer), published unless told otherwise. */
export async function createCourse(t: TestApp, code: string, options: CourseOptions = {}) {
  const trainer = options.authorToken ?? (await t.login('trainer'));
  const document = {
    format: 'lms-course-version/1',
    course: { code, title: text(code) },
    version: {
      objectives: [],
      lessons: Array.from({ length: options.lessons ?? 2 }, (_, i) => ({
        title: text(`Lesson ${i + 1}`),
        body: text(`Body ${i + 1}.`),
      })),
      quiz: options.quiz ? quizDocument(options.quiz) : null,
      rubric: options.rubric ? rubricDocument(options.rubric) : null,
      seminar: options.seminar ?? null,
      completionRule: options.completionRule ?? {
        lessonsRead: true,
        quizPassed: false,
        practicalPassed: false,
        seminarAttended: false,
      },
      validityMonths: options.validityMonths === undefined ? 24 : options.validityMonths,
    },
  };
  const res = await t
    .http()
    .post(`/api/v1/courses/import?publish=${options.publish === false ? 'false' : 'true'}`)
    .set('authorization', `Bearer ${trainer}`)
    .send(document);
  if (res.status !== 201) throw new Error(`course ${code}: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    courseId: res.body.courseId as string,
    versionId: res.body.id as string,
    lessonIds: (res.body.lessons as { id: string }[]).map((l) => l.id),
    /** As the trainer sees them: with the correct options. */
    quiz: res.body.quiz as FixtureQuiz | null,
    rubric: res.body.rubric as {
      criteria: { id: string; weight: number; maxScore: number }[];
      passThreshold: number;
    } | null,
  };
}

export async function unitId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>('SELECT id FROM unit WHERE code = $1', [code]);
  return row.id;
}
