import { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import { checkPage, createWebApp, launchBrowser, phoneContext, signIn, submitAndWait } from '../support/browser';
import { apiAs } from '../support/api-client';
import { TestApp } from '../support/test-app';
import { assign, publishWebCourse, scheduleSession } from '../support/web-fixtures';

const TRAINER = DEMO_ACCOUNTS.find((account) => account.username === 'trainer')!;

const submit = submitAndWait;

/**
 * A trainer's course work in a phone browser, in Kazakh: a new course, two
 * lessons and ten questions in Kazakh and Russian, publishing refused with
 * the list of what is missing, completed and published; the export.
 */
describe('pages: a trainer at work in the browser', () => {
  let t: TestApp & { baseUrl: string };
  let browser: Browser;

  beforeAll(async () => {
    t = await createWebApp();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const inspect = (page: Page, name: string) => checkPage(page, 'trainer-kk', name);

  describe('authoring a course', () => {
    it('creates a course, is refused publishing with what is missing, completes it and publishes', async () => {
      const context = await phoneContext(browser, 'kk-KZ');
      const page = await context.newPage();
      await signIn(page, t.baseUrl, TRAINER.username, TRAINER.password);
      await page.goto(`${t.baseUrl}/trainer/courses`);
      await submit(page, '.lang-switch button[value="kk"]');
      expect(await page.getAttribute('html', 'lang')).toBe('kk');
      await inspect(page, '01-courses');

      // A bad code stays beside its field with what was typed.
      await page.fill('#f-code', 'bad code!');
      await page.fill('#f-title_kk', 'Сенім мен сөйлесу');
      await submit(page, 'form[action="/trainer/courses"] button[type="submit"]');
      expect(await page.locator('#f-code-error').innerText()).toContain('Латын');
      expect(await page.inputValue('#f-title_kk')).toBe('Сенім мен сөйлесу');
      await page.fill('#f-code', 'WEB-TRAINER-1');
      await page.fill('#f-title_ru', 'Доверие и разговор');
      await submit(page, 'form[action="/trainer/courses"] button[type="submit"]');
      const editor = new URL(page.url()).pathname;
      expect(editor).toMatch(/^\/trainer\/versions\/[0-9a-f-]{36}$/);

      // Two lessons; the second one's Kazakh text left out for now. The preview renders the Markdown.
      await page.click(`a[href="${editor}/lessons/new"]`);
      await page.waitForURL(`**${editor}/lessons/new`);
      await page.fill('#f-title_kk', 'Қақтығыстың белгілері');
      await page.fill('#f-title_ru', 'Признаки конфликта');
      await page.fill('#f-body_kk', '## Не байқау керек\n\n**Жылдам қимылдар**, дауыстың көтерілуі.');
      await page.fill('#f-body_ru', '## Что замечать\n\n**Резкие движения**, повышение голоса.');
      await submit(page, 'button[name="intent"][value="preview"]');
      expect(await page.locator('#preview-ru strong').innerText()).toBe('Резкие движения');
      expect(await page.inputValue('#f-title_ru')).toBe('Признаки конфликта');
      await inspect(page, '02-lesson');
      await submit(page, 'form.form button.button--primary');
      await page.click(`a[href="${editor}/lessons/new"]`);
      await page.waitForURL(`**${editor}/lessons/new`);
      await page.fill('#f-title_kk', 'Белсенді тыңдау');
      await page.fill('#f-title_ru', 'Активное слушание');
      await page.fill('#f-body_ru', 'Выслушайте гражданина **до конца**.');
      await submit(page, 'form.form button.button--primary');

      // Ten questions in Kazakh and Russian, three options each, the first one right.
      for (let n = 1; n <= 10; n++) {
        await page.goto(`${t.baseUrl}${editor}/questions/new`);
        await page.fill('#f-text_kk', `Сұрақ ${n}: азамат ашуланса не істейсіз?`);
        await page.fill('#f-text_ru', `Вопрос ${n}: что делать, если гражданин зол?`);
        const options = [
          ['Сабырлы сөйлеймін', 'Говорю спокойно'],
          ['Айқайлаймын', 'Кричу'],
          ['Кетіп қаламын', 'Ухожу'],
        ];
        for (const [i, [kk, ru]] of options.entries()) {
          await page.fill(`#f-o${i}_kk`, kk);
          await page.fill(`#f-o${i}_ru`, ru);
        }
        await page.check('#f-o0_correct');
        if (n === 1) await inspect(page, '03-question');
        await submit(page, 'form.form button.button--primary');
        expect(new URL(page.url()).pathname).toBe(editor);
      }
      // The rule asks for the lessons and the quiz: ten questions per attempt, 80% to pass.
      await page.check('#f-quizPassed');
      await page.fill('#f-drawCount', '10');
      await page.fill('#f-passMark', '80');
      await page.fill('#f-validityMonths', '24');
      await submit(page, 'form[action$="/settings"] button[type="submit"]');

      // Publishing refused: the list says lesson 2 has no Kazakh text.
      await submit(page, 'form[action$="/publish"] button');
      expect(new URL(page.url()).pathname).toBe(editor);
      await page.locator('.alert--ok').waitFor();
      const missing = await page.locator('.missing-list li').allInnerTexts();
      expect(missing).toEqual(['2-сабақ: мәтіні, қазақша жоқ']);
      expect(await page.locator('#quiz tbody tr').count()).toBe(10);
      await inspect(page, '04-editor-incomplete');
      const [{ status: before }] = await t.sql<{ status: string }>(`SELECT status FROM course_version WHERE id = $1`, [
        editor.split('/').pop(),
      ]);
      expect(before).toBe('draft');

      // Fixed from the list's link, then published.
      await page.click('.missing-list a');
      await page.waitForURL(`**${editor}/lessons/*`);
      await page.fill('#f-body_kk', 'Азаматты **соңына дейін** тыңдаңыз.');
      await submit(page, 'form.form button.button--primary');
      expect(await page.locator('.missing-list li').count()).toBe(0);
      await submit(page, 'form[action$="/publish"] button');
      expect(new URL(page.url()).pathname).toMatch(/^\/trainer\/courses\/[0-9a-f-]{36}$/);
      await inspect(page, '05-course-history');
      const [{ status: after }] = await t.sql<{ status: string }>(`SELECT status FROM course_version WHERE id = $1`, [
        editor.split('/').pop(),
      ]);
      expect(after).toBe('published');

      // The published version is read-only; its export is the version's JSON document.
      await page.goto(`${t.baseUrl}${editor}`);
      expect(await page.locator('form[action$="/publish"]').count()).toBe(0);
      const exported = await page.request.get(`${t.baseUrl}${editor}/export.json`);
      expect(exported.status()).toBe(200);
      const document = (await exported.json()) as { format: string; version: { lessons: unknown[] } };
      expect(document.format).toBe('lms-course-version/1');
      expect(document.version.lessons).toHaveLength(2);

      // A new draft from the published version, changed, then compared with it.
      await page.goto(`${t.baseUrl}/trainer/courses`);
      await page.click('a:has-text("Доверие и разговор"), a:has-text("Сенім мен сөйлесу")');
      await page.waitForURL('**/trainer/courses/*');
      await submit(page, 'form[action$="/draft"] button');
      const draft = new URL(page.url()).pathname;
      expect(draft).not.toBe(editor);
      await page.fill('#f-passMark', '90');
      await submit(page, 'form[action$="/settings"] button[type="submit"]');
      await page.goto(`${t.baseUrl}${page.url().includes('/trainer/versions/') ? '' : ''}/trainer/courses`);
      await page.click('a:has-text("Сенім мен сөйлесу")');
      await page.waitForURL('**/trainer/courses/*');
      await submit(page, 'form[action$="/diff"] button');
      expect(await page.locator('.diff').innerText()).toContain('quiz.passMark');
      await inspect(page, '06-diff');
      await context.close();
    }, 600_000);

    it('imports an exported version as a new course, and refuses what is not a document', async () => {
      const context = await phoneContext(browser, 'ru-RU');
      const page = await context.newPage();
      await signIn(page, t.baseUrl, TRAINER.username, TRAINER.password);
      await page.goto(`${t.baseUrl}/trainer/courses`);
      await page.fill('#f-document', '{"not": "a course"}');
      await submit(page, 'form[action="/trainer/courses/import"] button');
      expect(await page.locator('#f-document-error').innerText()).toContain('lms-course-version/1');
      const document = {
        format: 'lms-course-version/1',
        course: { code: 'WEB-IMPORTED', title: { kk: 'Импорт курсы', ru: 'Импортированный курс' } },
        version: {
          lessons: [{ title: { kk: 'Сабақ', ru: 'Урок' }, body: { kk: 'Мәтін', ru: 'Текст' } }],
          completionRule: { lessonsRead: true, quizPassed: false, practicalPassed: false, seminarAttended: false },
        },
      };
      await page.fill('#f-document', JSON.stringify(document));
      await submit(page, 'form[action="/trainer/courses/import"] button');
      expect(new URL(page.url()).pathname).toMatch(/^\/trainer\/versions\//);
      expect(await page.locator('.missing-list li').count()).toBe(0);
      await context.close();
    }, 120_000);

    it('keeps the course pages from officers and from trainers who do not author the course', async () => {
      const context = await phoneContext(browser, 'ru-RU');
      const page = await context.newPage();
      const officer = DEMO_ACCOUNTS.find((account) => account.username === 'officer')!;
      await signIn(page, t.baseUrl, officer.username, officer.password);
      const refused = await page.goto(`${t.baseUrl}/trainer/courses`);
      expect(refused?.status()).toBe(403);
      await context.close();
    }, 120_000);
  });

  /**
   * A trainer's seminar day in a phone browser, in Kazakh: the month's
   * calendar, the roster with the waitlist, the sign-in sheet, attendance for
   * the whole session on one screen, and two attendees graded on the rubric
   * with the weighted result and pass or fail shown before saving.
   */
  describe('running a seminar', () => {
    it('marks attendance for a session and grades two attendees on the rubric', async () => {
      const course = await publishWebCourse(t, 'WEB-PRACTICAL', {
        title: { kk: 'Рөлдік ойын: тоқтату', ru: 'Ролевая игра: остановка', en: 'Role-play: a stop' },
        kind: 'practical',
      });
      const officers = await t.sql<{ id: string; full_name: string }>(
        `SELECT o.id, o.full_name FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE u.code LIKE 'ALM-%' AND o.status = 'active' ORDER BY o.personnel_number LIMIT 3`,
      );
      for (const officer of officers) await assign(t, course.courseId, officer.id);
      const sessionId = await scheduleSession(t, course.courseId, 2);
      const hr = await t.login('hr.almaty');
      for (const officer of officers) {
        const booked = await apiAs(t, hr).post(`/sessions/${sessionId}/bookings`).send({ officerId: officer.id });
        expect(booked.status).toBe(201);
      }
      const [{ starts_at: startsAt }] = await t.sql<{ starts_at: Date }>(
        'SELECT starts_at FROM seminar_session WHERE id = $1',
        [sessionId],
      );

      const context = await phoneContext(browser, 'kk-KZ');
      const page = await context.newPage();
      await signIn(page, t.baseUrl, TRAINER.username, TRAINER.password);
      await page.goto(`${t.baseUrl}/trainer/sessions?month=${startsAt.toISOString().slice(0, 7)}`);
      await submit(page, '.lang-switch button[value="kk"]');
      await inspect(page, '11-sessions');
      await submit(page, `a[href="/trainer/sessions/${sessionId}"]`);
      // Two seats taken, the third officer on the waitlist; attendance waits for the start.
      expect(await page.locator('.roster__item').count()).toBe(2);
      expect(await page.locator('section[aria-labelledby="waitlist-title"] li').innerText()).toContain(
        officers[2].full_name,
      );
      expect(await page.locator('fieldset.marks[disabled]').count()).toBe(2);
      await inspect(page, '12-session-before');

      // The session has started (the clock is the one thing a test moves in the database).
      await t.sql(
        `UPDATE seminar_session SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
        [sessionId],
      );
      await page.reload();
      await page.check(`input[name="a_${officers[0].id}"][value="present"]`);
      await page.check(`input[name="a_${officers[1].id}"][value="absent"]`);
      await inspect(page, '13-attendance');
      await submit(page, 'form[action$="/attendance"] button[type="submit"]');
      const marks = await t.sql<{ officer_id: string; status: string; hours: string }>(
        'SELECT officer_id, status, hours FROM seminar_attendance WHERE session_id = $1 ORDER BY status DESC',
        [sessionId],
      );
      expect(marks.map((m) => [m.officer_id, m.status, Number(m.hours)])).toEqual([
        [officers[0].id, 'present', 4],
        [officers[1].id, 'absent', 0],
      ]);
      expect(await page.isChecked(`input[name="a_${officers[0].id}"][value="present"]`)).toBe(true);

      // The sign-in sheet lists the two seated officers.
      await page.goto(`${t.baseUrl}/trainer/sessions/${sessionId}/sign-in-sheet`);
      expect(await page.locator('table.sheet tbody tr').first().innerText()).toContain(officers[0].full_name);
      await inspect(page, '14-sign-in-sheet');

      // The first attendee: 4, 3 and 2 of 4 weigh 50 + 22.5 + 10 = 82.5%: passed, shown before saving.
      await page.goto(`${t.baseUrl}/trainer/sessions/${sessionId}/grade/${officers[0].id}`);
      const inputs = page.locator('input[data-weight]');
      await inputs.nth(0).fill('4');
      await inputs.nth(1).fill('3');
      await inputs.nth(2).fill('2');
      await page.locator('#grade-result [data-live]').waitFor();
      expect(await page.locator('#grade-result').innerText()).toMatch(/82[,.]5%[\s\S]*сынақ/);
      await page.fill('#f-comment', 'Байланыс жақсы орнатылды.');
      await submit(page, 'button[name="intent"][value="check"]');
      expect(await page.locator('#grade-result').innerText()).toContain('82,5%');
      expect(await page.locator('#grade-result .badge--completed').count()).toBe(1);
      expect(await page.inputValue('#f-comment')).toBe('Байланыс жақсы орнатылды.');
      await inspect(page, '15-grade');
      await submit(page, 'form[data-rubric] button.button--primary');

      // The second: 1 of 4 everywhere is 25%: failed, and kept in the history for a later correction.
      await page.goto(`${t.baseUrl}/trainer/sessions/${sessionId}/grade/${officers[1].id}`);
      for (let i = 0; i < 3; i++) await inputs.nth(i).fill('1');
      await submit(page, 'form[data-rubric] button.button--primary');
      await page.goto(`${t.baseUrl}/trainer/sessions/${sessionId}/grade/${officers[1].id}`);
      expect(await page.locator('section[aria-labelledby="history-title"] li').innerText()).toContain('25%');
      const graded = await t.sql<{ officer_id: string; score: string; passed: boolean }>(
        `SELECT e.officer_id, p.score, p.passed FROM practical_assessment p JOIN enrollment e ON e.id = p.enrollment_id
       WHERE e.course_id = $1 ORDER BY p.score DESC`,
        [course.courseId],
      );
      expect(graded.map((g) => [g.officer_id, Number(g.score), g.passed])).toEqual([
        [officers[0].id, 82.5, true],
        [officers[1].id, 25, false],
      ]);
      await context.close();
    }, 600_000);
  });
});
