import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import { officerOf } from '../support/assessment-fixtures';
import { checkPage, createWebApp, launchBrowser, phoneContext, signIn } from '../support/browser';
import { TestApp } from '../support/test-app';
import { assign, makeOverdue, publishWebCourse, scheduleSession, WebCourse } from '../support/web-fixtures';

const OFFICER = DEMO_ACCOUNTS.find((account) => account.username === 'officer')!;

/**
 * The demo officer's whole journey in a phone-sized browser, once in Kazakh
 * and once in Russian: overdue first, every lesson read, a quiz failed then
 * passed, a seminar booked, the certificate downloaded and verified. Every
 * page is screenshot (test/artifacts/<lang>/), checked for sideways
 * scrolling and run through axe-core.
 */
describe('pages: the officer journey in a phone browser', () => {
  let t: TestApp & { baseUrl: string };
  let browser: Browser;
  let officerId: string;

  beforeAll(async () => {
    t = await createWebApp();
    browser = await launchBrowser();
    officerId = (await officerOf(t, OFFICER.username)).id;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Screenshot, no horizontal scroll, no serious accessibility violation. */
  const inspect = (page: Page, lang: string, name: string) => checkPage(page, lang, name);

  async function attemptsOf(enrolmentId: string) {
    return t.sql<{ status: string; passed: boolean | null }>(
      'SELECT status, passed FROM quiz_attempt WHERE enrollment_id = $1 ORDER BY number',
      [enrolmentId],
    );
  }

  /** Answers every question on the attempt page: all right, or a wrong option each. */
  async function answer(page: Page, course: WebCourse, right: boolean): Promise<void> {
    const questions = page.locator('fieldset.question');
    for (let i = 0; i < (await questions.count()); i++) {
      const options = questions.nth(i).locator('label.option');
      for (let j = 0; j < (await options.count()); j++) {
        const text = (await options.nth(j).innerText()).trim();
        const isRight = course.right.has(text);
        if (right ? isRight : !isRight) {
          await options.nth(j).locator('input').check();
          if (!right) break;
        }
      }
    }
  }

  for (const lang of ['kk', 'ru'] as const) {
    it(`works end to end in ${lang === 'kk' ? 'Kazakh' : 'Russian'} at 390×844`, async () => {
      const quizCourse = await publishWebCourse(t, `WEB-${lang.toUpperCase()}-TALK`, {
        title: {
          kk: `Азаматпен сөйлесу (${lang})`,
          ru: `Разговор с гражданином (${lang})`,
          en: `Talking to a citizen (${lang})`,
        },
      });
      const seminarCourse = await publishWebCourse(t, `WEB-${lang.toUpperCase()}-SEM`, {
        title: {
          kk: `Жедел жағдайлар (${lang})`,
          ru: `Острые ситуации (${lang})`,
          en: `Critical situations (${lang})`,
        },
        kind: 'seminar',
      });
      const quizEnrolment = await assign(t, quizCourse.courseId, officerId);
      const overdueEnrolment = await assign(t, seminarCourse.courseId, officerId);
      await makeOverdue(t, overdueEnrolment);
      const sessionId = await scheduleSession(t, seminarCourse.courseId);

      const context = await phoneContext(browser, lang === 'kk' ? 'kk-KZ' : 'ru-RU');
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });

      // Sign in, then choose the language with the switcher (remembered on the account).
      await page.goto(`${t.baseUrl}/sign-in`);
      await inspect(page, lang, '01-sign-in');
      await signIn(page, t.baseUrl, OFFICER.username, OFFICER.password);
      await Promise.all([page.waitForNavigation(), page.click(`.lang-switch button[value="${lang}"]`)]);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const [{ language }] = await t.sql<{ language: string }>(
        `SELECT language FROM user_account WHERE username = 'officer'`,
      );
      expect(language).toBe(lang);

      // My training: every overdue course before any other open one; ours among them.
      expect(new URL(page.url()).pathname).toBe('/me/training');
      await inspect(page, lang, '02-my-training');
      const openCards = page.locator('section[aria-labelledby="open-title"] li.card');
      const overdueFlags = await openCards.evaluateAll((cards) =>
        cards.map((card) =>
          (card as unknown as { classList: { contains(c: string): boolean } }).classList.contains('card--overdue'),
        ),
      );
      expect(overdueFlags[0]).toBe(true);
      expect(
        overdueFlags.indexOf(false) === -1 || overdueFlags.slice(overdueFlags.indexOf(false)).every((f) => !f),
      ).toBe(true);
      const seminarCard = openCards.filter({ hasText: seminarCourse.title[lang] });
      await expectVisible(seminarCard.locator('.badge--overdue'));

      // The course, then every lesson, each marked read.
      await Promise.all([page.waitForNavigation(), page.click(`a:has-text("${quizCourse.title[lang]}")`)]);
      expect(page.url()).toContain(`/me/training/${quizEnrolment}`);
      await inspect(page, lang, '03-course');
      await Promise.all([
        page.waitForNavigation(),
        page.click('section[aria-labelledby="lessons-title"] a.button--primary'),
      ]);
      for (let i = 0; i < quizCourse.lessonIds.length; i++) {
        expect(page.url()).toContain(`/lessons/${quizCourse.lessonIds[i]}`);
        if (i === 0) await inspect(page, lang, '04-lesson');
        await Promise.all([page.waitForNavigation(), page.click('.lesson-actions form button[type="submit"]')]);
      }
      expect(page.url()).toContain(`/me/training/${quizEnrolment}`);
      expect(await page.locator('.checklist__item--met').count()).toBe(1);
      const [{ progress }] = await t.sql<{ progress: { lessonsRead: boolean } }>(
        'SELECT progress FROM enrollment WHERE id = $1',
        [quizEnrolment],
      );
      expect(progress.lessonsRead).toBe(true);

      // The quiz: failed (with a double click: one submission), then passed.
      await Promise.all([page.waitForNavigation(), page.click(`a[href="/me/training/${quizEnrolment}/quiz"]`)]);
      await inspect(page, lang, '05-quiz');
      await Promise.all([page.waitForNavigation(), page.click('form[action$="/quiz"] button[type="submit"]')]);
      expect(page.url()).toMatch(/\/me\/attempts\/[0-9a-f-]{36}$/);
      await page.waitForFunction('/\\d+:\\d\\d/.test(document.querySelector("[data-countdown]").textContent)');
      await answer(page, quizCourse, false);
      await inspect(page, lang, '06-attempt');
      await Promise.all([page.waitForNavigation(), page.dblclick('#quiz-form button[type="submit"]')]);
      await page.waitForLoadState('networkidle');
      expect(await attemptsOf(quizEnrolment)).toEqual([{ status: 'submitted', passed: false }]);
      await expectVisible(page.locator('.result--failed'));
      // A failed attempt with attempts left does not hand out the answers.
      expect(await page.locator('.review__explanation').count()).toBe(0);
      await inspect(page, lang, '07-attempt-failed');

      await Promise.all([page.waitForNavigation(), page.click('.result form button[type="submit"]')]);
      await answer(page, quizCourse, true);
      await Promise.all([page.waitForNavigation(), page.click('#quiz-form button[type="submit"]')]);
      await expectVisible(page.locator('.result--passed'));
      expect(await page.locator('.review__explanation').count()).toBe(3);
      await inspect(page, lang, '08-attempt-passed');
      expect(await attemptsOf(quizEnrolment)).toEqual([
        { status: 'submitted', passed: false },
        { status: 'submitted', passed: true },
      ]);
      const [{ status }] = await t.sql<{ status: string }>('SELECT status FROM enrollment WHERE id = $1', [
        quizEnrolment,
      ]);
      expect(status).toBe('completed');

      // Seminars: book a seat of the overdue course's session; it shows under my bookings.
      await page.goto(`${t.baseUrl}/me/seminars`);
      await inspect(page, lang, '09-seminars');
      const sessionCard = page.locator('section[aria-labelledby="upcoming-title"] li.card', {
        has: page.locator(`form[action="/me/seminars/${sessionId}/book"]`),
      });
      await Promise.all([page.waitForNavigation(), sessionCard.locator('button[type="submit"]').click()]);
      await expectVisible(page.locator('.alert--ok'));
      const bookings = await t.sql<{ status: string }>(
        'SELECT status FROM seminar_booking WHERE session_id = $1 AND officer_id = $2',
        [sessionId, officerId],
      );
      expect(bookings).toEqual([{ status: 'booked' }]);
      const calendar = await page.request.get(`${t.baseUrl}/me/seminars/${sessionId}/calendar.ics`);
      expect(calendar.status()).toBe(200);
      expect(await calendar.text()).toContain('BEGIN:VEVENT');
      await inspect(page, lang, '10-seminar-booked');

      // Results: both attempts.
      await page.goto(`${t.baseUrl}/me/results`);
      expect(await page.locator(`a[href^="/me/attempts/"]`).count()).toBeGreaterThanOrEqual(2);
      await inspect(page, lang, '11-results');

      // Certificates: the PDF, and the verification page through the link.
      await page.goto(`${t.baseUrl}/me/certificates`);
      await inspect(page, lang, '12-certificates');
      const certificate = page.locator('li.certificate', { hasText: quizCourse.title[lang] });
      await expectVisible(certificate.locator('.qr svg'));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        certificate.locator('a[href$="/pdf"]').click(),
      ]);
      const pdf = readFileSync(await download.path());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const link = await certificate.locator('dd a.break').getAttribute('href');
      expect(link).toMatch(new RegExp(`^${t.baseUrl}/verify/[0-9A-Z]{16}$`));
      await page.goto(link!);
      await expectVisible(page.locator('.verdict--valid'));
      expect(await page.locator('.facts').innerText()).toContain(quizCourse.title[lang]);
      await inspect(page, lang, '13-verification');

      expect(dialogs).toEqual([]);
      await context.close();
    }, 180_000);
  }
});

async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 5000 });
}
