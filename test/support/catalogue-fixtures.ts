import { TestApp } from './test-app';

const text = (s: string) => ({ kk: `${s} (kk)`, ru: `${s} (ru)`, en: s });

export interface CourseOptions {
  lessons?: number;
  seminar?: { required: boolean; hours: number } | null;
  completionRule?: { lessonsRead: boolean; quizPassed: boolean; practicalPassed: boolean; seminarAttended: boolean };
  validityMonths?: number | null;
  publish?: boolean;
}

/** A small course through the API (as the demo trainer), published unless told otherwise. */
export async function createCourse(t: TestApp, code: string, options: CourseOptions = {}) {
  const trainer = await t.login('trainer');
  const document = {
    format: 'lms-course-version/1',
    course: { code, title: text(code) },
    version: {
      objectives: [],
      lessons: Array.from({ length: options.lessons ?? 2 }, (_, i) => ({
        title: text(`Lesson ${i + 1}`),
        body: text(`Body ${i + 1}.`),
      })),
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
  };
}

export async function unitId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>('SELECT id FROM unit WHERE code = $1', [code]);
  return row.id;
}
