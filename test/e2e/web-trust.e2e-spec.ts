import { Browser, Page } from 'playwright-core';
import { apiAs } from '../support/api-client';
import { officerOf } from '../support/assessment-fixtures';
import { checkPage, createWebApp, launchBrowser, phoneContext, signIn } from '../support/browser';
import { TestApp } from '../support/test-app';
import { DEMO_ACCOUNTS } from '@lms/demo';

const password = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.password;

/**
 * The citizen's feedback pages in a phone-sized browser: in Kazakh, a phone
 * number in the comment stored masked, the same address again counted once,
 * a wrong sum refused; the officer's card with its QR code and no average
 * under 5 responses; HR's printable card.
 */
describe('pages: citizen feedback in a phone browser', () => {
  let t: TestApp & { baseUrl: string };
  let browser: Browser;
  let officerId: string;
  let code: string;

  const inspect = (page: Page, lang: string, name: string) => checkPage(page, lang, name);

  /** Fills the form as a citizen would; `rightSum` false answers the sum wrong. */
  async function fill(page: Page, comment: string, rightSum = true): Promise<void> {
    await page.locator('label.rating__option', { hasText: '5' }).first().click();
    await page.locator('fieldset.rating').nth(1).locator('label.rating__option', { hasText: '4' }).click();
    await page.locator('fieldset.rating').nth(2).locator('label.rating__option', { hasText: '5' }).click();
    await page.locator('input[name="trustChange"][value="1"]').check();
    await page.fill('textarea[name="comment"]', comment);
    const label = await page.locator('label[for="f-answer"]').innerText();
    const [a, b] = label.match(/\d+/g)!.map(Number);
    await page.fill('input[name="answer"]', String(rightSum ? a + b : a + b + 1));
    await page.waitForTimeout(2_100);
  }

  const stored = () =>
    t.sql<{ comment: string; courtesy: number; language: string }>(
      'SELECT comment, courtesy, language FROM citizen_feedback WHERE officer_id = $1',
      [officerId],
    );

  beforeAll(async () => {
    t = await createWebApp();
    browser = await launchBrowser();
    officerId = (await officerOf(t, 'officer')).id;
    code = (await apiAs(t, await t.login('officer')).get(`/officers/${officerId}/feedback-code`)).body.code;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('takes a citizen’s feedback in Kazakh on a phone, masks the phone number, counts a repeat once', async () => {
    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${t.baseUrl}/f/${code}`);
    expect(await page.locator('h1').innerText()).toBe('Полиция қызметкері туралы пікір');
    await inspect(page, 'kk', 'feedback-form');

    await fill(page, 'Рахмет! Менің нөмірім 8 701 234 56 78', false);
    await Promise.all([page.waitForNavigation(), page.click('form[action^="/f/"] button[type="submit"]')]);
    expect(await page.locator('#f-answer-error').innerText()).toContain('Жауап қате');
    expect(await page.locator('textarea[name="comment"]').inputValue()).toContain('Рахмет!');
    await inspect(page, 'kk', 'feedback-wrong-sum');
    expect(await stored()).toHaveLength(0);

    await fill(page, 'Рахмет! Менің нөмірім 8 701 234 56 78');
    await Promise.all([page.waitForNavigation(), page.click('form[action^="/f/"] button[type="submit"]')]);
    expect(page.url()).toBe(`${t.baseUrl}/f/${code}/thanks`);
    expect(await page.locator('h1').innerText()).toBe('Пікіріңізге рахмет');
    await inspect(page, 'kk', 'feedback-thanks');
    expect(await stored()).toEqual([{ comment: 'Рахмет! Менің нөмірім [phone]', courtesy: 5, language: 'kk' }]);

    // The same phone (address) again the same day: thanked the same, counted once.
    await page.goto(`${t.baseUrl}/f/${code}`);
    await fill(page, 'Тағы да');
    await Promise.all([page.waitForNavigation(), page.click('form[action^="/f/"] button[type="submit"]')]);
    expect(page.url()).toBe(`${t.baseUrl}/f/${code}/thanks`);
    expect(await stored()).toHaveLength(1);
    await context.close();
  }, 120_000);

  it('refuses a form posted without its token and shows an unknown code as not found', async () => {
    const context = await phoneContext(browser, 'ru-RU');
    const page = await context.newPage();
    const missing = await page.goto(`${t.baseUrl}/f/NOSUCHCODE`);
    expect(missing!.status()).toBe(404);
    const forged = await page.request.post(`${t.baseUrl}/f/${code}`, {
      form: { courtesy: '1', clarity: '1', fairness: '1', trustChange: '-1', answer: '2', challenge: 'x' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await stored()).toHaveLength(1);
    await context.close();
  });

  it('shows the officer their card with its QR code and no average under 5 responses', async () => {
    const context = await phoneContext(browser, 'ru-RU');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, 'officer', password('officer'));
    await page.goto(`${t.baseUrl}/me/feedback`);
    expect(await page.locator('.feedback-card__qr svg').count()).toBe(1);
    expect(await page.locator('.feedback-card__url').innerText()).toBe(`${t.baseUrl}/f/${code}`);
    expect(await page.locator('#summary-title + p').innerText()).toBe('1 отзыв');
    expect(await page.locator('text=Средние оценки показываются').count()).toBe(1);
    expect(await page.locator('dl.facts').count()).toBe(0);
    await inspect(page, 'ru', 'feedback-officer-card');
    await context.close();
  });

  it('lets HR print a card of an officer of its subtree, and no other', async () => {
    const context = await phoneContext(browser, 'ru-RU');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, 'hr.astana', password('hr.astana'));
    const refused = await page.goto(`${t.baseUrl}/staff/officers/${officerId}/feedback-card`);
    expect(refused!.status()).toBe(404);
    await page.context().clearCookies();
    await signIn(page, t.baseUrl, 'hr.almaty', password('hr.almaty'));
    await page.goto(`${t.baseUrl}/staff/officers/${officerId}/feedback-card`);
    expect(await page.locator('.feedback-card__code strong').innerText()).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
    await inspect(page, 'ru', 'feedback-hr-card');
    await context.close();
  });

  it('takes a survey answer in Russian on a phone, at most three qualities', async () => {
    const hr = apiAs(t, await t.login('hr.almaty'));
    const [{ id: almaty }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
    const today = new Date().toISOString().slice(0, 10);
    const survey = await hr.post('/trust-surveys', {
      unitId: almaty,
      title: { kk: 'Алматы: полицияға сенім', ru: 'Алматы: доверие к полиции', en: 'Almaty: trust in the police' },
      opensOn: today,
      closesOn: '2099-12-31',
    });
    const context = await phoneContext(browser, 'ru-RU');
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${t.baseUrl}/s/${survey.body.code}`);
    expect(await page.locator('h1').innerText()).toBe('Алматы: доверие к полиции');
    await inspect(page, 'ru', 'survey-form');
    await page.locator('input[name="trustLevel"][value="partly"]').check();
    await page.locator('input[name="distrustReasons"][value="corruption"]').check();
    await page.locator('input[name="opinionSource"][value="personal"]').check();
    for (const q of ['educated', 'honest', 'polite', 'fair'])
      await page.locator(`input[name="qualities"][value="${q}"]`).check();
    const label = await page.locator('label[for="f-answer"]').innerText();
    const [a, b] = label.match(/\d+/g)!.map(Number);
    await page.fill('input[name="answer"]', String(a + b));
    await page.waitForTimeout(2_100);
    await Promise.all([page.waitForNavigation(), page.click('form[action^="/s/"] button[type="submit"]')]);
    expect(await page.locator('.field__error').first().innerText()).toBe('Выберите не больше трёх качеств.');
    await inspect(page, 'ru', 'survey-too-many-qualities');

    await page.locator('input[name="trustLevel"][value="partly"]').check();
    await page.locator('input[name="distrustReasons"][value="corruption"]').check();
    for (const q of ['educated', 'honest']) await page.locator(`input[name="qualities"][value="${q}"]`).check();
    const again = await page.locator('label[for="f-answer"]').innerText();
    const [c, d] = again.match(/\d+/g)!.map(Number);
    await page.fill('input[name="answer"]', String(c + d));
    await page.waitForTimeout(2_100);
    await Promise.all([page.waitForNavigation(), page.click('form[action^="/s/"] button[type="submit"]')]);
    expect(await page.locator('h1').innerText()).toBe('Спасибо за участие');
    const rows = await t.sql(
      'SELECT trust_level, distrust_reasons, qualities, language FROM survey_response WHERE survey_id = $1',
      [survey.body.id],
    );
    expect(rows).toEqual([
      { trust_level: 'partly', distrust_reasons: ['corruption'], qualities: ['educated', 'honest'], language: 'ru' },
    ]);
    await context.close();
  }, 120_000);

  it('shows HR the trust indicators of its region beside training completion, from the demo’s year', async () => {
    const context = await phoneContext(browser, 'ru-RU');
    const page = await context.newPage();
    await signIn(page, t.baseUrl, 'hr.almaty', password('hr.almaty'));
    await page.click('nav a[href="/staff/trust"]');
    await page.waitForURL(`${t.baseUrl}/staff/trust`);
    expect(await page.locator('h1').innerText()).toBe('Доверие граждан и обучение');
    const rows = page.locator('table.data tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);
    const completion = await page.locator('#total-title + dl dd').first().innerText();
    expect(completion).toMatch(/^\d+(,\d)? %$/);
    expect(Number((await page.locator('#total-title + dl div:nth-child(2) dd').innerText()).trim())).toBeGreaterThan(
      100,
    );
    expect(await page.locator('#survey-title + p').innerText()).toContain('64,3');
    await inspect(page, 'ru', 'trust-dashboard');
    await context.close();
  }, 120_000);
});
