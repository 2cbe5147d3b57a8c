import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { completenessProblems, seedDocuments, VersionContent } from '@lms/catalogue';
import { apiAs } from '../support/api-client';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';

const CLI = resolve(__dirname, '../../dist/apps/cli/src/main.js');
const documents = seedDocuments().map(({ document }) => JSON.parse(JSON.stringify(document)) as SeedDocument);

interface SeedDocument {
  format: string;
  course: { code: string };
  version: {
    lessons: unknown[];
    quiz: { questions: unknown[]; drawCount: number };
    rubric: { criteria: { id?: string }[] } | null;
    seminar: unknown;
    completionRule: unknown;
  };
}

/** Where a localized text (an object with a kk, ru or en key) lacks one of the three languages. */
function untranslated(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => untranslated(item, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (['kk', 'ru', 'en'].some((lang) => lang in record))
    return ['kk', 'ru', 'en']
      .filter((lang) => typeof record[lang] !== 'string' || !record[lang].trim())
      .map((lang) => `${path}.${lang}`);
  return Object.entries(record).flatMap(([key, item]) => untranslated(item, path ? `${path}.${key}` : key));
}

interface VersionRow {
  id: string;
  code: string;
  number: number;
  status: string;
  content: { lessons: unknown[]; quiz: { questions: unknown[] }; seminar: { required: boolean } | null };
  published_at: Date;
}

/**
 * A course as the first programme had it: five courses, no survey lesson,
 * twelve questions drawing ten, criteria without fixed ids, the ethics course
 * without a seminar or a role-play.
 */
function earlierEdition(document: SeedDocument): SeedDocument {
  const version = structuredClone(document.version);
  version.lessons = version.lessons.slice(1);
  version.quiz.questions = version.quiz.questions.slice(0, 12);
  version.quiz.drawCount = 10;
  for (const criterion of version.rubric?.criteria ?? []) delete criterion.id;
  if (document.course.code === 'ETHICS-IMAGE') {
    version.seminar = { required: false, hours: 2 };
    version.completionRule = { lessonsRead: true, quizPassed: true, practicalPassed: false, seminarAttended: false };
  }
  return { ...document, version };
}

describe('seeding the programme over an earlier edition of it', () => {
  let t: TestApp;
  let trainer: string;
  let before: VersionRow[];

  const versions = () =>
    t.sql<VersionRow>(
      `SELECT v.id, c.code, v.number, v.status, v.content, v.published_at
       FROM course_version v JOIN course c ON c.id = v.course_id ORDER BY c.code, v.number`,
    );
  const seed = () => {
    const run = spawnSync(process.execPath, [CLI, 'seed:programme'], {
      env: { ...process.env, DATABASE_URL: t.url, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    return run.stdout;
  };
  const courseId = async (code: string) =>
    (await t.sql<{ id: string }>('SELECT id FROM course WHERE code = $1', [code]))[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    trainer = await t.login('trainer');
    // The template holds this edition already, with the demo's year of training on it; put the earlier
    // edition in its place, the way trainers loaded it, before anyone trained on it.
    const history = [
      'certificate',
      'quiz_attempt',
      'practical_assessment',
      'seminar_attendance',
      'seminar_booking',
      'drill_participant',
      'drill_session',
    ];
    const plans = ['seminar_session', 'enrollment', 'assignment_rule', 'ministry_order', 'drill_assignment'];
    // The earlier edition had no scenario bank, no drills and no rule on who runs the seminars.
    const practice = ['scenario', 'drill_plan', 'drill', 'programme_seminar_rule'];
    for (const table of [
      ...history,
      ...plans,
      ...practice,
      'programme',
      'course_version',
      'course_grant',
      'course_attachment',
      'course',
    ])
      await t.sql(`DELETE FROM ${table}`);
    const courseIds: string[] = [];
    for (const document of documents.filter((d) => d.course.code !== 'COMM-PARTNER')) {
      const res = await apiAs(t, trainer).post('/courses/import?publish=true', earlierEdition(document));
      expect(res.status).toBe(201);
      courseIds.push(res.body.courseId);
    }
    const programme = await apiAs(t, trainer).post('/programmes', {
      code: 'MVD-COMM-2026',
      title: { kk: 'Бағдарлама', ru: 'Программа', en: 'Programme' },
      courseIds,
    });
    expect(programme.status).toBe(201);
    // A trainer is working on a draft of one course: the seeder must leave it alone.
    expect((await apiAs(t, trainer).post(`/courses/${await courseId('CRIT-SIT')}/versions`, {})).status).toBe(201);
    before = await versions();
  });
  afterAll(() => t.close());

  it('publishes the new content as new versions and leaves every earlier version as it was', async () => {
    const output = seed();
    expect(output).toContain('1 course(s) loaded and published, 4 new version(s) published; programme updated');
    expect(output).toContain('CRIT-SIT: not updated, a draft is in progress');
    expect(output).toContain('13 scenario revision(s) and 13 drill revision(s) loaded; drill plan created');

    const after = await versions();
    for (const earlier of before) {
      const now = after.find((v) => v.id === earlier.id)!;
      expect(now.content).toEqual(earlier.content);
      expect(now.number).toBe(earlier.number);
      expect(now.published_at).toEqual(earlier.published_at);
      if (earlier.status === 'published')
        expect(now.status).toBe(earlier.code === 'CRIT-SIT' ? 'published' : 'archived');
    }
    for (const document of documents.filter((d) => d.course.code !== 'CRIT-SIT')) {
      const [latest] = after.filter((v) => v.code === document.course.code && v.status === 'published');
      expect(latest.number).toBe(document.course.code === 'COMM-PARTNER' ? 1 : 2);
      expect(latest.content.lessons).toHaveLength(document.version.lessons.length);
      expect(latest.content.quiz.questions).toHaveLength(document.version.quiz.questions.length);
    }
    const ethics = after.find((v) => v.code === 'ETHICS-IMAGE' && v.status === 'published')!;
    expect(ethics.content.seminar).toMatchObject({ required: true });
  });

  it('leaves every published version of the programme complete, every text in Kazakh, Russian and English', async () => {
    const published = await t.sql<{ code: string; number: number; title: object; content: VersionContent }>(
      `SELECT c.code, v.number, c.title, v.content FROM course_version v JOIN course c ON c.id = v.course_id
       WHERE v.status = 'published' ORDER BY c.code`,
    );
    expect(published.map((v) => v.code)).toEqual(documents.map((d) => d.course.code).sort());
    for (const version of published) {
      const where = `${version.code} v${version.number}`;
      expect({ where, problems: completenessProblems(version.title, version.content) }).toEqual({
        where,
        problems: [],
      });
      expect({ where, missing: untranslated(version.content) }).toEqual({ where, missing: [] });
      expect({ where, missing: untranslated(version.title) }).toEqual({ where, missing: [] });
    }
  });

  it('puts every course into the programme, in order', async () => {
    const list = await apiAs(t, trainer).get('/programmes');
    const programme = list.body.items.find((p: { code: string }) => p.code === 'MVD-COMM-2026');
    expect(programme.courses.map((c: { code: string }) => c.code)).toEqual(documents.map((d) => d.course.code));
    expect(programme.title.en).toBe('Communication competence programme for police officers');
  });

  it('changes nothing when run again', async () => {
    const versionsBefore = await versions();
    const [{ events }] = await t.sql<{ events: number }>('SELECT count(*)::int AS events FROM audit_event');
    const output = seed();
    expect(output).toContain('0 course(s) loaded and published, 0 new version(s) published; programme unchanged');
    expect(output).toContain('0 scenario revision(s) and 0 drill revision(s) loaded; drill plan unchanged');
    expect(await versions()).toEqual(versionsBefore);
    expect((await t.sql<{ events: number }>('SELECT count(*)::int AS events FROM audit_event'))[0].events).toBe(events);
  });

  it('brings a course up to date once its draft is out of the way', async () => {
    const crit = await courseId('CRIT-SIT');
    const [draft] = await t.sql<{ id: string }>(
      `SELECT id FROM course_version WHERE course_id = $1 AND status = 'draft'`,
      [crit],
    );
    expect((await apiAs(t, trainer).post(`/course-versions/${draft.id}/publish`, {})).status).toBe(200);
    expect(seed()).toContain('0 course(s) loaded and published, 1 new version(s) published; programme unchanged');
    const crits = (await versions()).filter((v) => v.code === 'CRIT-SIT');
    expect(crits.map((v) => [v.number, v.status])).toEqual([
      [1, 'archived'],
      [2, 'archived'],
      [3, 'published'],
    ]);
    expect(crits[1].content).toEqual(crits[0].content);
  });
});
