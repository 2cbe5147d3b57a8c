import { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import { apiAs } from '../support/api-client';
import { checkPage, createWebApp, launchBrowser, phoneContext, signIn } from '../support/browser';
import { TestApp } from '../support/test-app';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
const REGIONAL = { username: 'admin.almaty', password: 'Admin-almaty-2026' };

/**
 * The administrator's pages in a phone browser, in Kazakh: the unit tree, a
 * unit created and renamed in Kazakh and Russian; an admin of one region
 * creating an account, granting a role within its region and refused outside
 * it; the audit trail filtered; and the pages closed to HR and trainers.
 */
describe('pages: an administrator at work in the browser', () => {
  let t: TestApp & { baseUrl: string };
  let browser: Browser;
  const unitId = async (code: string) =>
    (await t.sql<{ id: string }>('SELECT id FROM unit WHERE code = $1', [code]))[0].id;

  /** Signs in and switches the pages to Kazakh. */
  async function kazakhPage(username: string, password: string): Promise<Page> {
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, username, password);
    await page.goto(`${t.baseUrl}/admin/units`);
    if ((await page.getAttribute('html', 'lang')) !== 'kk') {
      await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);
    }
    return page;
  }

  const check = (page: Page, name: string) => checkPage(page, 'admin-kk', name);

  beforeAll(async () => {
    t = await createWebApp();
    browser = await launchBrowser();
    const admin = await t.login('admin');
    const created = await apiAs(t, admin).post('/users', {
      username: REGIONAL.username,
      password: REGIONAL.password,
      displayName: 'Алматы әкімшісі',
      roles: [{ role: 'admin', unitId: await unitId('ALM') }],
    });
    expect(created.status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the unit tree, creates a unit and renames it in Kazakh and Russian', async () => {
    const admin = account('admin');
    const page = await kazakhPage(admin.username, admin.password);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    expect(await page.locator('.tree a').count()).toBe(80);
    await check(page, '01-units');

    await Promise.all([
      page.waitForNavigation(),
      page.click('.tree a:text-is("Бостандық ауданының полиция басқармасы")'),
    ]);
    await page.fill('#f-code', 'ALM-BOST-KPP');
    await page.fill('#f-child_kk', 'Бостандық ПБ бақылау бекеті');
    await page.fill('#f-child_ru', 'Контрольный пост УП Бостандыкского района');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/children"] button[type="submit"]')]);
    expect(await page.locator('h1').innerText()).toBe('Бостандық ПБ бақылау бекеті');
    expect(await page.locator('[role="status"]').innerText()).toContain('Бөлімше құрылды');

    await page.fill('#f-names_kk', 'Бостандық ПБ №1 бақылау бекеті');
    await page.fill('#f-names_ru', 'Контрольный пост №1 УП Бостандыкского района');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/rename"] button[type="submit"]')]);
    expect(await page.locator('h1').innerText()).toBe('Бостандық ПБ №1 бақылау бекеті');
    const [row] = await t.sql<{ name: string; names: Record<string, string> }>(
      `SELECT name, names FROM unit WHERE code = 'ALM-BOST-KPP'`,
    );
    expect(row).toEqual({
      name: 'Контрольный пост №1 УП Бостандыкского района',
      names: { kk: 'Бостандық ПБ №1 бақылау бекеті', ru: 'Контрольный пост №1 УП Бостандыкского района' },
    });
    await check(page, '02-unit');

    // A missing Russian name is shown beside its field; nothing changes.
    await page.fill('#f-names_ru', '');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/rename"] button[type="submit"]')]);
    expect(await page.locator('#f-names_ru').getAttribute('aria-invalid')).toBe('true');
    expect((await t.sql(`SELECT 1 FROM unit WHERE name = 'Контрольный пост №1 УП Бостандыкского района'`)).length).toBe(
      1,
    );

    await page.goto(`${t.baseUrl}/admin/policies`);
    await check(page, '05-policies');
    await page.context().close();
  }, 300_000);

  it('lets a regional admin create an account and grant roles within its region, and refuses outside it', async () => {
    const page = await kazakhPage(REGIONAL.username, REGIONAL.password);
    // Its tree is its region only (the demo's 26 units and any added since).
    const [region] = await t.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM unit WHERE path LIKE (SELECT path FROM unit WHERE code = 'ALM') || '%'`,
    );
    expect(region.count).toBeGreaterThanOrEqual(26);
    expect(await page.locator('.tree a').count()).toBe(region.count);
    await page.goto(`${t.baseUrl}/admin/users`);
    await page.fill('#f-username', 'trainer.bost');
    await page.fill('#f-displayName', 'Сейітова Айгүл');
    await page.fill('#f-password', 'Trainer-bost-2026');
    await page.selectOption('#f-role', 'trainer');
    await page.selectOption('#f-unitId', await unitId('ALM-BOST'));
    await Promise.all([
      page.waitForNavigation(),
      page.click('form[method="post"][action="/admin/users"] button[type="submit"]'),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Сейітова Айгүл');

    await page.selectOption('#f-role', 'hr');
    await page.selectOption('#f-unitId', await unitId('ALM-AUEZ'));
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/grants"] button[type="submit"]')]);
    expect(await page.locator('[role="status"]').innerText()).toContain('Рөл берілді');
    const grants = async () =>
      (
        await t.sql<{ role: string; code: string }>(
          `SELECT r.role, u.code FROM user_role r JOIN unit u ON u.id = r.unit_id JOIN user_account a ON a.id = r.user_id
           WHERE a.username = 'trainer.bost' ORDER BY r.role`,
        )
      ).map((g) => `${g.role}@${g.code}`);
    expect(await grants()).toEqual(['hr@ALM-AUEZ', 'trainer@ALM-BOST']);
    await check(page, '04-user');

    // Astana is not offered; a tampered form naming it is refused and changes nothing.
    const astana = await unitId('AST');
    expect(await page.locator(`#f-unitId option[value="${astana}"]`).count()).toBe(0);
    await page.evaluate(`document.querySelector('#f-unitId option').value = '${astana}'`);
    await page.selectOption('#f-unitId', astana);
    const [refused] = await Promise.all([
      page.waitForNavigation(),
      page.click('form[action$="/grants"] button[type="submit"]'),
    ]);
    expect(refused?.status()).toBe(404);
    expect(await grants()).toEqual(['hr@ALM-AUEZ', 'trainer@ALM-BOST']);

    // Withdrawing the HR role.
    await page.goBack();
    await page.reload();
    await Promise.all([
      page.waitForNavigation(),
      page.click('form[action$="/grants/revoke"]:has(input[value="hr"]) button'),
    ]);
    expect(await grants()).toEqual(['trainer@ALM-BOST']);

    // The list finds the account by its display name.
    await page.goto(`${t.baseUrl}/admin/users?q=${encodeURIComponent('сейітова')}`);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await check(page, '03-users');
    await page.context().close();
  }, 300_000);

  it('filters the audit trail by action, actor and dates', async () => {
    const admin = account('admin');
    const page = await kazakhPage(admin.username, admin.password);
    await page.goto(`${t.baseUrl}/admin/audit`);
    await page.fill('#f-action', 'unit');
    await page.fill('#f-actor', 'admin');
    const today = new Date().toISOString().slice(0, 10);
    await page.fill('#f-from', today);
    await page.fill('#f-to', today);
    await Promise.all([page.waitForNavigation(), page.click('form[role="search"] button[type="submit"]')]);
    const actions = await page.locator('tbody td:nth-child(3)').allInnerTexts();
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(actions)).toEqual(new Set(['unit.create', 'unit.update']));
    await check(page, '06-audit');
    // A malformed date is refused (422 page), not a 500.
    expect((await page.goto(`${t.baseUrl}/admin/audit?from=yesterday`))?.status()).toBe(422);
    await page.context().close();
  }, 300_000);

  it('refuses the admin pages to HR and trainers, and a form without its token', async () => {
    for (const who of ['hr.almaty', 'trainer']) {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await signIn(page, t.baseUrl, who, account(who).password);
      for (const path of ['/admin/units', '/admin/users', '/admin/audit', '/admin/policies']) {
        expect((await page.goto(`${t.baseUrl}${path}`))?.status()).toBe(403);
      }
      await context.close();
    }
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, t.baseUrl, 'admin', account('admin').password);
    const res = await page.request.post(`${t.baseUrl}/admin/units/${await unitId('ALM')}/rename`, {
      form: { names_kk: 'X', names_ru: 'Y' },
    });
    expect(res.status()).toBe(403);
    expect((await t.sql(`SELECT 1 FROM unit WHERE name = 'Y'`)).length).toBe(0);
    await context.close();
  }, 300_000);
});
