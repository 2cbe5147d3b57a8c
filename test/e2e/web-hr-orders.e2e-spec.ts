import { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import { checkKazakhPage, createWebApp, launchBrowser, phoneContext, signIn } from '../support/browser';
import { TestApp } from '../support/test-app';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;

const check = (page: Page, name: string) => checkKazakhPage(page, 'hr-kk', name);

/**
 * HR's order execution reports in a phone browser, in Kazakh: choose the
 * order, freeze a report for a unit, see it listed and verified, download
 * its PDF, freeze one with the trust indicators attached; and what is refused.
 */
describe('pages: HR freezes and files order execution reports in the browser', () => {
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

  const snapshots = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM report_snapshot'))[0].n;

  it('freezes an execution report, lists it verified and downloads its PDF', async () => {
    const [order] = await t.sql<{ id: string }>('SELECT id FROM ministry_order ORDER BY date LIMIT 1');
    expect(order).toBeDefined();
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr/execution-reports`);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);
    await check(page, '20-execution-choose');

    await page.selectOption('#f-order', order.id);
    await Promise.all([
      page.waitForNavigation(),
      page.click('form[action="/hr/execution-reports"][method="get"] button'),
    ]);
    expect(await page.locator('.card').count()).toBe(0);
    const before = await snapshots();
    const [bostandyk] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM-BOST-PPS'`);
    await page.selectOption('#f-unitId', bostandyk.id);
    await Promise.all([
      page.waitForNavigation(),
      page.click('form[action="/hr/execution-reports"][method="post"] button'),
    ]);
    expect(await page.locator('.alert--ok').count()).toBe(1);
    expect(await snapshots()).toBe(before + 1);
    const [frozen] = await t.sql<{ id: string; sha256: string; verification_code: string }>(
      'SELECT id, sha256, verification_code FROM report_snapshot ORDER BY created_at DESC LIMIT 1',
    );
    const card = page.locator(`#report-${frozen.id}`);
    expect(await card.locator('.tag--ok').count()).toBe(1);
    expect(await card.innerText()).toContain(frozen.sha256);
    expect(await card.locator('.verification-code').innerText()).toBe(frozen.verification_code);
    await check(page, '21-execution-frozen');

    const pdf = await page.request.get(`${t.baseUrl}/hr/execution-reports/${frozen.id}/file?format=pdf&lang=kk`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.headers()['x-content-sha256']).toBe(frozen.sha256);
    const xlsx = await page.request.get(`${t.baseUrl}/hr/execution-reports/${frozen.id}/file?format=xlsx&lang=ru`);
    expect(xlsx.status()).toBe(200);
    expect((await page.request.get(`${t.baseUrl}/hr/execution-reports/${frozen.id}/file?format=doc`)).status()).toBe(
      422,
    );

    // The stored PDF is now checked too, and still verified.
    await page.reload();
    expect(await card.locator('.tag--ok').count()).toBe(1);
    expect(Number(await card.locator('dd').nth(2).innerText())).toBeGreaterThanOrEqual(1);
    const trustOf = async (id: string) =>
      (await t.sql<{ trust: unknown }>(`SELECT content->'trust' AS trust FROM report_snapshot WHERE id = $1`, [id]))[0]
        .trust;
    expect(await trustOf(frozen.id)).toBeNull();

    // The API's includeTrust is offered on the form: the trust report of the subtree is frozen in.
    await page.selectOption('#f-unitId', bostandyk.id);
    await page.check('#f-includeTrust');
    await Promise.all([
      page.waitForNavigation(),
      page.click('form[action="/hr/execution-reports"][method="post"] button'),
    ]);
    expect(await snapshots()).toBe(before + 2);
    const [withTrust] = await t.sql<{ id: string }>('SELECT id FROM report_snapshot ORDER BY created_at DESC LIMIT 1');
    expect(withTrust.id).not.toBe(frozen.id);
    expect(await trustOf(withTrust.id)).toEqual(
      expect.objectContaining({ rows: expect.any(Array), total: expect.any(Object) }),
    );
    expect(await page.locator(`#report-${withTrust.id} .tag--ok`).count()).toBe(1);
    await context.close();
  }, 300_000);

  it('refuses the page to a trainer and a freeze without its token', async () => {
    const [order] = await t.sql<{ id: string }>('SELECT id FROM ministry_order ORDER BY date LIMIT 1');
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    const before = await snapshots();
    const forged = await page.request.post(`${t.baseUrl}/hr/execution-reports`, { form: { orderId: order.id } });
    expect(forged.status()).toBe(403);
    expect(await snapshots()).toBe(before);
    await context.close();

    const trainerContext = await phoneContext(browser);
    const trainerPage = await trainerContext.newPage();
    const trainer = account('trainer');
    await signIn(trainerPage, t.baseUrl, trainer.username, trainer.password);
    expect((await trainerPage.goto(`${t.baseUrl}/hr/execution-reports`))?.status()).toBe(403);
    await trainerContext.close();
  }, 120_000);
});
