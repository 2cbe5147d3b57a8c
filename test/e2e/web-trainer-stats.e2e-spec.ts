import { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import { apiAs } from '../support/api-client';
import { enrol, officerOf, otherOfficerLogin, rightAnswers, wrongAnswers } from '../support/assessment-fixtures';
import {
  createWebApp,
  horizontalOverflow,
  launchBrowser,
  phoneContext,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from '../support/browser';
import { createCourse } from '../support/catalogue-fixtures';
import { TestApp } from '../support/test-app';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
const QUIZ_ONLY = { lessonsRead: false, quizPassed: true, practicalPassed: false, seminarAttended: false };

/**
 * A version's question statistics in a phone browser, in Kazakh: reached from
 * the version's page, a row per question with its figures and a hint when
 * few answer it right; a stranger to the course gets a 404 page.
 */
describe('pages: a trainer reads the question statistics of a version', () => {
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

  it('shows drawn, % right, the wrong option chosen most and discrimination, with a hint for a hard question', async () => {
    const [admin, hr, officer] = await Promise.all(['admin', 'hr.almaty', 'officer'].map((name) => t.login(name)));
    const course = await createCourse(t, 'Q-PAGE', {
      quiz: { questions: 3, drawCount: 3, passMark: 60, maxAttempts: 3 },
      completionRule: QUIZ_ONLY,
    });
    const quiz = course.quiz!;
    const api = (token: string) => apiAs(t, token);
    const attempt = async (token: string, enrolment: string, right: boolean) => {
      const started = (await api(token).post(`/enrollments/${enrolment}/attempts`).expect(201)).body as {
        id: string;
        questions: never;
      };
      const answers = right ? rightAnswers(started.questions, quiz) : wrongAnswers(started.questions, quiz);
      await api(token).post(`/attempts/${started.id}/submit`).send({ answers }).expect(200);
    };
    // Three attempts of four wrong: every question is answered right by 25%.
    const mine = await enrol(t, hr, course.courseId, (await officerOf(t, 'officer')).id);
    await attempt(officer, mine, false);
    await attempt(officer, mine, false);
    await attempt(officer, mine, true);
    const other = await otherOfficerLogin(t, admin, 'ALM-BOST-UP', 'officer.page');
    await attempt(other.token, await enrol(t, hr, course.courseId, other.officerId), false);

    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    const trainer = account('trainer');
    await signIn(page, t.baseUrl, trainer.username, trainer.password);
    await page.goto(`${t.baseUrl}/trainer/versions/${course.versionId}`);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);
    await Promise.all([page.waitForNavigation(), page.click(`a[href$="/question-stats"]`)]);
    expect(new URL(page.url()).pathname).toBe(`/trainer/versions/${course.versionId}/question-stats`);
    const rows = page.locator('ol.cards > li');
    expect(await rows.count()).toBe(3);
    const cells = await rows.first().locator('dd').allInnerTexts();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toMatch(/^25/);
    expect(cells[2]).toContain('(3)');
    expect(await rows.first().innerText()).toContain('⚠');
    await screenshot(page, 'trainer-kk', '20-question-stats');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();

    const astana = await phoneContext(browser);
    const strangerPage = await astana.newPage();
    const hrAccount = account('hr.almaty');
    await signIn(strangerPage, t.baseUrl, hrAccount.username, hrAccount.password);
    const refused = await strangerPage.goto(`${t.baseUrl}/trainer/versions/${course.versionId}/question-stats`);
    expect(refused?.status()).toBe(403);
    await astana.close();
  }, 300_000);
});
