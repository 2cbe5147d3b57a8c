import { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
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

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;

/**
 * The compliance report's numbers open the officers behind them: HR drills
 * from the region to a district, then to that district's overdue officers,
 * in Kazakh on a phone, and downloads them as XLSX; another region's unit is
 * a 404 page and its file a 404 too.
 */
describe('pages: HR drills to the officers behind a compliance figure', () => {
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

  it('drills from the region to the overdue officers of a district and downloads them as XLSX', async () => {
    const hr = account('hr.almaty');
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr/compliance`);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');

    // The district with the most overdue officers opens its own report.
    const rows = page.locator('table.report tbody tr');
    const overdue = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number(tr.children[5].textContent!.replace(/\s/g, ''))),
    );
    let best = 0;
    for (let i = 0; i < overdue.length; i++) if (overdue[i] > overdue[best]) best = i;
    expect(overdue[best]).toBeGreaterThan(0);
    await Promise.all([page.waitForNavigation(), rows.nth(best).locator('th a').click()]);
    expect(new URL(page.url()).pathname).toBe('/hr/compliance');
    const districtOverdue = Number((await page.locator('table.report tfoot td').nth(4).innerText()).replace(/\s/g, ''));
    expect(districtOverdue).toBe(overdue[best]);

    // Its overdue total opens the officers behind it, page by page.
    await Promise.all([page.waitForNavigation(), page.locator('table.report tfoot td').nth(4).locator('a').click()]);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/hr/compliance/officers');
    expect(url.searchParams.get('status')).toBe('overdue');
    expect(await page.locator('#officers-count').innerText()).toContain(String(districtOverdue));
    expect(await page.locator('ol.cards > li').count()).toBe(Math.min(districtOverdue, 25));
    await screenshot(page, 'hr-kk', '03-compliance-officers');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const href = await page.getAttribute('a[href*="format=xlsx"]', 'href');
    expect(href).toContain('lang=kk');
    const file = await page.request.get(`${t.baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect((await file.body()).length).toBeGreaterThan(500);
    await context.close();
  }, 300_000);

  it('refuses another region’s unit, a malformed status, and the page to a trainer', async () => {
    const [astana] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'AST'`);
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    const outside = `${t.baseUrl}/hr/compliance/officers?unitId=${astana.id}&status=overdue`;
    expect((await page.goto(outside))?.status()).toBe(404);
    const file = `${t.baseUrl}/hr/compliance/officers/export?unitId=${astana.id}&format=xlsx`;
    expect((await page.request.get(file)).status()).toBe(404);
    expect((await page.goto(`${t.baseUrl}/hr/compliance/officers?status=late`))?.status()).toBe(422);
    await context.close();

    const trainerContext = await phoneContext(browser);
    const trainerPage = await trainerContext.newPage();
    const trainer = account('trainer');
    await signIn(trainerPage, t.baseUrl, trainer.username, trainer.password);
    expect((await trainerPage.goto(`${t.baseUrl}/hr/compliance/officers`))?.status()).toBe(403);
    await trainerContext.close();
  }, 120_000);
});
