import { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@lms/demo';
import { apiAs } from '../support/api-client';
import { officerOf } from '../support/assessment-fixtures';
import { checkKazakhPage, createWebApp, launchBrowser, phoneContext, signIn } from '../support/browser';
import { TestApp } from '../support/test-app';
import { assign, publishWebCourse } from '../support/web-fixtures';

const account = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

/**
 * A lesson's files in a phone browser, in Kazakh: the trainer uploads a PDF
 * to a lesson of a draft (the page's script following the upload), sees it
 * listed and downloads it; a text file is refused with the reason and
 * nothing written; an image sent without JavaScript is added and then taken
 * off; once the draft is published an officer of an enrolment downloads the
 * PDF from the lesson page. And what is refused to others.
 */
describe('pages: a trainer attaches files to a lesson, an officer downloads them', () => {
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

  const stored = async (courseId: string) =>
    (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM course_attachment WHERE course_id = $1', [courseId]))[0]
      .n;
  const lessonFiles = async (versionId: string, lessonId: string) => {
    const [row] = await t.sql<{ files: { kind: string; attachmentId?: string; title?: Record<string, string> }[] }>(
      `SELECT lesson->'attachments' AS files FROM course_version v
         CROSS JOIN jsonb_array_elements(v.content->'lessons') lesson
        WHERE v.id = $1 AND lesson->>'id' = $2`,
      [versionId, lessonId],
    );
    return row.files;
  };

  it('uploads a PDF, refuses a text file with the reason, removes an image; an officer downloads the PDF', async () => {
    const course = await publishWebCourse(t, 'FILES-WEB', {
      title: { kk: 'Сабақ материалдары', ru: 'Материалы урока', en: 'Lesson materials' },
      kind: 'seminar',
    });
    const trainerToken = await t.login('trainer');
    const draft = (await apiAs(t, trainerToken).post(`/courses/${course.courseId}/versions`).expect(201)).body as {
      id: string;
      lessons: { id: string }[];
    };
    const lessonId = draft.lessons[0].id;
    const lessonUrl = `${t.baseUrl}/trainer/versions/${draft.id}/lessons/${lessonId}`;

    const context = await phoneContext(browser, 'kk-KZ');
    const page = await context.newPage();
    const trainer = account('trainer');
    await signIn(page, t.baseUrl, trainer.username, trainer.password);
    await page.goto(lessonUrl);
    await Promise.all([page.waitForNavigation(), page.click('.lang-switch button[value="kk"]')]);
    expect(await page.locator('#files .empty').count()).toBe(1);

    // A PDF: the script sends it, then follows the answer's redirect back to the lesson with the file listed.
    await page.setInputFiles('#f-file', { name: 'Жаднама.pdf', mimeType: 'application/pdf', buffer: PDF });
    await Promise.all([page.waitForNavigation(), page.click('#files button[type="submit"]:not(.button--small)')]);
    expect(new URL(page.url()).pathname).toBe(`/trainer/versions/${draft.id}/lessons/${lessonId}`);
    expect(await page.locator('.alert--ok').count()).toBe(1);
    const listed = page.locator('#files .file-list li');
    expect(await listed.count()).toBe(1);
    expect(await listed.first().innerText()).toContain('Жаднама.pdf');
    const [pdf] = await lessonFiles(draft.id, lessonId);
    expect(pdf).toEqual({
      kind: 'file',
      attachmentId: expect.any(String),
      title: { kk: 'Жаднама.pdf', ru: 'Жаднама.pdf', en: 'Жаднама.pdf' },
    });
    const href = await listed.first().locator('a').getAttribute('href');
    expect(href).toBe(`/trainer/attachments/${pdf.attachmentId}`);
    const download = await page.request.get(`${t.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);
    expect((await download.body()).equals(PDF)).toBe(true);
    await checkKazakhPage(page, 'trainer-kk', '30-lesson-files');

    // A text file: refused beside the field with the reason, the lesson's texts kept, nothing stored.
    const before = await stored(course.courseId);
    await page.setInputFiles('#f-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/files')),
      page.click('#files button[type="submit"]:not(.button--small)'),
    ]);
    expect(refused.status()).toBe(422);
    await page.waitForSelector('#f-file-error');
    expect(await page.locator('#f-file-error').innerText()).toContain('PDF, PNG, JPEG, GIF');
    expect(await page.inputValue('#f-title_kk')).toBe('Қақтығыстың белгілері');
    expect(await stored(course.courseId)).toBe(before);
    expect(await lessonFiles(draft.id, lessonId)).toHaveLength(1);
    await checkKazakhPage(page, 'trainer-kk', '31-lesson-file-refused');

    // Over 10 MB: the page's script refuses it before sending; sent anyway, it is refused beside the field.
    const large = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    await page.setInputFiles('#f-file', { name: 'large.pdf', mimeType: 'application/pdf', buffer: large });
    expect(await page.evaluate<string>(`document.getElementById('f-file').validationMessage`)).toContain('10 МБ');
    const action = await page.getAttribute('#files form[enctype]', 'action');
    const tooLarge = await page.request.post(`${t.baseUrl}${action}`, {
      multipart: { file: { name: 'large.pdf', mimeType: 'application/pdf', buffer: large } },
    });
    expect(tooLarge.status()).toBe(422);
    expect(await tooLarge.text()).toContain('Файл тым үлкен: 10 МБ-тан аспауы керек.');
    expect(await stored(course.courseId)).toBe(before);
    await context.close();

    // Without JavaScript the form posts as usual: an image is added, then taken off (its stored file stays).
    const plain = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const noScript = await plain.newPage();
    await signIn(noScript, t.baseUrl, trainer.username, trainer.password);
    await noScript.goto(lessonUrl);
    await noScript.setInputFiles('#f-file', { name: 'scheme.png', mimeType: 'image/png', buffer: PNG });
    await Promise.all([
      noScript.waitForNavigation(),
      noScript.click('#files button[type="submit"]:not(.button--small)'),
    ]);
    expect(await noScript.locator('#files .file-list li').count()).toBe(2);
    const png = (await lessonFiles(draft.id, lessonId))[1];
    await Promise.all([
      noScript.waitForNavigation(),
      noScript.click(`form[action$="/files/${png.attachmentId}/delete"] button`),
    ]);
    expect(await noScript.locator('#files .file-list li').count()).toBe(1);
    expect((await lessonFiles(draft.id, lessonId)).map((f) => f.attachmentId)).toEqual([pdf.attachmentId]);
    expect(await stored(course.courseId)).toBe(before + 1);
    // A file form without its token is refused, and nothing is stored.
    const forged = await noScript.request.post(`${lessonUrl}/files`, {
      multipart: { file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: PDF } },
    });
    expect(forged.status()).toBe(403);
    expect(await stored(course.courseId)).toBe(before + 1);
    await plain.close();

    // Published, the lesson's PDF reaches an officer of an enrolment from the lesson page.
    await apiAs(t, trainerToken).post(`/course-versions/${draft.id}/publish`).expect(200);
    const officer = await officerOf(t, 'officer');
    const enrolment = await assign(t, course.courseId, officer.id);
    const officerContext = await phoneContext(browser, 'kk-KZ');
    const officerPage = await officerContext.newPage();
    const me = account('officer');
    await signIn(officerPage, t.baseUrl, me.username, me.password);
    await officerPage.goto(`${t.baseUrl}/me/training/${enrolment}/lessons/${lessonId}`);
    await Promise.all([officerPage.waitForNavigation(), officerPage.click('.lang-switch button[value="kk"]')]);
    const material = officerPage.locator('section[aria-labelledby="materials-title"] a');
    expect(await material.innerText()).toBe('Жаднама.pdf');
    const officerHref = await material.getAttribute('href');
    expect(officerHref).toBe(`/me/attachments/${pdf.attachmentId}`);
    const got = await officerPage.request.get(`${t.baseUrl}${officerHref}`);
    expect(got.status()).toBe(200);
    expect((await got.body()).equals(PDF)).toBe(true);
    await checkKazakhPage(officerPage, 'officer-kk', '30-lesson-materials');
    // The removed image was never in a published version: not for the officer; nor is the trainer's route.
    expect((await officerPage.request.get(`${t.baseUrl}/me/attachments/${png.attachmentId}`)).status()).toBe(404);
    expect((await officerPage.request.get(`${t.baseUrl}/trainer/attachments/${pdf.attachmentId}`)).status()).toBe(403);
    await officerContext.close();
  }, 300_000);
});
