import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { createTestApp, TestApp } from './test-app';

/** Debian's chromium (`apt-get install chromium`, see .ci/run): never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 390, height: 844 };
export const ARTIFACTS = resolve(__dirname, '..', 'artifacts');

/** The whole app listening on a loopback port, for a browser to reach. */
export async function createWebApp(): Promise<TestApp & { baseUrl: string }> {
  const t = await createTestApp();
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as { port: number };
  return Object.assign(t, { baseUrl: `http://127.0.0.1:${address.port}` });
}

/** Headless chromium; a missing browser fails the test run loudly rather than skipping anything. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Debian's chromium at ${CHROMIUM}: apt-get install chromium (see .ci/run)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

/** A phone-sized context; `bypassCSP` only so that axe-core can be injected into the strict pages. */
export function phoneContext(browser: Browser, locale = 'ru-RU'): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, locale, bypassCSP: true, acceptDownloads: true });
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/sign-in"] button[type="submit"]')]);
}

/** The page is no wider than the viewport: nothing to scroll sideways. */
export async function horizontalOverflow(page: Page): Promise<number> {
  // Evaluated in the page (this project's TypeScript has no DOM types).
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations of impact serious or critical, as "rule: target" lines. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate<AxeViolation[]>('axe.run().then((result) => result.violations)');
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.help})`));
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** A full-page screenshot kept as a test artefact (test/artifacts, not committed). */
export async function screenshot(page: Page, folder: string, name: string): Promise<string> {
  const dir = join(ARTIFACTS, folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A page that fits a phone and has no serious accessibility problem, kept as a screenshot in `folder`. */
export async function checkPage(page: Page, folder: string, name: string): Promise<void> {
  await screenshot(page, folder, name);
  expect(`${name}: ${await horizontalOverflow(page)}`).toBe(`${name}: 0`);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** `checkPage` for a page that must be in Kazakh. */
export async function checkKazakhPage(page: Page, folder: string, name: string): Promise<void> {
  expect(await page.getAttribute('html', 'lang')).toBe('kk');
  await checkPage(page, folder, name);
}

/** Clicks a submit button and waits for the page it leads to; that page's status. */
export async function submitAndWait(page: Page, selector: string): Promise<number | undefined> {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response?.status();
}
