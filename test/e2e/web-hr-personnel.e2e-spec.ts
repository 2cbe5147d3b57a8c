import iconv from 'iconv-lite';
import { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import { checkKazakhPage, createWebApp, launchBrowser, phoneContext, signIn } from '../support/browser';
import { TestApp } from '../support/test-app';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
const HEADER = 'personnel_number;full_name;rank;position;service_type;unit_code;status;language';

const check = (page: Page, name: string) => checkKazakhPage(page, 'hr-kk', name);

/**
 * HR's personnel work in a phone browser, in Kazakh: the CSV import as Excel
 * saves it (an error report with nothing written, then a Windows-1251 file
 * and its summary), the officers' list and an officer's page with the
 * record's PDF, transfer and dismissal; and what is refused.
 */
describe('pages: HR keeps the personnel list in the browser', () => {
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

  /** HR of Almaty on a phone, on the officers' list, having switched to Kazakh. */
  async function officersInKazakh() {
    const hr = account('hr.almaty');
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, hr.username, hr.password);
    await page.goto(`${t.baseUrl}/hr/officers`);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);
    return { context, page };
  }

  const count = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM officer'))[0].n;

  it('imports a file with an error (line and reason, nothing written), then a Windows-1251 file and its summary', async () => {
    const { context, page } = await officersInKazakh();
    await Promise.all([page.waitForNavigation(), page.click('a[href="/hr/import"]')]);
    await check(page, '10-import');

    const before = await count();
    const bad = [HEADER, 'WEB-IMP-1;Ахметов Ерлан;капитан;инспектор;patrol;ALM-BOST-PPS;active;kk'];
    bad.push('WEB-IMP-2;Петров Иван;майор;инспектор;cavalry;ALM-BOST-PPS;active;ru');
    await page.setInputFiles('#f-file', {
      name: 'personnel.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(bad.join('\r\n') + '\r\n', 'cp1251'),
    });
    // The page's script sends the file itself (to show its progress) and shows the refusal in place.
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/hr/import'),
      page.click('form[enctype] button[type="submit"]'),
    ]);
    expect(refused.status()).toBe(422);
    await page.waitForSelector('#import-errors');
    const errors = page.locator('#import-errors tbody tr');
    expect(await errors.count()).toBe(1);
    expect(await errors.first().innerText()).toMatch(/^3\s+service_type\s+must be one of/);
    expect(await count()).toBe(before);
    await check(page, '11-import-errors');

    const good = [HEADER, 'WEB-IMP-1;Ахметов Ерлан Серікұлы;капитан;инспектор;patrol;ALM-BOST-PPS;active;kk'];
    good.push('WEB-IMP-2;Петров Иван Сергеевич;майор;инспектор;traffic;ALM-BOST-PPS;active;ru');
    await page.selectOption('#f-encoding', 'windows-1251');
    await page.setInputFiles('#f-file', {
      name: 'personnel.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(good.join('\r\n') + '\r\n', 'cp1251'),
    });
    await Promise.all([page.waitForNavigation(), page.click('form[enctype] button[type="submit"]')]);
    expect(new URL(page.url()).pathname).toBe('/hr/import');
    const summary = await page.locator('#import-summary').innerText();
    expect(summary).toContain('Windows-1251');
    expect(await page.locator('#import-summary .figure__value').first().innerText()).toBe('2');
    expect(await count()).toBe(before + 2);
    // Stored as Cyrillic (the Kazakh letter ұ is not in Windows-1251: Excel writes '?'; here it came as 'у').
    const [stored] = await t.sql<{ full_name: string }>(
      `SELECT full_name FROM officer WHERE personnel_number = 'WEB-IMP-2'`,
    );
    expect(stored.full_name).toBe('Петров Иван Сергеевич');
    await check(page, '12-import-summary');
    await context.close();
  }, 300_000);

  it('finds an officer by filters, downloads the record, transfers and dismisses them', async () => {
    const { context, page } = await officersInKazakh();
    await check(page, '13-officers');
    expect(await page.locator('.pager a[rel="next"]').count()).toBe(1);

    const [officer] = await t.sql<{ id: string; full_name: string; personnel_number: string; rank: string }>(
      `SELECT o.id, o.full_name, o.personnel_number, o.rank FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE u.code = 'ALM-BOST-PPS' AND o.status = 'active'
         AND EXISTS (SELECT 1 FROM enrollment e WHERE e.officer_id = o.id) ORDER BY o.personnel_number LIMIT 1`,
    );
    await page.fill('#f-q', officer.personnel_number);
    await page.selectOption('#f-rank', officer.rank);
    await page.selectOption('#f-status', 'active');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/hr/officers"] button')]);
    expect(await page.locator('tbody tr').count()).toBe(1);
    await Promise.all([page.waitForNavigation(), page.click(`a[href="/hr/officers/${officer.id}"]`)]);
    expect(await page.locator('h1').innerText()).toBe(officer.full_name);
    expect(await page.locator('section[aria-labelledby="record-title"] tbody tr').count()).toBeGreaterThan(0);
    await check(page, '14-officer');

    const pdf = await page.request.get(`${t.baseUrl}${await page.getAttribute('a[href*="record.pdf"]', 'href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    const [medeu] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM-MEDEU-PPS'`);
    await page.selectOption('#f-unitId', medeu.id);
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/transfer"] button')]);
    expect(await page.locator('.alert--ok').count()).toBe(1);
    const [moved] = await t.sql<{ unit_id: string }>('SELECT unit_id FROM officer WHERE id = $1', [officer.id]);
    expect(moved.unit_id).toBe(medeu.id);

    await Promise.all([page.waitForNavigation(), page.click('form[action$="/dismiss"] button')]);
    const [after] = await t.sql<{ status: string }>('SELECT status FROM officer WHERE id = $1', [officer.id]);
    expect(after.status).toBe('dismissed');
    const open = await t.sql(
      `SELECT 1 FROM enrollment WHERE officer_id = $1 AND rule_id IS NOT NULL AND status IN ('assigned', 'in_progress')`,
      [officer.id],
    );
    expect(open).toEqual([]);
    await check(page, '15-officer-dismissed');
    await context.close();
  }, 300_000);

  it('refuses another region’s officer, HR pages to a trainer, and forms without their token', async () => {
    const [astana] = await t.sql<{ id: string }>(
      `SELECT o.id FROM officer o JOIN unit u ON u.id = o.unit_id WHERE u.code LIKE 'AST%' LIMIT 1`,
    );
    const [almaty] = await t.sql<{ id: string; unit_id: string }>(
      `SELECT o.id, o.unit_id FROM officer o JOIN unit u ON u.id = o.unit_id
       WHERE u.code = 'ALM-BOST-PPS' AND o.status = 'active' ORDER BY o.personnel_number DESC LIMIT 1`,
    );
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const hr = account('hr.almaty');
    await signIn(page, t.baseUrl, hr.username, hr.password);
    expect((await page.goto(`${t.baseUrl}/hr/officers/${astana.id}`))?.status()).toBe(404);
    expect((await page.request.get(`${t.baseUrl}/hr/officers/${astana.id}/record.pdf`)).status()).toBe(404);
    expect((await page.goto(`${t.baseUrl}/hr/officers?status=retired`))?.status()).toBe(422);

    const before = await count();
    const upload = await page.request.post(`${t.baseUrl}/hr/import`, {
      multipart: {
        encoding: 'auto',
        file: {
          name: 'p.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`${HEADER}\nWEB-CSRF-1;A;B;C;patrol;ALM-BOST-PPS;active;kk\n`),
        },
      },
    });
    expect(upload.status()).toBe(403);
    const forged = await page.request.post(`${t.baseUrl}/hr/import?_csrf=forged`, {
      multipart: { encoding: 'auto', file: { name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from(HEADER) } },
    });
    expect(forged.status()).toBe(403);
    expect(await count()).toBe(before);
    const [medeu] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM-MEDEU-PPS'`);
    const transfer = await page.request.post(`${t.baseUrl}/hr/officers/${almaty.id}/transfer`, {
      form: { unitId: medeu.id },
    });
    expect(transfer.status()).toBe(403);
    const [same] = await t.sql<{ unit_id: string }>('SELECT unit_id FROM officer WHERE id = $1', [almaty.id]);
    expect(same.unit_id).toBe(almaty.unit_id);
    await context.close();

    const trainerContext = await phoneContext(browser);
    const trainerPage = await trainerContext.newPage();
    const trainer = account('trainer');
    await signIn(trainerPage, t.baseUrl, trainer.username, trainer.password);
    expect((await trainerPage.goto(`${t.baseUrl}/hr/import`))?.status()).toBe(403);
    expect((await trainerPage.goto(`${t.baseUrl}/hr/officers`))?.status()).toBe(403);
    await trainerContext.close();
  }, 120_000);
});
