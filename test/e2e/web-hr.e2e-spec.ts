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
 * HR's dashboard in a phone browser, in Kazakh: its figures, completion by
 * unit and over the months as SVG drawn on the server, each figure a link to
 * the report behind it; the report drilled from the region to a district,
 * downloaded as XLSX and PDF; and what HR of another region may not open.
 */
describe('pages: HR follows compliance in the browser', () => {
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

  it('opens the dashboard, drills from the region to a district, and downloads the report', async () => {
    const hr = account('hr.almaty');
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr`);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    // The demo's year of training: a bar per district, a point per month and now.
    const bars = page.locator('section[aria-labelledby="units-title"] svg a');
    expect(await bars.count()).toBeGreaterThan(1);
    expect(await page.locator('section[aria-labelledby="trend-title"] svg a').count()).toBe(7);
    expect(Number((await page.locator('.figure__value--bad').innerText()).replace(/\s/g, ''))).toBeGreaterThan(0);
    await screenshot(page, 'hr-kk', '01-dashboard');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A district's bar opens its report; its figures are the dashboard's row.
    const district = await page.locator('section[aria-labelledby="units-title"] tbody tr').first().innerText();
    await Promise.all([page.waitForNavigation(), bars.first().click()]);
    expect(new URL(page.url()).pathname).toBe('/hr/compliance');
    expect(page.url()).toContain('unitId=');
    expect(await page.locator('.lead').innerText()).toContain(district.split('\t')[0].trim());
    await screenshot(page, 'hr-kk', '02-compliance');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    for (const [format, type] of [
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['pdf', 'application/pdf'],
    ]) {
      const href = await page.getAttribute(`a[href*="format=${format}"]`, 'href');
      const file = await page.request.get(`${t.baseUrl}${href}`);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain(type);
      expect((await file.body()).length).toBeGreaterThan(500);
    }
    await context.close();
  }, 300_000);

  it('refuses another region’s report to HR, HR pages to a trainer, and a malformed filter', async () => {
    const [astana] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'AST'`);
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    expect((await page.goto(`${t.baseUrl}/hr/compliance?unitId=${astana.id}`))?.status()).toBe(404);
    expect((await page.request.get(`${t.baseUrl}/hr/compliance/export?unitId=${astana.id}&format=xlsx`)).status()).toBe(
      404,
    );
    expect((await page.goto(`${t.baseUrl}/hr/compliance?asOf=yesterday`))?.status()).toBeLessThan(500);
    expect((await page.goto(`${t.baseUrl}/hr/compliance?asOf=yesterday`))?.status()).toBeGreaterThanOrEqual(400);
    await context.close();

    const trainerContext = await phoneContext(browser);
    const trainerPage = await trainerContext.newPage();
    const trainer = account('trainer');
    await signIn(trainerPage, t.baseUrl, trainer.username, trainer.password);
    expect((await trainerPage.goto(`${t.baseUrl}/hr`))?.status()).toBe(403);
    await trainerContext.close();
  }, 120_000);
});
