import { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import { apiAs } from '../support/api-client';
import { officerOf, otherOfficerLogin } from '../support/assessment-fixtures';
import { generate } from 'otplib';
import {
  createWebApp,
  horizontalOverflow,
  launchBrowser,
  phoneContext,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from '../support/browser';
import { TestApp } from '../support/test-app';
import { assign, publishWebCourse, scheduleSession } from '../support/web-fixtures';

const OFFICER = DEMO_ACCOUNTS.find((account) => account.username === 'officer')!;

describe('pages: sessions, forms and what an officer may not see', () => {
  let t: TestApp & { baseUrl: string };
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    t = await createWebApp();
    browser = await launchBrowser();
    admin = await t.login('admin');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('asks for the current password to confirm the second factor, and shows a wrong one beside its field', async () => {
    const [{ id: almId }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
    const password = 'Web-mfa-password-2026';
    const created = await apiAs(t, admin)
      .post('/users')
      .send({ username: 'web.mfa', password, mustChangePassword: false, roles: [{ role: 'hr', unitId: almId }] });
    expect(created.status).toBe(201);
    expect((await apiAs(t, admin).put('/role-policies/hr').send({ mfaRequired: true })).status).toBe(200);
    const context = await phoneContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, t.baseUrl, 'web.mfa', password);
      expect(new URL(page.url()).pathname).toBe('/account/second-factor');
      const secret = (await page.locator('code.secret').innerText()).trim();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);

      await page.fill('#f-code', await generate({ secret }));
      await page.fill('#f-currentPassword', 'not-the-password');
      await Promise.all([page.waitForNavigation(), page.click('form[action="/account/second-factor"] button')]);
      expect(await page.locator('#f-currentPassword-error').innerText()).toContain('Текущий пароль указан неверно');
      expect(await page.locator('code.secret').innerText()).toBe(secret); // the same enrolment, shown again
      await screenshot(page, 'web-security', 'second-factor-wrong-password');
      const [{ enabled }] = await t.sql<{ enabled: boolean }>(
        `SELECT totp_enabled AS enabled FROM user_account WHERE username = 'web.mfa'`,
      );
      expect(enabled).toBe(false);

      await page.fill('#f-code', await generate({ secret }));
      await page.fill('#f-currentPassword', password);
      await Promise.all([page.waitForNavigation(), page.click('form[action="/account/second-factor"] button')]);
      expect(await page.locator('ol.codes li').count()).toBe(10);
    } finally {
      await context.close();
      await apiAs(t, admin).put('/role-policies/hr').send({ mfaRequired: false });
    }
  });

  it('makes an officer whose account must change its password do so at first sign-in', async () => {
    const [officer] = await t.sql<{ id: string; unit_id: string }>(
      `SELECT o.id, o.unit_id FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE u.code LIKE 'ALM-%' AND o.status = 'active' AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.officer_id = o.id)
       ORDER BY o.personnel_number LIMIT 1`,
    );
    const created = await apiAs(t, admin)
      .post('/users')
      .send({
        username: 'first.timer',
        password: 'Initial-pass-2026',
        officerId: officer.id,
        mustChangePassword: true,
        roles: [{ role: 'officer', unitId: officer.unit_id }],
      });
    expect(created.status).toBe(201);
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, t.baseUrl, 'first.timer', 'Initial-pass-2026');
    expect(new URL(page.url()).pathname).toBe('/account/password');
    await page.locator('.alert--info').waitFor();
    // Any other page sends back here until the password is changed.
    await page.goto(`${t.baseUrl}/me/training`);
    expect(new URL(page.url()).pathname).toBe('/account/password');

    // A wrong current password: the message beside that field; nothing typed comes back into the page.
    await page.fill('#f-currentPassword', 'not-the-password');
    await page.fill('#f-newPassword', 'My-own-password-2026');
    await page.fill('#f-repeatPassword', 'My-own-password-2026');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/account/password"] button')]);
    expect(await page.locator('#f-currentPassword-error').innerText()).toContain('Текущий пароль указан неверно');
    expect(await page.getAttribute('#f-currentPassword', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#f-newPassword')).toBe('');

    await page.fill('#f-currentPassword', 'Initial-pass-2026');
    await page.fill('#f-newPassword', 'My-own-password-2026');
    await page.fill('#f-repeatPassword', 'My-own-password-2026');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/account/password"] button')]);
    expect(new URL(page.url()).pathname).toBe('/me/training');
    await page.locator('.alert--ok').waitFor();
    const [account] = await t.sql<{ must_change_password: boolean }>(
      `SELECT must_change_password FROM user_account WHERE username = 'first.timer'`,
    );
    expect(account.must_change_password).toBe(false);
    await context.close();
  });

  it('shows a bad sign-in beside the form, keeps the username, and gives the lockout as the API does', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    for (let i = 0; i < 5; i++) {
      await signIn(page, t.baseUrl, 'hr.astana', 'wrong-password');
      expect(await page.inputValue('input[name="username"]')).toBe('hr.astana');
      expect(await page.inputValue('input[name="password"]')).toBe('');
    }
    expect(await page.locator('#form-alert').innerText()).toContain('Неверное имя пользователя или пароль');
    const response = await page.request.get(`${t.baseUrl}/sign-in`);
    expect(response.status()).toBe(200);
    await signIn(page, t.baseUrl, 'hr.astana', DEMO_ACCOUNTS.find((a) => a.username === 'hr.astana')!.password);
    expect(await page.locator('#form-alert').innerText()).toMatch(
      /Слишком много неудачных попыток\. Повторите через \d+ минут/,
    );
    await context.close();
  });

  it('refuses a form posted without its CSRF token, and changes nothing', async () => {
    const course = await publishWebCourse(t, 'WEB-CSRF', {
      title: { kk: 'CSRF курсы', ru: 'Курс CSRF', en: 'CSRF course' },
      kind: 'seminar',
    });
    const { id: officerId } = await officerOf(t, OFFICER.username);
    await assign(t, course.courseId, officerId);
    const sessionId = await scheduleSession(t, course.courseId);
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, t.baseUrl, OFFICER.username, OFFICER.password);

    const bare = await page.request.post(`${t.baseUrl}/me/seminars/${sessionId}/book`, { form: {}, maxRedirects: 0 });
    const forged = await page.request.post(`${t.baseUrl}/me/seminars/${sessionId}/book`, {
      form: { _csrf: 'forged.token' },
      maxRedirects: 0,
    });
    for (const response of [bare, forged]) {
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain('Форма устарела');
    }
    expect(await t.sql('SELECT 1 FROM seminar_booking WHERE session_id = $1', [sessionId])).toEqual([]);

    // The same form from the page itself goes through.
    await page.goto(`${t.baseUrl}/me/seminars`);
    await Promise.all([page.waitForNavigation(), page.click(`form[action="/me/seminars/${sessionId}/book"] button`)]);
    expect(await t.sql('SELECT status FROM seminar_booking WHERE session_id = $1', [sessionId])).toEqual([
      { status: 'booked' },
    ]);
    await context.close();
  });

  it('ends the session on sign-out: the old cookie no longer opens a page', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, t.baseUrl, OFFICER.username, OFFICER.password);
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'lms_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/sign-out"] button')]);
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    const replay = await phoneContext(browser);
    await replay.addCookies([session]);
    const stolen = await replay.newPage();
    await stolen.goto(`${t.baseUrl}/me/training`);
    expect(new URL(stolen.url()).pathname).toBe('/sign-in');
    await replay.close();
    await context.close();
  });

  it('ends the session of a disabled account at once', async () => {
    const { officerId } = await otherOfficerLogin(t, admin, 'ALM-MEDEU-JP', 'soon.disabled');
    void officerId;
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, t.baseUrl, 'soon.disabled', 'Officer-test-2026');
    expect(new URL(page.url()).pathname).toBe('/me/training');
    const [user] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'soon.disabled'`);
    expect((await apiAs(t, admin).patch(`/users/${user.id}`).send({ disabled: true })).status).toBe(200);
    await page.goto(`${t.baseUrl}/me/training`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('answers another officer’s enrolment with the 404 page and a staff page with the 403 page, in the user’s language', async () => {
    const course = await publishWebCourse(t, 'WEB-OTHER', {
      title: { kk: 'Басқа курс', ru: 'Чужой курс', en: 'Someone else’s course' },
    });
    const other = await otherOfficerLogin(t, admin, 'ALM-TURK-PPS', 'other.officer');
    const theirs = await assign(t, course.courseId, other.officerId);
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, OFFICER.username, OFFICER.password);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);

    for (const path of [`/me/training/${theirs}`, `/me/training/${theirs}/quiz`, '/no-such-page']) {
      const response = await page.goto(`${t.baseUrl}${path}`);
      expect(`${path} ${response!.status()}`).toBe(`${path} 404`);
      expect(await page.locator('h1').innerText()).toBe('Бет табылмады');
      expect(await page.content()).not.toContain('Басқа курс');
    }
    const staff = await page.goto(`${t.baseUrl}/staff`);
    expect(staff!.status()).toBe(403);
    expect(await page.locator('h1').innerText()).toBe('Кіруге рұқсат жоқ');
    await context.close();
  });

  it('shows HTML in a course title, a lesson and an officer’s name as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const course = await publishWebCourse(t, 'WEB-XSS', {
      title: { kk: `Курс ${payload}`, ru: `Курс ${payload}`, en: `Course ${payload}` },
      lessons: [
        {
          title: { kk: `Сабақ ${payload}`, ru: `Урок ${payload}`, en: `Lesson ${payload}` },
          body: { kk: `Мәтін ${payload}`, ru: `Текст ${payload} [ссылка](javascript:alert(1))`, en: `Text ${payload}` },
        },
      ],
    });
    const { id: officerId } = await officerOf(t, OFFICER.username);
    const hr = await t.login('hr.almaty');
    const [before] = await t.sql<{ full_name: string }>('SELECT full_name FROM officer WHERE id = $1', [officerId]);
    const renamed = await apiAs(t, hr)
      .patch(`/officers/${officerId}`)
      .send({ fullName: `Тестов <b onmouseover=alert(1)>Ерлан</b>` });
    expect(renamed.status).toBe(200);
    const enrolment = await assign(t, course.courseId, officerId);

    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, t.baseUrl, OFFICER.username, OFFICER.password);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="ru"]')]);
    for (const path of [
      '/me/training',
      `/me/training/${enrolment}`,
      `/me/training/${enrolment}/lessons/${course.lessonIds[0]}`,
    ]) {
      await page.goto(`${t.baseUrl}${path}`);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.locator('img[src="x"], main script, header b, a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator('header').innerText()).toContain('Тестов <b onmouseover=alert(1)>Ерлан</b>');
      expect(await page.locator('main').innerText()).toContain('<script>window.__pwned=1</script>');
    }
    await apiAs(t, hr).patch(`/officers/${officerId}`).send({ fullName: before.full_name });
    await context.close();
  });
});
