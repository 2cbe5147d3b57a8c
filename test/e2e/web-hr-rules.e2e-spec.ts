import { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import {
  checkKazakhPage,
  createWebApp,
  horizontalOverflow,
  launchBrowser,
  phoneContext,
  screenshot,
  signIn,
  submitAndWait,
} from '../support/browser';
import { apiAs } from '../support/api-client';
import { TestApp } from '../support/test-app';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;

/** A page in Kazakh that fits a phone and has no serious accessibility problem, kept as a screenshot. */
const check = (page: Page, name: string) => checkKazakhPage(page, 'hr-kk', name);

const submit = submitAndWait;

/**
 * HR's orders and assignment rules in a phone browser, in Kazakh: an order
 * that names a course, an audience and a deadline, its audience's size seen
 * before saving, the rule it made and whom it enrolled; a rule added to it;
 * an officer exempted with a reason and assigned a course by hand; and what
 * is refused.
 */
describe('pages: HR records orders and their assignment rules in the browser', () => {
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

  const publishedCourses = () =>
    t.sql<{ id: string; code: string }>(
      `SELECT c.id, c.code FROM course c
       WHERE EXISTS (SELECT 1 FROM course_version v WHERE v.course_id = c.id AND v.status = 'published')
       ORDER BY c.code`,
    );
  const counts = async () =>
    (
      await t.sql<{ orders: number; rules: number; enrollments: number }>(
        `SELECT (SELECT count(*)::int FROM ministry_order) AS orders, (SELECT count(*)::int FROM assignment_rule) AS rules,
                (SELECT count(*)::int FROM enrollment) AS enrollments`,
      )
    )[0];
  /** An officer recorded through the API in a district's inspectors (service `other`), and a published course they lack. */
  const newcomer = async (personnelNumber: string) => {
    const [unit] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM-BOST-UP'`);
    const created = await t
      .http()
      .post('/api/v1/officers')
      .set('Authorization', `Bearer ${await t.login('hr.almaty')}`)
      .send({
        personnelNumber,
        fullName: 'Сейітов Нұрлан',
        rank: 'лейтенант полиции',
        position: 'инспектор',
        serviceType: 'other',
        unitId: unit.id,
      });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const lacking = await t.sql<{ id: string }>(
      `SELECT c.id FROM course c
       WHERE EXISTS (SELECT 1 FROM course_version v WHERE v.course_id = c.id AND v.status = 'published')
         AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.course_id = c.id AND e.officer_id = $1)
       ORDER BY c.code`,
      [id],
    );
    expect(lacking.length).toBeGreaterThan(0);
    return { id, unitId: unit.id, lacking: lacking.map((row) => row.id) };
  };
  /** Active officers of a unit's subtree, as a rule's audience counts them. */
  const activeIn = async (code: string, serviceType?: string) =>
    (
      await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM officer o JOIN unit u ON u.id = o.unit_id
         JOIN unit top ON top.code = $1 AND u.path LIKE top.path || '%'
         WHERE o.status = 'active' AND ($2::text IS NULL OR o.service_type = $2)`,
        [code, serviceType ?? null],
      )
    )[0].n;

  it('creates an order with a course and an audience, sees its size first, then the rule and whom it enrolled', async () => {
    const officer = await newcomer('WEB-RULES-1');
    const first = officer.lacking[0];
    const second = (await publishedCourses()).find((course) => course.id !== first)!.id;
    const audience = await activeIn('ALM-BOST-UP');
    expect(audience).toBeGreaterThan(0);

    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr/orders`);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);
    expect(await page.locator('nav a[href="/hr/orders"]').count()).toBeGreaterThan(0);
    await check(page, '30-orders');

    await Promise.all([page.waitForNavigation(), page.click('a[href="/hr/orders/new"]')]);
    // Refused for its fields: shown again in Kazakh with the messages, nothing written.
    const before = await counts();
    await page.fill('#f-number', 'WEB-77');
    await page.check(`#f-course-${first}`);
    expect(await submit(page, '#save')).toBe(422);
    expect(await page.locator('#f-title-error').count()).toBe(1);
    expect(await page.locator('#f-deadline').getAttribute('aria-invalid')).toBe(null);
    expect(await page.inputValue('#f-number')).toBe('WEB-77');
    expect(await page.isChecked(`#f-course-${first}`)).toBe(true);
    await check(page, '31-order-refused');
    expect(await counts()).toEqual(before);

    await page.fill('#f-title', 'Қызметтік даярлық: вебтен бұйрық');
    await page.fill('#f-issuingAuthority', 'ҚР ІІМ');
    await page.fill('#f-deadline', '2027-03-31');
    await page.check(`#f-unit-${officer.unitId}`);
    // The audience's size before saving: the form comes back filled in, nothing is written.
    expect(await submit(page, '#preview')).toBe(200);
    expect(await page.locator('#audience-size').innerText()).toContain(String(audience));
    expect(await page.isChecked(`#f-unit-${officer.unitId}`)).toBe(true);
    expect(await page.isChecked(`#f-course-${first}`)).toBe(true);
    expect(await page.inputValue('#f-deadline')).toBe('2027-03-31');
    expect(await counts()).toEqual(before);
    await check(page, '32-order-preview');

    expect(await submit(page, '#save')).toBe(200);
    expect(page.url()).toMatch(/\/hr\/orders\/[0-9a-f-]{36}\?notice=orderCreated$/);
    const [order] = await t.sql<{ id: string; issuing_authority: string }>(
      `SELECT id, issuing_authority FROM ministry_order WHERE number = 'WEB-77'`,
    );
    expect(order.issuing_authority).toBe('ҚР ІІМ');
    const rules = await t.sql<{ id: string; enrolled: number }>(
      `SELECT r.id, (SELECT count(*)::int FROM enrollment e WHERE e.rule_id = r.id) AS enrolled
       FROM assignment_rule r WHERE r.order_id = $1`,
      [order.id],
    );
    expect(rules).toHaveLength(1);
    expect(rules[0].enrolled).toBeGreaterThan(0);
    expect(rules[0].enrolled).toBeLessThanOrEqual(audience);
    const [mine] = await t.sql<{ rule_id: string }>(
      'SELECT rule_id FROM enrollment WHERE officer_id = $1 AND course_id = $2',
      [officer.id, first],
    );
    expect(mine.rule_id).toBe(rules[0].id);
    const card = page.locator(`#rule-${rules[0].id}`);
    expect(await card.locator('.rule-enrolled').innerText()).toBe(String(rules[0].enrolled));
    expect(await page.locator('#order-audience').innerText()).toBe(String(audience));
    expect(await page.locator(`a[href="/hr/execution-reports?orderId=${order.id}"]`).count()).toBe(1);
    await check(page, '33-order');

    // The officers behind the rule: the compliance drill-down for the order and the course.
    const drill = card.locator('.rule-officers').first();
    expect(await drill.getAttribute('href')).toBe(`/hr/compliance/officers?orderId=${order.id}&courseId=${first}`);
    await Promise.all([page.waitForNavigation(), drill.click()]);
    expect(await page.locator('ol.cards > li').count()).toBeGreaterThan(0);

    // A rule of its own for the same order: a second course, the district's `other` service only, due in 30 days.
    const others = await activeIn('ALM-BOST-UP', 'other');
    await page.goto(`${t.baseUrl}/hr/orders/${order.id}/rules/new`);
    await page.selectOption('#f-courseId', second);
    await page.check(`#f-unit-${officer.unitId}`);
    await page.check('#f-service-other');
    await page.fill('#f-dueDate', '');
    await page.fill('#f-dueInDays', '30');
    expect(await submit(page, '#preview')).toBe(200);
    expect(await page.locator('#audience-size').innerText()).toContain(String(others));
    expect(await page.inputValue('#f-courseId')).toBe(second);
    await check(page, '34-rule-preview');
    expect(await submit(page, '#save')).toBe(200);
    expect(page.url()).toContain(`/hr/orders/${order.id}?notice=ruleCreated`);
    expect(await page.locator('.rule').count()).toBe(2);
    const [rule] = await t.sql<{ due_in_days: number; service_types: string[] }>(
      `SELECT due_in_days, service_types FROM assignment_rule WHERE order_id = $1 AND $2 = ANY(course_ids)`,
      [order.id, second],
    );
    expect(rule).toEqual({ due_in_days: 30, service_types: ['other'] });

    // The order is listed with its audience and what its rules enrolled.
    await page.goto(`${t.baseUrl}/hr/orders`);
    const [{ n: enrolled }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrollment e JOIN assignment_rule r ON r.id = e.rule_id WHERE r.order_id = $1`,
      [order.id],
    );
    expect(await page.locator(`#order-${order.id} .order-enrolled`).innerText()).toBe(String(enrolled));
    expect(await page.locator(`#order-${order.id} .order-audience`).innerText()).toBe(String(audience));

    // The same pages in Russian.
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="ru"]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('h1').innerText()).toBe('Приказы и правила назначения');
    await screenshot(page, 'hr-ru', '30-orders');
    await page.goto(`${t.baseUrl}/hr/orders/${order.id}`);
    expect(await page.locator('#rules-title').innerText()).toBe('Правила назначения');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'hr-ru', '33-order');
    await context.close();
  }, 300_000);

  it('exempts an officer with a reason and assigns a course by hand on the officer’s page', async () => {
    const [open] = await t.sql<{ id: string; officer_id: string }>(
      `SELECT e.id, e.officer_id FROM enrollment e
       JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
       WHERE u.code = 'ALM-BOST-PPS' AND o.status = 'active' AND e.status IN ('assigned', 'in_progress')
       ORDER BY o.personnel_number LIMIT 1`,
    );
    expect(open).toBeDefined();
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr/officers/${open.officer_id}`);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);

    // No reason: refused beside the field, the enrolment stays open.
    await page.selectOption('#f-enrollmentId', open.id);
    expect(await submit(page, 'form[action$="/exemption"] button')).toBe(422);
    expect(await page.locator('#f-reason-error').count()).toBe(1);
    const [still] = await t.sql<{ status: string }>('SELECT status FROM enrollment WHERE id = $1', [open.id]);
    expect(still.status).not.toBe('exempted');

    await page.selectOption('#f-enrollmentId', open.id);
    await page.fill('#f-reason', 'Академияда баламалы курсты бітірген (куәлік 17-2026)');
    expect(await submit(page, 'form[action$="/exemption"] button')).toBe(200);
    expect(page.url()).toContain('notice=officerExempted');
    const [closed] = await t.sql<{ status: string; closed_reason: string }>(
      'SELECT status, closed_reason FROM enrollment WHERE id = $1',
      [open.id],
    );
    expect(closed).toEqual({
      status: 'exempted',
      closed_reason: 'Академияда баламалы курсты бітірген (куәлік 17-2026)',
    });
    expect(await page.locator('.exemption-reason').first().innerText()).toContain('куәлік 17-2026');
    const [audit] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'enrollment.exempt' AND entity_id = $1`,
      [open.id],
    );
    expect(audit.n).toBe(1);
    await check(page, '35-officer-exempted');

    // A course by hand, to an officer just recorded (the API), with one the rules have not given them.
    const { id: recorded, lacking } = await newcomer('WEB-RULES-2');
    const fresh = { id: lacking[0] };
    expect(fresh).toBeDefined();
    await page.goto(`${t.baseUrl}/hr/officers/${recorded}`);
    await page.selectOption('#f-courseId', fresh.id);
    await page.fill('#f-dueDate', '2027-02-28');
    await page.fill('#f-assignReason', 'Жаңадан тағайындалған');
    expect(await submit(page, 'form[action$="/assignments"] button')).toBe(200);
    expect(page.url()).toContain('notice=officerAssigned');
    const [again] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrollment e
       WHERE e.officer_id = $1 AND e.course_id = $2 AND e.status = 'assigned' AND e.rule_id IS NULL`,
      [recorded, fresh.id],
    );
    expect(again.n).toBe(1);
    const [assignment] = await t.sql<{ after: { officerIds: string[]; assignedBecause: string } }>(
      `SELECT after FROM audit_event WHERE action = 'enrollment.assign-manually' ORDER BY seq DESC LIMIT 1`,
    );
    expect(assignment.after).toMatchObject({ officerIds: [recorded], assignedBecause: 'Жаңадан тағайындалған' });
    await context.close();
  }, 300_000);

  it('takes the reason of a course assigned by hand through the API too, and refuses an overlong one', async () => {
    const { id, lacking } = await newcomer('WEB-RULES-3');
    const token = await t.login('hr.almaty');
    const tooLong = await t
      .http()
      .post('/api/v1/enrollments')
      .set('Authorization', `Bearer ${token}`)
      .send({ courseId: lacking[0], officerIds: [id], dueInDays: 30, reason: 'x'.repeat(501) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.headers['content-type']).toContain('application/problem+json');
    const assigned = await t
      .http()
      .post('/api/v1/enrollments')
      .set('Authorization', `Bearer ${token}`)
      .send({ courseId: lacking[0], officerIds: [id], dueInDays: 30, reason: 'Appointed to the duty unit' });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toEqual({ enrolled: 1, skipped: 0 });
    const [event] = await t.sql<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit_event WHERE action = 'enrollment.assign-manually' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event.after).toMatchObject({ officerIds: [id], assignedBecause: 'Appointed to the duty unit' });
  }, 60_000);

  /** HR of Almaty on an order's page, in Kazakh, in a phone browser of its own. */
  const hrOnOrder = async (orderId: string) => {
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr/orders/${orderId}`);
    await submit(page, '.lang-switch button[value="kk"]');
    return { context, page };
  };

  it('retires a rule on its order’s page: its enrolments stay, a newcomer is not enrolled; a rule of an order from above stays', async () => {
    const hrApi = apiAs(t, await t.login('hr.almaty'));
    const [district] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM-BOST-UP'`);
    const courses = await publishedCourses();
    const course = courses[courses.length - 1];
    const order = await hrApi.post('/orders', { number: 'RETIRE-1', date: '2026-11-02', title: 'Rule to retire' });
    expect(order.status).toBe(201);
    const rule = await hrApi.post('/assignment-rules', {
      courseId: course.id,
      orderId: order.body.id,
      audience: { unitIds: [district.id], serviceTypes: ['other'] },
      dueInDays: 45,
    });
    expect(rule.status).toBe(201);
    const byRule = async () =>
      (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM enrollment WHERE rule_id = $1', [rule.body.id]))[0].n;
    const enrolled = await byRule();

    const { context, page } = await hrOnOrder(order.body.id);
    const card = page.locator(`#rule-${rule.body.id}`);
    await card.locator('.rule-retire summary').click();
    expect(await card.locator('.rule-retire').innerText()).toContain(`(${enrolled})`);
    await check(page, '36-rule-retire');
    expect(await submit(page, `#rule-${rule.body.id} form[action$="/retire"] button`)).toBe(200);
    expect(page.url()).toContain(`/hr/orders/${order.body.id}?notice=ruleRetired`);
    expect(await card.locator('.rule-retired').count()).toBe(1);
    expect(await card.locator('form[action$="/retire"]').count()).toBe(0);
    await check(page, '37-rule-retired');
    const [retired] = await t.sql<{ retired_by: string | null }>(
      'SELECT retired_by FROM assignment_rule WHERE id = $1 AND retired_at IS NOT NULL',
      [rule.body.id],
    );
    expect(retired.retired_by).toEqual(expect.any(String));
    // What it enrolled stays; an officer who would have matched it now is not enrolled by it.
    expect(await byRule()).toBe(enrolled);
    const officer = await newcomer('RET-0001');
    expect(
      await t.sql('SELECT id FROM enrollment WHERE officer_id = $1 AND course_id = $2', [officer.id, course.id]),
    ).toEqual([]);

    // A rule executing an order issued at the ministry: HR of Almaty sees it and may not retire it.
    const admin = apiAs(t, await t.login('admin'));
    const above = await admin.post('/orders', { number: 'MIN-RETIRE-1', date: '2026-11-03', title: 'From above' });
    expect(above.status).toBe(201);
    const ministryRule = await admin.post('/assignment-rules', {
      courseId: courses[0].id,
      orderId: above.body.id,
      audience: { unitIds: [district.id], ranks: ['генерал-полковник полиции'] },
      dueInDays: 60,
    });
    expect(ministryRule.status).toBe(201);
    await page.goto(`${t.baseUrl}/hr/orders/${above.body.id}`);
    await page.click(`#rule-${ministryRule.body.id} .rule-retire summary`);
    expect(await submit(page, `#rule-${ministryRule.body.id} form[action$="/retire"] button`)).toBe(403);
    expect(await page.locator('#form-alert').innerText()).toContain('кадр қызметі');
    expect(await page.locator(`#rule-${ministryRule.body.id} .rule-retired`).count()).toBe(0);
    const [standing] = await t.sql<{ retired_at: Date | null }>(
      'SELECT retired_at FROM assignment_rule WHERE id = $1',
      [ministryRule.body.id],
    );
    expect(standing.retired_at).toBeNull();
    // A rule of one order retired under another order's address: not found, and it stays.
    const token = await page.inputValue('input[name="_csrf"]');
    const crossed = await page.request.post(
      `${t.baseUrl}/hr/orders/${order.body.id}/rules/${ministryRule.body.id}/retire`,
      {
        form: { _csrf: token },
      },
    );
    expect(crossed.status()).toBe(404);
    await context.close();
  }, 180_000);

  it('corrects an order’s title, issuer and deadline on its page; an order from above has no such form and refuses one', async () => {
    const hrApi = apiAs(t, await t.login('hr.almaty'));
    const order = await hrApi.post('/orders', {
      number: 'EDIT-1',
      date: '2026-11-04',
      title: 'Оқу туралы бұйрыкк',
      deadline: '2026-12-31',
    });
    expect(order.status).toBe(201);
    const stored = async (id: string) =>
      (
        await t.sql<{
          number: string;
          date: string;
          title: string;
          issuing_authority: string | null;
          deadline: string;
        }>(
          `SELECT number, to_char(date, 'YYYY-MM-DD') AS date, title, issuing_authority, to_char(deadline, 'YYYY-MM-DD') AS deadline
           FROM ministry_order WHERE id = $1`,
          [id],
        )
      )[0];
    const before = await stored(order.body.id);

    const { context, page } = await hrOnOrder(order.body.id);
    await page.click('#edit-order summary');
    expect(await page.inputValue('#f-title')).toBe('Оқу туралы бұйрыкк');
    expect(await page.inputValue('#f-deadline')).toBe('2026-12-31');

    // A deadline before the order's date: refused beside the field, with what was typed; nothing stored.
    await page.fill('#f-title', 'Оқу туралы бұйрық');
    await page.fill('#f-deadline', '2026-10-01');
    expect(await submit(page, '#edit-order button[type="submit"]')).toBe(422);
    expect(await page.locator('#f-deadline-error').count()).toBe(1);
    expect(await page.inputValue('#f-title')).toBe('Оқу туралы бұйрық');
    await check(page, '38-order-edit-refused');
    expect(await stored(order.body.id)).toEqual(before);

    await page.fill('#f-deadline', '2027-01-31');
    await page.fill('#f-issuingAuthority', 'ҚР ІІМ');
    expect(await submit(page, '#edit-order button[type="submit"]')).toBe(200);
    expect(page.url()).toContain(`/hr/orders/${order.body.id}?notice=orderChanged`);
    expect(await page.locator('h1').innerText()).toContain('Оқу туралы бұйрық');
    expect(await stored(order.body.id)).toEqual({
      ...before,
      title: 'Оқу туралы бұйрық',
      issuing_authority: 'ҚР ІІМ',
      deadline: '2027-01-31',
    });
    const [audit] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'order.update' AND entity_id = $1`,
      [order.body.id],
    );
    expect(audit.n).toBe(1);
    await check(page, '39-order-corrected');

    // Sent again as it stands: nothing changes.
    await page.click('#edit-order summary');
    expect(await submit(page, '#edit-order button[type="submit"]')).toBe(200);
    expect(page.url()).toContain('notice=orderUnchanged');

    // An order issued at the ministry: no form for HR of Almaty, and a forged post changes nothing.
    const admin = apiAs(t, await t.login('admin'));
    const above = await admin.post('/orders', { number: 'MIN-EDIT-1', date: '2026-11-05', title: 'From above' });
    expect(above.status).toBe(201);
    await page.goto(`${t.baseUrl}/hr/orders/${above.body.id}`);
    expect(await page.locator('#edit-order').count()).toBe(0);
    const token = await page.inputValue('input[name="_csrf"]');
    const forged = await page.request.post(`${t.baseUrl}/hr/orders/${above.body.id}/edit`, {
      form: { _csrf: token, title: 'Changed from below' },
    });
    expect(forged.status()).toBe(404);
    expect((await stored(above.body.id)).title).toBe('From above');
    await context.close();
  }, 180_000);

  it('lists the orders 20 to a page, newest first, and finds one by its number or title', async () => {
    const hrApi = apiAs(t, await t.login('hr.almaty'));
    for (let i = 1; i <= 22; i++) {
      const day = String(i).padStart(2, '0');
      const res = await hrApi.post('/orders', {
        number: `PAGE-${day}`,
        date: `2025-03-${day}`,
        title: `Бұйрық ${day}`,
      });
      expect(res.status).toBe(201);
    }
    const [{ total }] = await t.sql<{ total: number }>(
      `SELECT count(*)::int AS total FROM ministry_order m JOIN unit u ON u.id = m.unit_id
       WHERE (SELECT path FROM unit WHERE code = 'ALM') LIKE u.path || '%' OR u.path LIKE (SELECT path FROM unit WHERE code = 'ALM') || '%'`,
    );
    expect(total).toBeGreaterThan(22);
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr/orders`);
    await submit(page, '.lang-switch button[value="kk"]');
    expect(await page.locator('ul.cards > li').count()).toBe(20);
    expect(await page.locator('.pager').innerText()).toContain(String(Math.ceil(total / 20)));
    await check(page, '40-orders-paged');
    // Every order once across the pages.
    const seen: string[] = [];
    for (;;) {
      seen.push(...(await page.locator('ul.cards > li').evaluateAll((items) => items.map((item) => item.id))));
      if ((await page.locator('.pager a[rel="next"]').count()) === 0) break;
      await submit(page, '.pager a[rel="next"]');
    }
    expect(new Set(seen).size).toBe(total);
    expect(seen).toHaveLength(total);

    // By number, and by a word of the title.
    await page.goto(`${t.baseUrl}/hr/orders`);
    await page.fill('#f-q', 'PAGE-07');
    await submit(page, 'form[role="search"] button');
    expect(await page.locator('ul.cards > li .card__title').allInnerTexts()).toEqual(['№ PAGE-07 · Бұйрық 07']);
    await page.fill('#f-q', 'жоқ-мұндай-бұйрық');
    await submit(page, 'form[role="search"] button');
    expect(await page.locator('ul.cards > li').count()).toBe(0);
    expect(await page.locator('.empty').count()).toBe(1);
    expect((await page.goto(`${t.baseUrl}/hr/orders?page=0`))?.status()).toBe(422);
    expect((await page.goto(`${t.baseUrl}/hr/orders?q=${'x'.repeat(101)}`))?.status()).toBe(422);
    await context.close();
  }, 180_000);

  it('refuses the pages to a trainer, forms without their token, and another region’s officer', async () => {
    const [astana] = await t.sql<{ id: string; officer_id: string }>(
      `SELECT e.id, e.officer_id FROM enrollment e JOIN officer o ON o.id = e.officer_id JOIN unit u ON u.id = o.unit_id
       WHERE u.code LIKE 'AST%' AND e.status IN ('assigned', 'in_progress') LIMIT 1`,
    );
    const [almaty] = await t.sql<{ id: string }>(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.code = 'ALM-BOST-PPS' AND o.status = 'active' LIMIT 1`,
    );
    const [course] = await publishedCourses();
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    const before = await counts();
    const forged = await page.request.post(`${t.baseUrl}/hr/orders`, {
      form: { number: 'FORGED-1', date: '2026-11-01', title: 'Forged', courseIds: course.id, deadline: '2026-12-31' },
    });
    expect(forged.status()).toBe(403);
    expect(await counts()).toEqual(before);

    // With a valid token: another region's officer is not found, their enrolment stays open.
    await page.goto(`${t.baseUrl}/hr/orders/new`);
    const token = await page.inputValue('input[name="_csrf"]');
    expect((await page.goto(`${t.baseUrl}/hr/officers/${astana.officer_id}`))?.status()).toBe(404);
    const outside = await page.request.post(`${t.baseUrl}/hr/officers/${astana.officer_id}/exemption`, {
      form: { _csrf: token, enrollmentId: astana.id, reason: 'Not theirs' },
    });
    expect(outside.status()).toBe(404);
    const smuggled = await page.request.post(`${t.baseUrl}/hr/officers/${almaty.id}/exemption`, {
      form: { _csrf: token, enrollmentId: astana.id, reason: 'Not theirs' },
    });
    expect(smuggled.status()).toBe(404);
    const [open] = await t.sql<{ status: string }>('SELECT status FROM enrollment WHERE id = $1', [astana.id]);
    expect(['assigned', 'in_progress']).toContain(open.status);
    const assigned = await page.request.post(`${t.baseUrl}/hr/officers/${astana.officer_id}/assignments`, {
      form: { _csrf: token, courseId: course.id, dueDate: '2027-01-31' },
    });
    expect(assigned.status()).toBe(404);
    expect(await counts()).toEqual(before);
    await context.close();

    const trainerContext = await phoneContext(browser);
    const trainerPage = await trainerContext.newPage();
    const trainer = account('trainer');
    await signIn(trainerPage, t.baseUrl, trainer.username, trainer.password);
    expect((await trainerPage.goto(`${t.baseUrl}/hr/orders`))?.status()).toBe(403);
    expect((await trainerPage.goto(`${t.baseUrl}/hr/orders/new`))?.status()).toBe(403);
    await trainerContext.close();
  }, 120_000);
});
