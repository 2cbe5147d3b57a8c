import { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import { checkKazakhPage, createWebApp, launchBrowser, phoneContext, screenshot, signIn } from '../support/browser';
import { TestApp } from '../support/test-app';

const HR = DEMO_ACCOUNTS.find((a) => a.username === 'hr.almaty')!;
const LINES = 100_000;

/** The statuses the progress box's live region says, kept in the page as they come (the page moves on after). */
const RECORD_STATUSES = `(() => {
  window.__statuses = [];
  const status = document.querySelector('#upload-progress [role="status"]');
  new MutationObserver(() => window.__statuses.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
})()`;

/**
 * HR's personnel import of a large file in a phone browser, in Kazakh: the
 * page shows how much of the file is sent (a progress bar and a live
 * region), then that the server is checking it, then the summary of
 * 100,000 lines. The time from the click to the summary is printed (see
 * docs/BENCHMARKS.md, import).
 */
describe('pages: HR imports a large personnel file and sees its progress', () => {
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

  it('shows the upload progress and then the summary of a 100,000-line file', async () => {
    const units = (await t.sql<{ code: string }>(`SELECT code FROM unit WHERE code LIKE 'ALM-%' ORDER BY code`)).map(
      (u) => u.code,
    );
    expect(units.length).toBeGreaterThan(1);
    const lines = ['personnel_number;full_name;rank;position;service_type;unit_code;status;language'];
    for (let i = 0; i < LINES; i++) {
      const unit = units[i % units.length];
      lines.push(`BIG-${String(i).padStart(6, '0')};Нұрғалиев Әділет ${i};капитан;инспектор;patrol;${unit};active;kk`);
    }
    const file = Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');

    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, HR.username, HR.password);
    await page.goto(`${t.baseUrl}/hr/import`);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);
    expect(await page.locator('#upload-progress').isHidden()).toBe(true);
    await page.setInputFiles('#f-file', { name: 'personnel.csv', mimeType: 'text/csv', buffer: file });
    await page.evaluate(RECORD_STATUSES);

    const started = Date.now();
    const summary = page.waitForNavigation({ timeout: 280_000 });
    await page.click('form[enctype] button[type="submit"]');
    await page.waitForSelector('#upload-progress:not([hidden])');
    // Sent: the bar turns indeterminate while the server reads and writes the file.
    await page.waitForFunction(
      `document.querySelector('#upload-progress [role="status"]').textContent.includes('тексеріп')`,
    );
    const statuses = await page.evaluate<string[]>('window.__statuses');
    expect(statuses[0]).toMatch(/^Файл жіберілуде: \d+%$/);
    expect(statuses[statuses.length - 1]).toContain('сервер оны тексеріп');
    expect(await page.getAttribute('#upload-progress progress', 'value')).toBeNull();
    // The server takes seconds over 100,000 lines (and their enrolments): time enough to keep the picture.
    await screenshot(page, 'hr-kk', '13-import-progress');
    await summary;
    const seconds = (Date.now() - started) / 1000;

    expect(new URL(page.url()).pathname).toBe('/hr/import');
    const created = await page.locator('#import-summary .figure__value').first().innerText();
    expect(created.replace(/\s/g, '')).toBe(String(LINES));
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM officer WHERE personnel_number LIKE 'BIG-%'`,
    );
    expect(n).toBe(LINES);
    await checkKazakhPage(page, 'hr-kk', '13-import-large-summary');
    console.log(`import page: ${LINES} lines (${(file.length / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s`);
    await context.close();
  }, 300_000);
});
