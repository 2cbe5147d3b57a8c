import { mkdirSync, writeFileSync } from 'node:fs';
import type { Response } from 'supertest';
import { CertificateService } from '@lms/certificates';
import { RequestContext } from '@lms/core';
import { apiAs } from '../support/api-client';
import { enrol, officerOf, otherOfficerLogin, rightAnswers } from '../support/assessment-fixtures';
import { createCourse } from '../support/catalogue-fixtures';
import { binary, pdfText } from '../support/pdf';
import { createTestApp, TestApp } from '../support/test-app';

const API = '/api/v1';
const ALL_THREE = { lessonsRead: true, quizPassed: true, practicalPassed: true, seminarAttended: false };
const PRACTICAL_ONLY = { lessonsRead: false, quizPassed: false, practicalPassed: true, seminarAttended: false };
const KAZAKH_TITLE = 'Қақтығыстарды шешу ӘҒҚҢӨҰҮҺІ әдебі';
const RUSSIAN_TITLE = 'Разрешение конфликтов и этика';

const almatyDate = (iso: string) =>
  new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Asia/Almaty',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));

describe('certificates', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let hr: string;
  let hrAstana: string;
  let trainer: string;
  let admin: string;
  let officer: string;
  let me: { id: string; fullName: string };

  const enrollment = async (id: string) => (await api(hr).get(`/enrollments/${id}`)).body;
  const certificatesOf = async (token: string, query = '') => (await api(token).get(`/certificates${query}`)).body;
  const fullMarks = (rubric: { criteria: { id: string; maxScore: number }[] }) =>
    rubric.criteria.map((c) => ({ criterionId: c.id, score: c.maxScore }));

  /** A practical-only course completed by the demo officer; returns the enrolment and its certificate. */
  async function completedPractical(code: string) {
    const course = await createCourse(t, code, { rubric: {}, completionRule: PRACTICAL_ONLY, validityMonths: 12 });
    const enrollmentId = await enrol(t, hr, course.courseId, me.id);
    const graded = await api(trainer)
      .post(`/enrollments/${enrollmentId}/practical-assessments`)
      .send({ scores: fullMarks(course.rubric!), comment: 'Good.' });
    expect(graded.body.enrollmentStatus).toBe('completed');
    const list = await certificatesOf(officer, `?courseId=${course.courseId}`);
    return { course, enrollmentId, certificate: list.items[0] };
  }

  beforeAll(async () => {
    t = await createTestApp();
    [hr, hrAstana, trainer, admin, officer] = await Promise.all([
      t.login('hr.almaty'),
      t.login('hr.astana'),
      t.login('trainer'),
      t.login('admin'),
      t.login('officer'),
    ]);
    me = await officerOf(t, 'officer');
  });
  afterAll(() => t.close());

  describe('the whole course, from lessons to a verified certificate', () => {
    let course: Awaited<ReturnType<typeof createCourse>>;
    let enrollmentId: string;
    let certificate: {
      id: string;
      serial: string;
      verificationCode: string;
      issuedAt: string;
      expiresAt: string;
      verifyPath: string;
    };

    /** What the officer and the trainer saw on the way: the first test checks each step. */
    const seen = {} as {
      afterLessons: { progress: unknown };
      attempt: Response;
      submitted: Response;
      certificatesBeforePractical: unknown;
      graded: Response;
      done: { completedAt: string; expiresAt: string };
      mine: { total: number; items: (typeof certificate)[] };
    };

    // The whole journey runs once here, so every test below starts from an issued certificate.
    beforeAll(async () => {
      course = await createCourse(t, 'C-FULL', {
        lessons: 2,
        quiz: { questions: 6, drawCount: 4, passMark: 75 },
        rubric: {},
        completionRule: ALL_THREE,
        validityMonths: 24,
      });
      await api(trainer)
        .patch(`/courses/${course.courseId}`)
        .send({ title: { kk: KAZAKH_TITLE, ru: RUSSIAN_TITLE, en: 'Conflict resolution and ethics' } })
        .expect(200);
      enrollmentId = await enrol(t, hr, course.courseId, me.id);
      for (const lessonId of course.lessonIds) {
        await api(officer).post(`/enrollments/${enrollmentId}/lessons/${lessonId}/read`).expect(200);
      }
      seen.afterLessons = await enrollment(enrollmentId);
      seen.attempt = await api(officer).post(`/enrollments/${enrollmentId}/attempts`);
      seen.submitted = await api(officer)
        .post(`/attempts/${seen.attempt.body.id}/submit`)
        .send({ answers: rightAnswers(seen.attempt.body.questions, course.quiz!) });
      seen.certificatesBeforePractical = await certificatesOf(officer, `?courseId=${course.courseId}`);
      seen.graded = await api(trainer)
        .post(`/enrollments/${enrollmentId}/practical-assessments`)
        .send({ scores: fullMarks(course.rubric!), comment: 'Kept distance, named the feeling, offered a choice.' });
      seen.done = await enrollment(enrollmentId);
      seen.mine = await certificatesOf(officer, `?courseId=${course.courseId}`);
      certificate = seen.mine.items[0];
    });

    it('completes the enrolment once lessons are read, the quiz passed and the practical passed, and issues the certificate', async () => {
      expect(seen.afterLessons.progress).toMatchObject({ lessonsRead: true, quizPassed: false });
      expect(seen.attempt.status).toBe(201);
      expect(seen.submitted.body).toMatchObject({ score: 100, passed: true, enrollmentStatus: 'in_progress' });
      expect(seen.certificatesBeforePractical).toMatchObject({ items: [], total: 0 });
      expect(seen.graded.status).toBe(201);
      expect(seen.graded.body).toMatchObject({ score: 100, passed: true, enrollmentStatus: 'completed' });
      const done = seen.done;
      expect(done).toMatchObject({
        status: 'completed',
        progress: { lessonsRead: true, quizPassed: true, practicalPassed: true },
      });

      expect(seen.mine.total).toBe(1);
      expect(certificate).toMatchObject({
        enrollmentId,
        officerId: me.id,
        officerName: me.fullName,
        courseId: course.courseId,
        courseCode: 'C-FULL',
        courseTitle: { kk: KAZAKH_TITLE, ru: RUSSIAN_TITLE },
        courseVersionId: course.versionId,
        valid: true,
      });
      const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Almaty', year: 'numeric' }).format(new Date());
      expect(certificate.serial).toMatch(new RegExp(`^KZ-${year}-\\d{6}$`));
      expect(certificate.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      expect(certificate.verifyPath).toBe(`/verify/${certificate.verificationCode}`);
      expect(new Date(certificate.issuedAt).getTime()).toBe(new Date(done.completedAt).getTime());
      expect(new Date(certificate.expiresAt).getTime()).toBe(new Date(done.expiresAt).getTime());

      const [event] = await t.sql<{ after: { serial: string } }>(
        `SELECT after FROM audit_event WHERE action = 'certificate.issue' AND entity_id = $1`,
        [certificate.id],
      );
      expect(event.after.serial).toBe(certificate.serial);
    });

    it('serves the certificate as a PDF with the officer, the course in Kazakh and Russian, serial, date and verification', async () => {
      const res = await api(officer).get(`/certificates/${certificate.id}/pdf`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/pdf/);
      expect(res.headers['content-disposition']).toContain(`certificate-${certificate.serial}.pdf`);
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(5_000);

      const text = pdfText(pdf);
      for (const word of me.fullName.split(/\s+/)) expect(text).toContain(word);
      for (const word of ['Қақтығыстарды', 'ӘҒҚҢӨҰҮҺІ', 'Разрешение', 'конфликтов', 'СЕРТИФИКАТ']) {
        expect(text).toContain(word);
      }
      expect(text).toContain(certificate.serial);
      expect(text).toContain(almatyDate(certificate.issuedAt));
      expect(text).toContain(certificate.verificationCode.match(/.{4}/g)!.join('-'));
      // The full address under PUBLIC_URL (the test app's own), and its QR code as an image.
      expect(text).toContain(`${t.config.publicUrl}/verify/${certificate.verificationCode}`);
      expect(text).toContain('Руководитель');
      expect(text).toContain('М.П.');
      expect(pdf.includes(Buffer.from('/Subtype /Image'))).toBe(true);
      mkdirSync('test/artifacts/certificates', { recursive: true });
      writeFileSync('test/artifacts/certificates/certificate.pdf', pdf);
    });

    it('verifies the certificate publicly, without a token, however the code is typed', async () => {
      const res = await t.http().get(`${API}/certificates/verify/${certificate.verificationCode}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        valid: true,
        status: 'valid',
        serial: certificate.serial,
        officerName: me.fullName,
        courseTitle: { kk: KAZAKH_TITLE, ru: RUSSIAN_TITLE, en: 'Conflict resolution and ethics' },
        issuedAt: certificate.issuedAt,
        expiresAt: certificate.expiresAt,
      });
      const typed = certificate.verificationCode.toLowerCase().match(/.{4}/g)!.join('-');
      expect((await t.http().get(`${API}/certificates/verify/${typed}`)).body.valid).toBe(true);
    });

    it('answers an unknown or malformed code with 200 and valid false, revealing nothing', async () => {
      const unknown = {
        valid: false,
        status: 'unknown',
        serial: null,
        officerName: null,
        courseTitle: null,
        issuedAt: null,
        expiresAt: null,
      };
      for (const code of ['ABCDEFGHJKMNPQRS', 'not-a-code', 'x'.repeat(300), 'pdf']) {
        const res = await t.http().get(`${API}/certificates/verify/${code}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual(unknown);
      }
    });

    it('keeps certificates to their officer, and HR and trainers to their subtree', async () => {
      const path = `/certificates/${certificate.id}`;
      expect((await api(officer).get(path)).status).toBe(200);
      expect((await certificatesOf(hr, `?officerId=${me.id}`)).items.map((c: { id: string }) => c.id)).toContain(
        certificate.id,
      );
      expect((await certificatesOf(trainer, `?courseId=${course.courseId}`)).total).toBe(1);
      expect(await certificatesOf(hrAstana, `?officerId=${me.id}`)).toMatchObject({ items: [], total: 0 });
      expect((await api(hrAstana).get(path)).status).toBe(404);
      expect((await api(hrAstana).get(`${path}/pdf`)).status).toBe(404);

      const colleague = await otherOfficerLogin(t, admin, 'ALM-BOST-UP', 'c.colleague');
      // A colleague sees exactly their own certificates (the demo gave them some), never the demo officer's.
      const [{ own }] = await t.sql<{ own: number }>(
        'SELECT count(*)::int AS own FROM certificate WHERE officer_id = $1',
        [colleague.officerId],
      );
      const theirs = await certificatesOf(colleague.token);
      expect(theirs.total).toBe(own);
      expect(theirs.items.every((c: { officerId: string }) => c.officerId === colleague.officerId)).toBe(true);
      expect((await api(colleague.token).get(path)).status).toBe(404);
      expect((await api(colleague.token).get(`${path}/pdf`)).status).toBe(404);
      expect(await certificatesOf(officer, `?officerId=${colleague.officerId}`)).toMatchObject({ total: 0 });
      expect((await t.http().get(`${API}/certificates`)).status).toBe(401);
      expect((await api(hr).get('/certificates?officerId=nope')).status).toBe(422);
    });

    it('shows an expired certificate as not valid', async () => {
      const expired = (await completedPractical('C-EXPIRED')).certificate;
      await t.sql(`UPDATE certificate SET expires_at = now() - interval '1 day' WHERE id = $1`, [expired.id]);
      const res = await t.http().get(`${API}/certificates/verify/${expired.verificationCode}`);
      expect(res.body).toMatchObject({
        valid: false,
        status: 'expired',
        serial: expired.serial,
        officerName: me.fullName,
      });
      expect((await api(officer).get(`/certificates/${expired.id}`)).body.valid).toBe(false);
    });
  });

  it('issues one certificate per enrolment, with increasing serial numbers', async () => {
    const first = await completedPractical('C-SERIAL-1');
    const second = await completedPractical('C-SERIAL-2');
    const number = (serial: string) => Number(serial.split('-')[2]);
    expect(number(second.certificate.serial)).toBeGreaterThan(number(first.certificate.serial));
    expect(second.certificate.verificationCode).not.toBe(first.certificate.verificationCode);
    await t.app.get(CertificateService).issue(RequestContext.system(), [first.enrollmentId]);
    const rows = await t.sql('SELECT 1 FROM certificate WHERE enrollment_id = $1', [first.enrollmentId]);
    expect(rows).toHaveLength(1);
  });

  it('does not complete an enrolment whose certificate cannot be issued: both happen in one transaction', async () => {
    const course = await createCourse(t, 'C-ATOMIC', { rubric: {}, completionRule: PRACTICAL_ONLY });
    const enrollmentId = await enrol(t, hr, course.courseId, me.id);
    await t.sql(`CREATE FUNCTION refuse_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'certificate refused for this test'; END $$`);
    await t.sql(
      `CREATE TRIGGER refuse_certificate BEFORE INSERT ON certificate FOR EACH ROW EXECUTE FUNCTION refuse_certificate()`,
    );
    try {
      const refused = await api(trainer)
        .post(`/enrollments/${enrollmentId}/practical-assessments`)
        .send({ scores: fullMarks(course.rubric!) });
      expect(refused.status).toBe(500);
      expect(await enrollment(enrollmentId)).toMatchObject({ status: 'assigned', completedAt: null });
      expect(await t.sql('SELECT 1 FROM practical_assessment WHERE enrollment_id = $1', [enrollmentId])).toEqual([]);
    } finally {
      await t.sql('DROP TRIGGER refuse_certificate ON certificate');
      await t.sql('DROP FUNCTION refuse_certificate()');
    }
    const graded = await api(trainer)
      .post(`/enrollments/${enrollmentId}/practical-assessments`)
      .send({ scores: fullMarks(course.rubric!) });
    expect(graded.body.enrollmentStatus).toBe('completed');
    expect(await t.sql('SELECT 1 FROM certificate WHERE enrollment_id = $1', [enrollmentId])).toHaveLength(1);
  });
});
