import { apiAs } from '../support/api-client';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

const text = (s: string) => ({ kk: `${s} (kk)`, ru: `${s} (ru)`, en: s });

/** A complete version: two lessons, a quiz of three questions drawing two, a rubric, a seminar. */
function completeContent() {
  return {
    objectives: [text('Name three trust factors')],
    lessons: [
      { title: text('Trust'), body: text('First paragraph.\n\nSecond paragraph.'), durationMinutes: 20 },
      { title: text('Distrust'), body: text('What destroys trust.'), durationMinutes: 15 },
    ],
    quiz: {
      questions: [1, 2, 3].map((n) => ({
        text: text(`Question ${n}`),
        multiple: n === 3,
        options: [
          { text: text('right'), correct: true },
          { text: text('wrong'), correct: false },
          { text: text('also right'), correct: n === 3 },
        ],
        explanation: text('Because.'),
      })),
      drawCount: 2,
      passMark: 70,
      timeLimitMinutes: 15,
      maxAttempts: 3,
    },
    rubric: {
      criteria: [
        { description: text('Makes contact'), weight: 60, maxScore: 5 },
        { description: text('Explains the action'), weight: 40, maxScore: 5 },
      ],
      passThreshold: 70,
    },
    seminar: { required: true, hours: 4 },
    completionRule: { lessonsRead: true, quizPassed: true, practicalPassed: true, seminarAttended: true },
    validityMonths: 12,
  };
}

describe('catalogue: courses, versions and the programme', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let trainer: string;
  let officer: string;
  let hr: string;

  beforeAll(async () => {
    t = await createTestApp();
    [trainer, officer, hr] = await Promise.all([t.login('trainer'), t.login('officer'), t.login('hr.almaty')]);
  });
  afterAll(() => t.close());

  /** A course and its first draft, the way a trainer starts one. */
  async function newCourse(code: string) {
    const res = await api(trainer)
      .post('/courses')
      .send({ code, title: text(code) });
    expect(res.status).toBe(201);
    return res.body as { id: string; publishedVersionId: string | null; draftVersionId: string };
  }

  it('creates a course with its first draft, empty and ready to edit, that only its authors see', async () => {
    const course = await newCourse('T-DRAFT-ONLY');
    const draft = await api(trainer).get(`/course-versions/${course.draftVersionId}`);
    expect(draft.body).toMatchObject({ courseId: course.id, number: 1, status: 'draft', lessons: [] });
    expect(course.publishedVersionId).toBeNull();
    const got = await api(trainer).get(`/courses/${course.id}`);
    expect(got.body.draftVersionId).toBe(course.draftVersionId);
    const second = await api(trainer).post(`/courses/${course.id}/versions`);
    expect(second.status).toBe(409);
    expect(second.body.draftVersionId).toBe(course.draftVersionId);
    expect(course.draftVersionId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api(officer).get(`/course-versions/${course.draftVersionId}`)).status).toBe(404);
    expect((await api(officer).get(`/courses/${course.id}`)).status).toBe(404);
    const list = await api(officer).get('/courses?limit=100');
    expect(list.body.items.map((c: { code: string }) => c.code)).not.toContain('T-DRAFT-ONLY');
  });

  it('refuses a duplicate course code with 409', async () => {
    await newCourse('T-DUP');
    const res = await api(trainer)
      .post('/courses')
      .send({ code: 't-dup', title: text('again') });
    expectProblem(res, 409, 'course-code-taken');
  });

  it('lists precisely what is missing when publishing an incomplete draft, and publishes nothing', async () => {
    const course = await newCourse('T-INCOMPLETE');
    const content = completeContent();
    content.lessons[1].body = { kk: '', ru: 'only Russian', en: 'x' };
    content.quiz.drawCount = 5;
    const patched = await api(trainer).patch(`/course-versions/${course.draftVersionId}`).send(content);
    expect(patched.status).toBe(200);
    const res = await api(trainer).post(`/course-versions/${course.draftVersionId}/publish`);
    expect(res.status).toBe(422);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['lessons[1].body.kk', 'quiz.drawCount']));
    const [row] = await t.sql<{ status: string }>('SELECT status FROM course_version WHERE id = $1', [
      course.draftVersionId,
    ]);
    expect(row.status).toBe('draft');
  });

  it('refuses a question without a correct option and weights that do not sum to 100, saving nothing', async () => {
    const course = await newCourse('T-BAD-CONTENT');
    const content = completeContent();
    content.quiz.questions[0].options.forEach((o) => (o.correct = false));
    content.rubric.criteria[0].weight = 10;
    const res = await api(trainer).patch(`/course-versions/${course.draftVersionId}`).send(content);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'quiz.questions[0].options', message: 'no option is marked correct' },
        expect.objectContaining({ field: 'rubric.criteria', message: expect.stringMatching(/sum to 100/) }),
      ]),
    );
    const [row] = await t.sql<{ content: { lessons: unknown[] } }>('SELECT content FROM course_version WHERE id = $1', [
      course.draftVersionId,
    ]);
    expect(row.content.lessons).toEqual([]);
  });

  it('publishes a complete draft, freezes it, and starts the next draft from it', async () => {
    const course = await newCourse('T-LIFECYCLE');
    const v1 = course.draftVersionId;
    await api(trainer).patch(`/course-versions/${v1}`).send(completeContent()).expect(200);
    const published = await api(trainer).post(`/course-versions/${v1}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', number: 1 });

    const edit = await api(trainer).patch(`/course-versions/${v1}`).send({ validityMonths: 6 });
    expect(edit.status).toBe(409);

    const got = await api(officer).get(`/courses/${course.id}`);
    expect(got.body.publishedVersionId).toBe(v1);

    const draft = await api(trainer).post(`/courses/${course.id}/versions`);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', number: 2 });
    expect(draft.body.lessons.map((l: { id: string }) => l.id)).toEqual(
      published.body.lessons.map((l: { id: string }) => l.id),
    );
    expect((await api(trainer).post(`/courses/${course.id}/versions`)).status).toBe(409);

    const lessons = draft.body.lessons.slice(0, 1).map((l: Record<string, unknown>) => ({ ...l, bodyHtml: undefined }));
    lessons[0].title = text('Trust, revised');
    lessons.push({ title: text('Filming'), body: text('New lesson.') });
    await api(trainer).patch(`/course-versions/${draft.body.id}`).send({ lessons }).expect(200);
    const diff = await api(trainer).get(`/course-versions/${draft.body.id}/diff?against=${v1}`);
    expect(diff.status).toBe(200);
    expect(diff.body.lessons.map((c: { change: string }) => c.change).sort()).toEqual(['added', 'changed', 'removed']);
    expect(diff.body.summary).toEqual(
      expect.arrayContaining(['1 lesson added', '1 lesson removed', '1 lesson changed']),
    );

    await api(trainer).post(`/course-versions/${draft.body.id}/publish`).expect(200);
    const history = await api(trainer).get(`/courses/${course.id}/versions`);
    expect(history.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(history.body.items.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [2, 'published'],
      [1, 'archived'],
    ]);
    expect(history.body.items[0].publishedBy).toBe('trainer');
    const older = await api(trainer).get(`/courses/${course.id}/versions?limit=1&offset=1`);
    expect(older.body).toMatchObject({ items: [{ number: 1 }], total: 2, limit: 1, offset: 1 });
  });

  it('shows the correct options to the course’s authors and never to officers or HR', async () => {
    const course = await newCourse('T-ANSWERS');
    await api(trainer).patch(`/course-versions/${course.draftVersionId}`).send(completeContent()).expect(200);
    await api(trainer).post(`/course-versions/${course.draftVersionId}/publish`).expect(200);
    const asTrainer = await api(trainer).get(`/course-versions/${course.draftVersionId}`);
    expect(asTrainer.body.quiz.questions[0].options[0].correct).toBe(true);
    for (const token of [officer, hr]) {
      const res = await api(token).get(`/course-versions/${course.draftVersionId}`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body.quiz)).not.toMatch(/"correct"/);
      expect(res.body.quiz.questions).toEqual([]);
    }
  });

  it('stores unsafe Markdown as written but renders it inert', async () => {
    const course = await newCourse('T-XSS');
    const body =
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) and [ok](https://police.kz)';
    await api(trainer)
      .patch(`/course-versions/${course.draftVersionId}`)
      .send({ lessons: [{ title: text('x'), body: { kk: body, ru: body } }] })
      .expect(200);
    const res = await api(trainer).get(`/course-versions/${course.draftVersionId}`);
    expect(res.body.lessons[0].body.kk).toBe(body);
    const html: string = res.body.lessons[0].bodyHtml.kk;
    expect(html).not.toMatch(/<script|<img|href="javascript:/i); // onerror survives only as escaped text
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('href="https://police.kz"');
  });

  it('refuses authoring by a trainer who neither owns nor was granted the course, until granted', async () => {
    const course = await newCourse('T-GRANT');
    const created = await api(await t.login('admin'))
      .post('/users')
      .send({
        username: 'second.trainer',
        password: 'Second-trainer-2026',
        roles: [
          { role: 'trainer', unitId: (await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'MVD'`))[0].id },
        ],
      });
    expect(created.status).toBe(201);
    const other = await t.login('second.trainer', 'Second-trainer-2026');
    const refused = await api(other).patch(`/course-versions/${course.draftVersionId}`).send({ validityMonths: 3 });
    expect(refused.status).toBe(404); // a draft it cannot author does not exist for it
    await api(trainer).post(`/courses/${course.id}/grants`).send({ userId: created.body.id }).expect(204);
    const allowed = await api(other).patch(`/course-versions/${course.draftVersionId}`).send({ validityMonths: 3 });
    expect(allowed.status).toBe(200);
    expect(
      (
        await api(officer)
          .post('/courses')
          .send({ code: 'T-OFFICER', title: text('x') })
      ).status,
    ).toBe(403);
  });

  it('exports a version and imports it as a new course; a wrong schema or a duplicate code changes nothing', async () => {
    const course = await newCourse('T-EXPORT');
    await api(trainer).patch(`/course-versions/${course.draftVersionId}`).send(completeContent()).expect(200);
    const exported = await api(trainer).get(`/course-versions/${course.draftVersionId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.format).toBe('lms-course-version/1');
    const document = {
      format: exported.body.format,
      course: { ...exported.body.course, code: 'T-IMPORTED' },
      version: exported.body.version,
    };
    const imported = await api(trainer).post('/courses/import?publish=true').send(document);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ status: 'published', courseCode: 'T-IMPORTED' });
    expect(imported.body.quiz.questions).toHaveLength(3);

    const countBefore = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM course'))[0].n;
    const duplicate = await api(trainer).post('/courses/import').send(document);
    expect(duplicate.status).toBe(409);
    const wrong = await api(trainer)
      .post('/courses/import')
      .send({ ...document, format: 'other', version: { lessons: 'x' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['format', 'version.lessons']),
    );
    const incomplete = await api(trainer)
      .post('/courses/import?publish=true')
      .send({
        ...document,
        course: { ...document.course, code: 'T-IMPORT-INCOMPLETE' },
        version: { ...document.version, lessons: [] },
      });
    expect(incomplete.status).toBe(422);
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM course'))[0].n).toBe(countBefore);
  });

  it('accepts a PDF attachment and refuses one too large or of a forbidden type', async () => {
    const course = await newCourse('T-FILES');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1000, 32)]);
    const ok = await api(trainer)
      .post(`/courses/${course.id}/attachments?fileName=memo.pdf`)
      .set('content-type', 'application/pdf')
      .send(pdf);
    expect(ok.status).toBe(201);
    const download = await api(trainer).get(`/attachments/${ok.body.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/application\/pdf/);

    const before = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM course_attachment'))[0].n;
    const exe = await api(trainer)
      .post(`/courses/${course.id}/attachments?fileName=x.exe`)
      .set('content-type', 'application/x-msdownload')
      .send(Buffer.from('MZ'));
    expect(exe.status).toBe(415);
    const fake = await api(trainer)
      .post(`/courses/${course.id}/attachments?fileName=x.pdf`)
      .set('content-type', 'application/pdf')
      .send(Buffer.from('<html>'));
    expect(fake.status).toBe(415);
    const big = await api(trainer)
      .post(`/courses/${course.id}/attachments?fileName=big.pdf`)
      .set('content-type', 'application/pdf')
      .send(Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(11 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM course_attachment'))[0].n).toBe(before);

    const linked = await api(trainer)
      .patch(`/course-versions/${course.draftVersionId}`)
      .send({
        lessons: [
          {
            title: text('With file'),
            body: text('See the memo.'),
            attachments: [
              { kind: 'file', attachmentId: ok.body.id },
              { kind: 'link', url: 'https://video.example/x' },
            ],
          },
        ],
      });
    expect(linked.status).toBe(200);
    const badLink = await api(trainer)
      .patch(`/course-versions/${course.draftVersionId}`)
      .send({
        lessons: [{ title: text('x'), body: text('x'), attachments: [{ kind: 'link', url: 'javascript:alert(1)' }] }],
      });
    expect(badLink.status).toBe(422);
  });

  it('serves a lesson file under its own name, Kazakh letters included, with an ASCII fallback', async () => {
    const course = await newCourse('T-FILE-NAME');
    const name = 'Жадынама (қауіпсіздік).pdf';
    const uploaded = await api(trainer)
      .post(`/courses/${course.id}/attachments?fileName=${encodeURIComponent(name)}`)
      .set('content-type', 'application/pdf')
      .send(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)]));
    expect(uploaded.status).toBe(201);
    const download = await api(trainer).get(`/attachments/${uploaded.body.id}`);
    expect(download.status).toBe(200);
    const [, fallback, encoded] = /^attachment; filename="([ -~]*)"; filename\*=UTF-8''(\S+)$/.exec(
      download.headers['content-disposition'],
    )!;
    expect(fallback).toBe('_.pdf');
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('stores titles trimmed and composed (NFC), however they were typed', async () => {
    const typed = ' Жайлы сөйлесу '.normalize('NFD');
    const res = await api(trainer)
      .post('/courses')
      .send({ code: 'T-NFC', title: { kk: typed, ru: typed } });
    expect(res.status).toBe(201);
    expect(res.body.title).toEqual({ kk: 'Жайлы сөйлесу', ru: 'Жайлы сөйлесу' });
  });
});
