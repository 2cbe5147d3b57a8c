import { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import {
  checkKazakhPage,
  createWebApp,
  horizontalOverflow,
  launchBrowser,
  phoneContext,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
  submitAndWait,
} from '../support/browser';
import { apiAs } from '../support/api-client';
import { TestApp } from '../support/test-app';
import { assign, publishWebCourse, WebCourse } from '../support/web-fixtures';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
const PASSWORD = 'Trainer-seminar-2026!';

const submit = submitAndWait;

/** A page in Kazakh that fits a phone and has no serious accessibility problem, kept as a screenshot. */
const check = (page: Page, name: string) => checkKazakhPage(page, 'hr-seminars-kk', name);

/**
 * HR schedules a seminar in a phone browser, in Kazakh: a session of a
 * published course with a trainer it may assign (shown by display name),
 * two officers of its subtree booked at once, one cancelled; the trainer
 * then finds the session in their own list. And what is refused.
 */
describe('pages: HR schedules seminars in the browser', () => {
  let t: TestApp & { baseUrl: string };
  let browser: Browser;
  let course: WebCourse;
  let officers: { id: string; full_name: string }[];
  let sessionId: string;
  const startDay = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createWebApp();
    browser = await launchBrowser();
    course = await publishWebCourse(t, 'WEB-HRSEM-1', {
      title: { kk: 'Семинар: сенім', ru: 'Семинар: доверие', en: 'Seminar: trust' },
      kind: 'seminar',
    });
    officers = await t.sql<{ id: string; full_name: string }>(
      `SELECT o.id, o.full_name FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE u.code = 'ALM-BOST-PPS' AND o.status = 'active' ORDER BY o.personnel_number LIMIT 3`,
    );
    for (const officer of officers) await assign(t, course.courseId, officer.id);
    // A trainer of Almaty (HR of Almaty may assign them) and one of Astana (it may not).
    const admin = await t.login('admin');
    const units = await t.sql<{ id: string; code: string }>(`SELECT id, code FROM unit WHERE code IN ('ALM', 'AST')`);
    const unit = (code: string) => units.find((u) => u.code === code)!.id;
    for (const [username, displayName, code] of [
      ['trainer.alm', 'Сапарова Гүлнар', 'ALM'],
      ['trainer.ast', 'Жұмабеков Арман', 'AST'],
    ]) {
      const res = await apiAs(t, admin)
        .post('/users')
        .send({ username, password: PASSWORD, displayName, roles: [{ role: 'trainer', unitId: unit(code) }] });
      if (res.status !== 201) throw new Error(`user ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('creates a session with a trainer, books two officers, sees them in the roster and cancels one', async () => {
    const hr = account('hr.almaty');
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr/seminars`);
    await submit(page, '.lang-switch button[value="kk"]');
    expect(await page.locator('.site-nav a[href="/hr/seminars"]').getAttribute('aria-current')).toBe('page');
    await check(page, '01-seminars');

    // The trainers offered are exactly those HR may assign, by display name: the ministry's and Almaty's, not Astana's.
    const offered = await page.locator('#f-trainerUserId option:not([value=""])').allInnerTexts();
    const [demoTrainer] = await t.sql<{ name: string }>(
      `SELECT coalesce(o.full_name, a.display_name, a.username) AS name
       FROM user_account a LEFT JOIN officer o ON o.id = a.officer_id WHERE a.username = 'trainer'`,
    );
    expect([...offered].sort()).toEqual([demoTrainer.name, 'Сапарова Гүлнар'].sort());

    // Errors stay beside their fields, with what was typed; nothing is written.
    const before = await t.sql('SELECT id FROM seminar_session');
    await page.fill('#f-address', 'Алматы, Абай даңғылы, 109');
    await page.fill('#f-capacity', '0');
    expect(await submit(page, 'form[method="post"][action="/hr/seminars"] button[type="submit"]')).toBe(422);
    expect(await page.locator('#f-courseId-error').count()).toBe(1);
    expect(await page.locator('#f-trainerUserId-error').count()).toBe(1);
    expect(await page.locator('#f-capacity-error').innerText()).toContain('10000');
    expect(await page.inputValue('#f-address')).toBe('Алматы, Абай даңғылы, 109');
    expect(await t.sql('SELECT id FROM seminar_session')).toHaveLength(before.length);
    await check(page, '02-new-session-errors');

    await page.selectOption('#f-courseId', course.courseId);
    await page.fill('#f-startsAt', `${startDay}T10:00`);
    await page.fill('#f-endsAt', `${startDay}T13:00`);
    await page.fill('#f-room', '214');
    const [trainer] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'trainer.alm'`);
    await page.selectOption('#f-trainerUserId', trainer.id);
    await page.fill('#f-capacity', '12');
    await page.selectOption('#f-language', 'kk');
    await submit(page, 'form[method="post"][action="/hr/seminars"] button[type="submit"]');
    const path = new URL(page.url()).pathname;
    expect(path).toMatch(/^\/hr\/seminars\/[0-9a-f-]{36}$/);
    sessionId = path.split('/').pop()!;
    expect(await page.locator('.alert--ok').count()).toBe(1);
    // The time typed is Almaty's (UTC+5).
    const [stored] = await t.sql<{ starts_at: Date; trainer_user_id: string; capacity: number; room: string }>(
      'SELECT starts_at, trainer_user_id, capacity, room FROM seminar_session WHERE id = $1',
      [sessionId],
    );
    expect(stored.starts_at.toISOString()).toBe(`${startDay}T05:00:00.000Z`);
    expect(stored).toMatchObject({ trainer_user_id: trainer.id, capacity: 12, room: '214' });
    expect(await page.locator('.facts').innerText()).toContain('Сапарова Гүлнар');

    // The three enrolled officers are offered; two are booked at once.
    for (const officer of officers) expect(await page.locator(`#o-${officer.id}`).count()).toBe(1);
    await check(page, '03-session');
    await page.check(`#o-${officers[0].id}`);
    await page.check(`#o-${officers[1].id}`);
    await submit(page, 'form[action$="/bookings"] button[type="submit"]');
    const roster = page.locator('#roster .roster__item');
    expect(await roster.count()).toBe(2);
    const names = await roster.allInnerTexts();
    for (const officer of officers.slice(0, 2)) expect(names.join('\n')).toContain(officer.full_name);
    expect(await page.locator(`#o-${officers[0].id}`).count()).toBe(0);
    expect(await page.locator(`#o-${officers[2].id}`).count()).toBe(1);
    await check(page, '04-roster');

    // Cancelling one gives the seat back.
    const [booking] = await t.sql<{ id: string }>(
      `SELECT id FROM seminar_booking WHERE session_id = $1 AND officer_id = $2`,
      [sessionId, officers[0].id],
    );
    await submit(page, `form[action$="/bookings/${booking.id}/cancel"] button`);
    expect(await page.locator('#roster .roster__item').count()).toBe(1);
    const statuses = await t.sql<{ officer_id: string; status: string }>(
      'SELECT officer_id, status FROM seminar_booking WHERE session_id = $1 ORDER BY status',
      [sessionId],
    );
    expect(statuses).toEqual([
      { officer_id: officers[1].id, status: 'booked' },
      { officer_id: officers[0].id, status: 'cancelled' },
    ]);
    await check(page, '05-cancelled');

    // The printable sign-in sheet, and the list with the seats taken.
    await submit(page, `a[href="/hr/seminars/${sessionId}/sign-in-sheet"]`);
    expect(await page.locator('table.sheet tbody').innerText()).toContain(officers[1].full_name);
    await check(page, '06-sign-in-sheet');
    await page.goto(`${t.baseUrl}/hr/seminars?courseId=${course.courseId}`);
    const card = page.locator('#sessions .card');
    expect(await card.count()).toBe(1);
    expect(await card.innerText()).toContain('12 орынның 1 орны');
    await check(page, '07-seminars-filtered');
    await context.close();
  }, 300_000);

  it('shows the session in its trainer’s own list', async () => {
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, 'trainer.alm', PASSWORD);
    await page.goto(`${t.baseUrl}/trainer/sessions?month=${startDay.slice(0, 7)}`);
    expect(await page.locator(`a[href="/trainer/sessions/${sessionId}"]`).count()).toBe(1);
    await submit(page, `a[href="/trainer/sessions/${sessionId}"]`);
    expect(await page.locator('#attendance').innerText()).toContain(officers[1].full_name);
    await context.close();
  }, 120_000);

  it('refuses HR’s pages to an officer and a trainer, a post without its token, and another region’s officer', async () => {
    for (const username of ['officer', 'trainer']) {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await signIn(page, t.baseUrl, username, account(username).password);
      expect((await page.goto(`${t.baseUrl}/hr/seminars`))?.status()).toBe(403);
      expect((await page.goto(`${t.baseUrl}/hr/seminars/${sessionId}`))?.status()).toBe(403);
      await context.close();
    }

    const context = await phoneContext(browser);
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr/seminars/${sessionId}`);
    await submit(page, '.lang-switch button[value="ru"]');
    const token = await page.inputValue('form[action$="/bookings"] input[name="_csrf"]');
    const bookings = async () =>
      (await t.sql('SELECT id FROM seminar_booking WHERE session_id = $1', [sessionId])).length;
    const held = await bookings();

    const noToken = await page.request.post(`${t.baseUrl}/hr/seminars/${sessionId}/bookings`, {
      form: { officerId: officers[2].id },
    });
    expect(noToken.status()).toBe(403);
    const sessionsBefore = (await t.sql('SELECT id FROM seminar_session')).length;
    const create = await page.request.post(`${t.baseUrl}/hr/seminars`, {
      form: { courseId: course.courseId, startsAt: `${startDay}T15:00`, endsAt: `${startDay}T16:00`, capacity: '5' },
    });
    expect(create.status()).toBe(403);
    expect(await t.sql('SELECT id FROM seminar_session')).toHaveLength(sessionsBefore);

    // An Astana officer, ticked with one of Almaty's: refused (404), and neither is booked.
    const [astana] = await t.sql<{ id: string }>(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.code LIKE 'AST%' AND o.status = 'active' LIMIT 1`,
    );
    const outside = await page.request.post(`${t.baseUrl}/hr/seminars/${sessionId}/bookings`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: new URLSearchParams([
        ['_csrf', token],
        ['officerId', officers[2].id],
        ['officerId', astana.id],
      ]).toString(),
    });
    expect(outside.status()).toBe(404);
    expect(await bookings()).toBe(held);

    // Booked on this course meanwhile (by someone else, after the page was shown): the form says so, for whom.
    await page.check(`#o-${officers[2].id}`);
    await t.sql(
      `INSERT INTO seminar_booking (session_id, officer_id, course_id, enrollment_id, status, booked_by)
       SELECT $1, $2, $3, e.id, 'booked', NULL FROM enrollment e
       WHERE e.officer_id = $2 AND e.course_id = $3 AND e.status IN ('assigned', 'in_progress')`,
      [sessionId, officers[2].id, course.courseId],
    );
    expect(await submit(page, 'form[action$="/bookings"] button[type="submit"]')).toBe(409);
    expect(await page.locator('#refused-for').innerText()).toContain(officers[2].full_name);
    expect(await page.locator('#form-alert').count()).toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await screenshot(page, 'hr-seminars-ru', '08-booking-refused');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 180_000);

  /** HR of Almaty on the session's page, in Kazakh, in a phone browser of its own. */
  const hrOnSession = async () => {
    const hr = account('hr.almaty');
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr/seminars/${sessionId}`);
    await submit(page, '.lang-switch button[value="kk"]');
    return { context, page };
  };

  it('changes the session’s time, room and seats on its page: booked officers are told; fewer seats than booked are refused', async () => {
    const { context, page } = await hrOnSession();
    await page.click('#change-session summary');
    // The form holds the session's own values, in Almaty's time.
    expect(await page.inputValue('#change-session #f-startsAt')).toBe(`${startDay}T10:00`);
    expect(await page.inputValue('#change-session #f-room')).toBe('214');
    const session = async () =>
      (
        await t.sql<{ starts_at: Date; ends_at: Date; room: string; capacity: number }>(
          'SELECT starts_at, ends_at, room, capacity FROM seminar_session WHERE id = $1',
          [sessionId],
        )
      )[0];
    const before = await session();
    const changedNotices = async () =>
      (
        await t.sql(
          `SELECT id FROM notification WHERE kind = 'seminar.session-changed' AND payload->>'sessionId' = $1`,
          [sessionId],
        )
      ).length;
    const booked = await t.sql<{ officer_id: string }>(
      `SELECT officer_id FROM seminar_booking WHERE session_id = $1 AND status = 'booked'`,
      [sessionId],
    );
    expect(booked.length).toBeGreaterThan(1);

    // Fewer seats than officers booked: refused beside the field, the typed value kept, nothing changed.
    await page.fill('#change-session #f-capacity', '1');
    expect(await submit(page, '#change-session button[type="submit"]')).toBe(409);
    expect(await page.locator('#f-capacity-error').count()).toBe(1);
    expect(await page.getAttribute('#change-session', 'open')).not.toBeNull();
    expect(await page.inputValue('#change-session #f-capacity')).toBe('1');
    await check(page, '11-change-refused');
    expect(await session()).toEqual(before);

    // Sent as it is: nothing changes and nobody is told.
    await page.goto(`${t.baseUrl}/hr/seminars/${sessionId}`);
    await page.click('#change-session summary');
    expect(await submit(page, '#change-session button[type="submit"]')).toBe(200);
    expect(page.url()).toContain('notice=sessionUnchanged');
    expect(await session()).toEqual(before);
    expect(await changedNotices()).toBe(0);

    // An hour later, another room, more seats: changed, and each booked officer is told.
    await page.click('#change-session summary');
    await page.fill('#change-session #f-startsAt', `${startDay}T11:00`);
    await page.fill('#change-session #f-endsAt', `${startDay}T14:00`);
    await page.fill('#change-session #f-room', '305');
    await page.fill('#change-session #f-capacity', '15');
    expect(await submit(page, '#change-session button[type="submit"]')).toBe(200);
    expect(page.url()).toContain(`/hr/seminars/${sessionId}?notice=sessionChanged`);
    const after = await session();
    expect(after.starts_at.getTime() - before.starts_at.getTime()).toBe(3600_000);
    expect(after.ends_at.getTime() - before.ends_at.getTime()).toBe(3600_000);
    expect(after).toMatchObject({ room: '305', capacity: 15 });
    expect(await page.locator('.facts').first().innerText()).toContain('11:00');
    await check(page, '12-changed');
    const told = await t.sql<{ officer_id: string }>(
      `SELECT officer_id FROM notification WHERE kind = 'seminar.session-changed' AND payload->>'sessionId' = $1`,
      [sessionId],
    );
    expect(told.map((n) => n.officer_id).sort()).toEqual(booked.map((b) => b.officer_id).sort());

    // Handed over to another of Almaty's trainers (a new one: free at that time); Astana's trainer is not offered.
    const admin = apiAs(t, await t.login('admin'));
    const [almaty] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
    const second = await admin.post('/users', {
      username: 'trainer.alm2',
      password: PASSWORD,
      displayName: 'Бекова Айгүл',
      roles: [{ role: 'trainer', unitId: almaty.id }],
    });
    expect(second.status).toBe(201);
    await page.reload();
    await page.click('#change-session summary');
    const offered = await page.locator('#change-session #f-trainerUserId option').allInnerTexts();
    expect(offered).toContain('Бекова Айгүл');
    expect(offered).not.toContain('Жұмабеков Арман');
    // Busy then with a session of their own: refused beside the trainer, nothing changed.
    const hrApi = apiAs(t, await t.login('hr.almaty'));
    const blocking = await hrApi.post('/sessions', {
      courseId: course.courseId,
      startsAt: `${startDay}T12:00:00+05:00`,
      endsAt: `${startDay}T13:00:00+05:00`,
      location: { address: 'Алматы, Төле би, 1' },
      trainerUserId: second.body.id,
      capacity: 5,
      language: 'ru',
    });
    expect(blocking.status).toBe(201);
    await page.selectOption('#change-session #f-trainerUserId', second.body.id);
    expect(await submit(page, '#change-session button[type="submit"]')).toBe(409);
    expect(await page.locator('#f-trainerUserId-error').count()).toBe(1);
    expect(await page.inputValue('#change-session #f-trainerUserId')).toBe(second.body.id);
    expect((await session()).starts_at).toEqual(after.starts_at);
    expect((await hrApi.post(`/sessions/${blocking.body.id}/cancel`, {})).status).toBe(200);
    expect(await submit(page, '#change-session button[type="submit"]')).toBe(200);
    expect(page.url()).toContain('notice=sessionChanged');
    const [handed] = await t.sql<{ trainer_user_id: string }>(
      'SELECT trainer_user_id FROM seminar_session WHERE id = $1',
      [sessionId],
    );
    expect(handed.trainer_user_id).toBe(second.body.id);
    expect(await changedNotices()).toBe(told.length); // a new trainer alone moves nothing: nobody is told again
    await context.close();
  }, 180_000);

  it('cancels the session with a reason: every booking goes and each officer is told; its trainer cancels theirs, another region’s cannot', async () => {
    const { context, page } = await hrOnSession();
    const holders = await t.sql<{ id: string; officer_id: string }>(
      `SELECT id, officer_id FROM seminar_booking WHERE session_id = $1 AND status IN ('booked', 'waitlisted')`,
      [sessionId],
    );
    expect(holders.length).toBeGreaterThan(0);
    await page.click('#cancel-session summary');
    expect(await page.locator('#cancel-session').innerText()).toContain(`Жазылғандар: ${holders.length}`);
    await check(page, '09-cancel-open');

    // A reason over 500 characters: the form says so beside the field, and the session stays.
    // The browser stops typing at 500; a request sent otherwise is checked by the server all the same.
    await page.evaluate(`document.querySelector('#f-reason').removeAttribute('maxlength')`);
    await page.fill('#f-reason', 'ы'.repeat(501));
    expect(await submit(page, '#cancel-session button[type="submit"]')).toBe(422);
    expect(await page.locator('#f-reason-error').count()).toBe(1);
    expect(await page.getAttribute('#cancel-session', 'open')).not.toBeNull();
    const status = async (id: string) =>
      (await t.sql<{ status: string }>('SELECT status FROM seminar_session WHERE id = $1', [id]))[0].status;
    expect(await status(sessionId)).toBe('scheduled');

    const reason = 'Тренер ауырып қалды';
    await page.fill('#f-reason', reason);
    expect(await submit(page, '#cancel-session button[type="submit"]')).toBe(200);
    expect(page.url()).toContain(`/hr/seminars/${sessionId}?notice=sessionCancelled`);
    expect(await page.locator('#session-cancelled').innerText()).toContain(reason);
    expect(await page.locator('#cancel-session').count()).toBe(0);
    expect(await page.locator('form[action$="/bookings"]').count()).toBe(0);
    await check(page, '10-cancelled');
    expect(await status(sessionId)).toBe('cancelled');
    expect(
      await t.sql('SELECT id FROM seminar_booking WHERE session_id = $1 AND status IN ($2, $3)', [
        sessionId,
        'booked',
        'waitlisted',
      ]),
    ).toEqual([]);
    const told = await t.sql<{ officer_id: string; reason: string }>(
      `SELECT officer_id, payload->>'reason' AS reason FROM notification WHERE kind = 'seminar.session-cancelled' AND payload->>'sessionId' = $1`,
      [sessionId],
    );
    expect(told.map((n) => n.officer_id).sort()).toEqual(holders.map((h) => h.officer_id).sort());
    expect(told.every((n) => n.reason === reason)).toBe(true);

    // The same form sent again (a second tab): nothing more happens, and the page says why.
    const token = await page.inputValue('input[name="_csrf"]');
    const again = await page.request.post(`${t.baseUrl}/hr/seminars/${sessionId}/cancel`, {
      form: { _csrf: token, reason: 'again' },
    });
    expect(again.status()).toBe(409);
    expect(await again.text()).toContain('form-alert');
    await context.close();

    // The trainer's own session, cancelled on their page; another trainer sees no such form and is refused.
    const hrApi = apiAs(t, await t.login('hr.almaty'));
    const [trainerAlm] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE username = 'trainer.alm'`);
    const second = await hrApi.post('/sessions', {
      courseId: course.courseId,
      startsAt: `${startDay}T09:00:00+05:00`,
      endsAt: `${startDay}T11:00:00+05:00`,
      location: { address: 'Алматы, Абай даңғылы, 109', room: '12' },
      trainerUserId: trainerAlm.id,
      capacity: 10,
      language: 'kk',
    });
    expect(second.status).toBe(201);
    // The ministry's trainer may manage it too and sees the form; Astana's trainer does not see the session at all.
    const other = await phoneContext(browser, 'kk-KZ');
    const otherPage = await other.newPage();
    await signIn(otherPage, t.baseUrl, 'trainer', account('trainer').password);
    await otherPage.goto(`${t.baseUrl}/trainer/sessions/${second.body.id}`);
    expect(await otherPage.locator('#cancel-session').count()).toBe(1);
    await other.close();
    const astana = await phoneContext(browser, 'kk-KZ');
    const astanaPage = await astana.newPage();
    await signIn(astanaPage, t.baseUrl, 'trainer.ast', PASSWORD);
    expect((await astanaPage.goto(`${t.baseUrl}/trainer/sessions/${second.body.id}`))?.status()).toBe(404);
    await astanaPage.goto(`${t.baseUrl}/trainer/sessions`);
    const astanaToken = await astanaPage.inputValue('input[name="_csrf"]');
    const refused = await astanaPage.request.post(`${t.baseUrl}/trainer/sessions/${second.body.id}/cancel`, {
      form: { _csrf: astanaToken },
    });
    expect(refused.status()).toBe(404);
    expect(await status(second.body.id)).toBe('scheduled');
    await astana.close();

    const own = await phoneContext(browser, 'kk-KZ');
    const ownPage = await own.newPage();
    await signIn(ownPage, t.baseUrl, 'trainer.alm', PASSWORD);
    await ownPage.goto(`${t.baseUrl}/trainer/sessions/${second.body.id}`);
    expect(await ownPage.locator('#change-session').count()).toBe(1);
    await ownPage.click('#cancel-session summary');
    expect(await submit(ownPage, '#cancel-session button[type="submit"]')).toBe(200);
    expect(ownPage.url()).toContain('notice=sessionCancelled');
    expect(await ownPage.locator('#session-cancelled').count()).toBe(1);
    await checkKazakhPage(ownPage, 'trainer-kk', '20-session-cancelled');
    expect(await status(second.body.id)).toBe('cancelled');
    await own.close();
  }, 180_000);
});
