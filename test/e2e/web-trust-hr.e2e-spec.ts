import ExcelJS from 'exceljs';
import { Browser, Page } from 'playwright-core';
import { pdfText } from '../support/pdf';
import { checkPage, createWebApp, launchBrowser, phoneContext, signIn } from '../support/browser';
import { TestApp } from '../support/test-app';
import { DEMO_ACCOUNTS } from '@lms/demo';

const password = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.password;

/**
 * HR's trust forms in a phone-sized browser, in Kazakh: one complaint of the
 * register recorded (a wrong unit refused beside its field, nothing
 * written), a population survey opened with its public link and QR code,
 * then closed.
 */
describe('pages: HR records a complaint and runs a survey on a phone', () => {
  let t: TestApp & { baseUrl: string };
  let browser: Browser;

  const inspect = (page: Page, name: string) => checkPage(page, 'kk', name);

  const submit = (page: Page, action: string) =>
    Promise.all([page.waitForNavigation(), page.click(`form[action="${action}"] button[type="submit"]`)]);

  beforeAll(async () => {
    t = await createWebApp();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('records one complaint in Kazakh, refusing a unit outside HR’s subtree first', async () => {
    const [officer] = await t.sql<{ id: string; personnel_number: string; code: string }>(
      `SELECT o.id, o.personnel_number, u.code FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE u.code LIKE 'ALM-%' AND o.status = 'active' ORDER BY o.personnel_number DESC LIMIT 1`,
    );
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, t.baseUrl, 'hr.almaty', password('hr.almaty'));
    await page.goto(`${t.baseUrl}/staff/trust`);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/staff/trust/complaints/new"]')]);
    expect(await page.locator('h1').innerText()).toBe('Шағымды тіркеу');
    await inspect(page, 'trust-complaint-form');

    await page.fill('input[name="number"]', 'ALM-WEB-1');
    await page.fill('input[name="unit"]', 'AST');
    await page.fill('input[name="personnelNumber"]', officer.personnel_number);
    await page.selectOption('select[name="category"]', 'rudeness');
    await page.locator('input[name="outcome"][value="substantiated"]').check();
    await submit(page, '/staff/trust/complaints');
    expect(await page.locator('#f-unit-error').innerText()).toContain('мұндай кодты бөлімше жоқ');
    expect(await page.locator('input[name="unit"]').inputValue()).toBe('AST');
    expect(await page.locator('input[name="personnelNumber"]').inputValue()).toBe(officer.personnel_number);
    await inspect(page, 'trust-complaint-refused');
    expect(await t.sql(`SELECT 1 FROM complaint WHERE number = 'ALM-WEB-1'`)).toEqual([]);

    await page.fill('input[name="unit"]', officer.code);
    await submit(page, '/staff/trust/complaints');
    expect(page.url()).toContain('/staff/trust?notice=complaint');
    expect(await page.locator('[role="status"]').innerText()).toContain('Шағым тіркелді');
    const stored = await t.sql<{ officer_id: string; category: string; outcome: string }>(
      `SELECT officer_id, category, outcome FROM complaint WHERE number = 'ALM-WEB-1'`,
    );
    expect(stored).toEqual([{ officer_id: officer.id, category: 'rudeness', outcome: 'substantiated' }]);
    await context.close();
  }, 120_000);

  it('opens a survey for the region with its link and QR code, then closes it', async () => {
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, t.baseUrl, 'hr.almaty', password('hr.almaty'));
    await page.goto(`${t.baseUrl}/staff/trust/surveys/new`);
    expect(await page.locator('h1').innerText()).toBe('Сауалнама ашу');
    await inspect(page, 'trust-survey-form');

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
    await page.fill('input[name="title_kk"]', 'Полицияға сенім: қараша');
    await page.fill('input[name="closesOn"]', '2000-01-01');
    await submit(page, '/staff/trust/surveys');
    expect(await page.locator('#f-title_ru-error').innerText()).not.toBe('');
    await page.fill('input[name="title_ru"]', 'Доверие к полиции: ноябрь');
    await page.fill('input[name="opensOn"]', today);
    await submit(page, '/staff/trust/surveys');
    expect(await page.locator('#f-closesOn-error').innerText()).toContain('басталмай тұрып');
    expect(await t.sql(`SELECT 1 FROM trust_survey WHERE title->>'kk' = 'Полицияға сенім: қараша'`)).toEqual([]);
    await page.fill('input[name="closesOn"]', `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
    await submit(page, '/staff/trust/surveys');
    expect(await page.locator('h1').innerText()).toBe('Полицияға сенім: қараша');
    expect(await page.locator('[role="status"]').innerText()).toContain('Сауалнама ашылды');
    expect(await page.locator('figure.qr svg').count()).toBe(1);
    const link = await page.locator('#link-title ~ p a').innerText();
    expect(link).toMatch(/\/s\/[0-9A-Z]+$/);
    await inspect(page, 'trust-survey-admin');
    expect((await page.request.get(link)).status()).toBe(200);

    await submit(page, `${new URL(page.url()).pathname}/close`);
    expect(await page.locator('[role="status"]').innerText()).toContain('Сауалнама жабылды');
    expect(await page.locator('.lead').innerText()).toContain('жабық');
    expect((await page.request.get(link)).status()).toBe(409);
    await context.close();
  }, 120_000);

  it('downloads the trust report as XLSX and PDF in Kazakh, with no average under 5 responses', async () => {
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, 'hr.almaty', password('hr.almaty'));
    await page.goto(`${t.baseUrl}/staff/trust`);
    const hrefs = await page
      .locator('a[href^="/staff/trust/export"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(hrefs).toHaveLength(2);
    expect(hrefs.every((href) => href.endsWith('&lang=kk'))).toBe(true);

    const xlsx = await page.request.get(`${t.baseUrl}${hrefs.find((h) => h.includes('format=xlsx'))}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-disposition']).toMatch(/trust-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    expect(book.title).toBe('Азаматтар сенімі және оқыту');
    expect(texts).toContain('Оқыту орындалды, %');
    expect(texts.join(' ')).toContain('Бөлімше бойынша барлығы');

    const pdf = await page.request.get(`${t.baseUrl}${hrefs.find((h) => h.includes('format=pdf'))}`);
    expect(pdf.status()).toBe(200);
    const text = pdfText(await pdf.body());
    expect(text).toContain('Азаматтар сенімі');
    expect((await page.request.get(`${t.baseUrl}/staff/trust/export?format=docx`, { maxRedirects: 0 })).status()).toBe(
      422,
    );

    // The HR dashboard: the trust figures beside completion, each a link to the trust page.
    await page.goto(`${t.baseUrl}/hr`);
    const trustFigures = page.locator('.figures a[href="/staff/trust"] .figure__value');
    expect(await trustFigures.count()).toBe(3);
    expect(await trustFigures.nth(0).innerText()).toMatch(/^\d,\d \/ 5$/);
    expect(await trustFigures.nth(2).innerText()).toMatch(/^\d+,\d%$/);
    await inspect(page, 'hr-dashboard-trust');
    await context.close();
  }, 120_000);
});
