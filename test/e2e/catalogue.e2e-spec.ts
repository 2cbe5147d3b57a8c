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
  let trainer: string;
  let officer: string;
  let hr: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    [trainer, officer, hr] = await Promise.all([t.login('trainer'), t.login('officer'), t.login('hr.almaty')]);
  });
  afterAll(() => t.close());

  /** A course and its first draft, the way a trainer starts one. */
  async function newCourse(code: string) {
    const res = await t
      .http()
      .post('/api/v1/courses')
      .set(auth(trainer))
      .send({ code, title: text(code) });
    expect(res.status).toBe(201);
    const draft = await t.http().post(`/api/v1/courses/${res.body.id}/versions`).set(auth(trainer));
    expect(draft.status).toBe(201);
    return {
      ...(res.body as { id: string; publishedVersionId: string | null }),
      draftVersionId: draft.body.id as string,
    };
  }

  it('creates a course without a version, then a first draft that only its authors see', async () => {
    const bare = await t
      .http()
      .post('/api/v1/courses')
      .set(auth(trainer))
      .send({ code: 'T-Bare', title: text('bare') });
    expect(bare.body).toMatchObject({ code: 'T-Bare', publishedVersionId: null, draftVersionId: null });
    const course = await newCourse('T-DRAFT-ONLY');
    expect(course.publishedVersionId).toBeNull();
    const got = await t.http().get(`/api/v1/courses/${course.id}`).set(auth(trainer));
    expect(got.body.draftVersionId).toBe(course.draftVersionId);
    const second = await t.http().post(`/api/v1/courses/${course.id}/versions`).set(auth(trainer));
    expect(second.status).toBe(409);
    expect(second.body.draftVersionId).toBe(course.draftVersionId);
    expect(course.draftVersionId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await t.http().get(`/api/v1/course-versions/${course.draftVersionId}`).set(auth(officer))).status).toBe(
      404,
    );
    expect((await t.http().get(`/api/v1/courses/${course.id}`).set(auth(officer))).status).toBe(404);
    const list = await t.http().get('/api/v1/courses?limit=100').set(auth(officer));
    expect(list.body.items.map((c: { code: string }) => c.code)).not.toContain('T-DRAFT-ONLY');
  });

  it('refuses a duplicate course code with 409', async () => {
    await newCourse('T-DUP');
    const res = await t
      .http()
      .post('/api/v1/courses')
      .set(auth(trainer))
      .send({ code: 't-dup', title: text('again') });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/course-code-taken');
  });

  it('lists precisely what is missing when publishing an incomplete draft, and publishes nothing', async () => {
    const course = await newCourse('T-INCOMPLETE');
    const content = completeContent();
    content.lessons[1].body = { kk: '', ru: 'only Russian', en: 'x' };
    content.quiz.drawCount = 5;
    const patched = await t
      .http()
      .patch(`/api/v1/course-versions/${course.draftVersionId}`)
      .set(auth(trainer))
      .send(content);
    expect(patched.status).toBe(200);
    const res = await t.http().post(`/api/v1/course-versions/${course.draftVersionId}/publish`).set(auth(trainer));
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
    const res = await t
      .http()
      .patch(`/api/v1/course-versions/${course.draftVersionId}`)
      .set(auth(trainer))
      .send(content);
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
    await t.http().patch(`/api/v1/course-versions/${v1}`).set(auth(trainer)).send(completeContent()).expect(200);
    const published = await t.http().post(`/api/v1/course-versions/${v1}/publish`).set(auth(trainer));
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', number: 1 });

    const edit = await t.http().patch(`/api/v1/course-versions/${v1}`).set(auth(trainer)).send({ validityMonths: 6 });
    expect(edit.status).toBe(409);

    const got = await t.http().get(`/api/v1/courses/${course.id}`).set(auth(officer));
    expect(got.body.publishedVersionId).toBe(v1);

    const draft = await t.http().post(`/api/v1/courses/${course.id}/versions`).set(auth(trainer));
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', number: 2 });
    expect(draft.body.lessons.map((l: { id: string }) => l.id)).toEqual(
      published.body.lessons.map((l: { id: string }) => l.id),
    );
    expect((await t.http().post(`/api/v1/courses/${course.id}/versions`).set(auth(trainer))).status).toBe(409);

    const lessons = draft.body.lessons.slice(0, 1).map((l: Record<string, unknown>) => ({ ...l, bodyHtml: undefined }));
    lessons[0].title = text('Trust, revised');
    lessons.push({ title: text('Filming'), body: text('New lesson.') });
    await t.http().patch(`/api/v1/course-versions/${draft.body.id}`).set(auth(trainer)).send({ lessons }).expect(200);
    const diff = await t.http().get(`/api/v1/course-versions/${draft.body.id}/diff?against=${v1}`).set(auth(trainer));
    expect(diff.status).toBe(200);
    expect(diff.body.lessons.map((c: { change: string }) => c.change).sort()).toEqual(['added', 'changed', 'removed']);
    expect(diff.body.summary).toEqual(
      expect.arrayContaining(['1 lesson added', '1 lesson removed', '1 lesson changed']),
    );

    await t.http().post(`/api/v1/course-versions/${draft.body.id}/publish`).set(auth(trainer)).expect(200);
    const history = await t.http().get(`/api/v1/courses/${course.id}/versions`).set(auth(trainer));
    expect(history.body.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [2, 'published'],
      [1, 'archived'],
    ]);
    expect(history.body[0].publishedBy).toBe('trainer');
  });

  it('shows the correct options to trainers and never to officers or HR', async () => {
    const course = await newCourse('T-ANSWERS');
    await t
      .http()
      .patch(`/api/v1/course-versions/${course.draftVersionId}`)
      .set(auth(trainer))
      .send(completeContent())
      .expect(200);
    await t.http().post(`/api/v1/course-versions/${course.draftVersionId}/publish`).set(auth(trainer)).expect(200);
    const asTrainer = await t.http().get(`/api/v1/course-versions/${course.draftVersionId}`).set(auth(trainer));
    expect(asTrainer.body.quiz.questions[0].options[0].correct).toBe(true);
    for (const token of [officer, hr]) {
      const res = await t.http().get(`/api/v1/course-versions/${course.draftVersionId}`).set(auth(token));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body.quiz)).not.toMatch(/"correct"/);
      expect(res.body.quiz.questions[0].explanation).toBeNull();
    }
  });

  it('stores unsafe Markdown as written but renders it inert', async () => {
    const course = await newCourse('T-XSS');
    const body =
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) and [ok](https://police.kz)';
    await t
      .http()
      .patch(`/api/v1/course-versions/${course.draftVersionId}`)
      .set(auth(trainer))
      .send({ lessons: [{ title: text('x'), body: { kk: body, ru: body } }] })
      .expect(200);
    const res = await t.http().get(`/api/v1/course-versions/${course.draftVersionId}`).set(auth(trainer));
    expect(res.body.lessons[0].body.kk).toBe(body);
    const html: string = res.body.lessons[0].bodyHtml.kk;
    expect(html).not.toMatch(/<script|<img|href="javascript:/i); // onerror survives only as escaped text
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('href="https://police.kz"');
  });

  it('refuses authoring by a trainer who neither owns nor was granted the course, until granted', async () => {
    const course = await newCourse('T-GRANT');
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(auth(await t.login('admin')))
      .send({
        username: 'second.trainer',
        password: 'Second-trainer-2026',
        roles: [
          { role: 'trainer', unitId: (await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'MVD'`))[0].id },
        ],
      });
    expect(created.status).toBe(201);
    const other = await t.login('second.trainer', 'Second-trainer-2026');
    const refused = await t
      .http()
      .patch(`/api/v1/course-versions/${course.draftVersionId}`)
      .set(auth(other))
      .send({ validityMonths: 3 });
    expect(refused.status).toBe(404); // a draft it cannot author does not exist for it
    await t
      .http()
      .post(`/api/v1/courses/${course.id}/grants`)
      .set(auth(trainer))
      .send({ userId: created.body.id })
      .expect(204);
    const allowed = await t
      .http()
      .patch(`/api/v1/course-versions/${course.draftVersionId}`)
      .set(auth(other))
      .send({ validityMonths: 3 });
    expect(allowed.status).toBe(200);
    expect(
      (
        await t
          .http()
          .post('/api/v1/courses')
          .set(auth(officer))
          .send({ code: 'T-OFFICER', title: text('x') })
      ).status,
    ).toBe(403);
  });

  it('exports a version and imports it as a new course; a wrong schema or a duplicate code changes nothing', async () => {
    const course = await newCourse('T-EXPORT');
    await t
      .http()
      .patch(`/api/v1/course-versions/${course.draftVersionId}`)
      .set(auth(trainer))
      .send(completeContent())
      .expect(200);
    const exported = await t.http().get(`/api/v1/course-versions/${course.draftVersionId}/export`).set(auth(trainer));
    expect(exported.status).toBe(200);
    expect(exported.body.format).toBe('lms-course-version/1');
    const document = {
      format: exported.body.format,
      course: { ...exported.body.course, code: 'T-IMPORTED' },
      version: exported.body.version,
    };
    const imported = await t.http().post('/api/v1/courses/import?publish=true').set(auth(trainer)).send(document);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ status: 'published', courseCode: 'T-IMPORTED' });
    expect(imported.body.quiz.questions).toHaveLength(3);

    const countBefore = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM course'))[0].n;
    const duplicate = await t.http().post('/api/v1/courses/import').set(auth(trainer)).send(document);
    expect(duplicate.status).toBe(409);
    const wrong = await t
      .http()
      .post('/api/v1/courses/import')
      .set(auth(trainer))
      .send({ ...document, format: 'other', version: { lessons: 'x' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['format', 'version.lessons']),
    );
    const incomplete = await t
      .http()
      .post('/api/v1/courses/import?publish=true')
      .set(auth(trainer))
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
    const ok = await t
      .http()
      .post(`/api/v1/courses/${course.id}/attachments?fileName=memo.pdf`)
      .set(auth(trainer))
      .set('content-type', 'application/pdf')
      .send(pdf);
    expect(ok.status).toBe(201);
    const download = await t.http().get(`/api/v1/attachments/${ok.body.id}`).set(auth(trainer));
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/application\/pdf/);

    const before = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM course_attachment'))[0].n;
    const exe = await t
      .http()
      .post(`/api/v1/courses/${course.id}/attachments?fileName=x.exe`)
      .set(auth(trainer))
      .set('content-type', 'application/x-msdownload')
      .send(Buffer.from('MZ'));
    expect(exe.status).toBe(415);
    const fake = await t
      .http()
      .post(`/api/v1/courses/${course.id}/attachments?fileName=x.pdf`)
      .set(auth(trainer))
      .set('content-type', 'application/pdf')
      .send(Buffer.from('<html>'));
    expect(fake.status).toBe(415);
    const big = await t
      .http()
      .post(`/api/v1/courses/${course.id}/attachments?fileName=big.pdf`)
      .set(auth(trainer))
      .set('content-type', 'application/pdf')
      .send(Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(11 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM course_attachment'))[0].n).toBe(before);

    const linked = await t
      .http()
      .patch(`/api/v1/course-versions/${course.draftVersionId}`)
      .set(auth(trainer))
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
    const badLink = await t
      .http()
      .patch(`/api/v1/course-versions/${course.draftVersionId}`)
      .set(auth(trainer))
      .send({
        lessons: [{ title: text('x'), body: text('x'), attachments: [{ kind: 'link', url: 'javascript:alert(1)' }] }],
      });
    expect(badLink.status).toBe(422);
  });

  it('serves a lesson file under its own name, Kazakh letters included, with an ASCII fallback', async () => {
    const course = await newCourse('T-FILE-NAME');
    const name = 'Жадынама (қауіпсіздік).pdf';
    const uploaded = await t
      .http()
      .post(`/api/v1/courses/${course.id}/attachments?fileName=${encodeURIComponent(name)}`)
      .set(auth(trainer))
      .set('content-type', 'application/pdf')
      .send(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)]));
    expect(uploaded.status).toBe(201);
    const download = await t.http().get(`/api/v1/attachments/${uploaded.body.id}`).set(auth(trainer));
    expect(download.status).toBe(200);
    const [, fallback, encoded] = /^attachment; filename="([ -~]*)"; filename\*=UTF-8''(\S+)$/.exec(
      download.headers['content-disposition'],
    )!;
    expect(fallback).toBe('_.pdf');
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('stores titles trimmed and composed (NFC), however they were typed', async () => {
    const typed = ' Жайлы сөйлесу '.normalize('NFD');
    const res = await t
      .http()
      .post('/api/v1/courses')
      .set(auth(trainer))
      .send({ code: 'T-NFC', title: { kk: typed, ru: typed } });
    expect(res.status).toBe(201);
    expect(res.body.title).toEqual({ kk: 'Жайлы сөйлесу', ru: 'Жайлы сөйлесу' });
  });
});
