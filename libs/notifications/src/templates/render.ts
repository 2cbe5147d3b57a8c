import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { Language, LocalizedText, pickText } from '@lms/core';
import { NotificationKind } from '../notification-kinds';
import { MESSAGES } from './messages';

export interface RenderedMessage {
  subject: string;
  /** The body's paragraphs as plain text (the inbox shows them). */
  body: string;
}

export interface RenderedEmail extends RenderedMessage {
  text: string;
  html: string;
}

const TIME_ZONE = 'Asia/Almaty';
const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const GREETING: Record<Language, string> = { kk: 'Сәлеметсіз бе!', ru: 'Здравствуйте!', en: 'Hello,' };
const FOOTER: Record<Language, string> = {
  kk: 'Бұл хат оқыту жүйесінен автоматты түрде жіберілді.',
  ru: 'Это письмо отправлено системой обучения автоматически.',
  en: 'This message was sent automatically by the training system.',
};

interface Place {
  address?: string | null;
  room?: string | null;
  onlineUrl?: string | null;
}

/** One Handlebars environment per language: the helpers format for that language. */
function environment(language: Language): typeof Handlebars {
  const hbs = Handlebars.create();
  const format = (value: unknown, options: Intl.DateTimeFormatOptions) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: TIME_ZONE }).format(date);
  };
  hbs.registerHelper('t', (text: Partial<LocalizedText> | string | null) =>
    typeof text === 'string' ? text : pickText(text, language),
  );
  hbs.registerHelper('date', (value: unknown) => format(value, { dateStyle: 'long', timeStyle: 'short' }));
  hbs.registerHelper('day', (value: unknown) => format(value, { dateStyle: 'long' }));
  hbs.registerHelper('place', (place: Place | null) =>
    [[place?.address, place?.room].filter(Boolean).join(', '), place?.onlineUrl].filter(Boolean).join(' — '),
  );
  return hbs;
}

const environments = new Map<Language, typeof Handlebars>();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(language: Language, source: string): Handlebars.TemplateDelegate {
  const key = `${language}\u0000${source}`;
  let found = compiled.get(key);
  if (!found) {
    let hbs = environments.get(language);
    if (!hbs) environments.set(language, (hbs = environment(language)));
    // The message itself is plain text: the HTML layout escapes it, the text layout must not.
    found = hbs.compile(source, { noEscape: true, strict: false });
    compiled.set(key, found);
  }
  return found;
}

/** The subject and body of a notification in a language (the inbox and the e-mail say the same). */
export function renderMessage(kind: NotificationKind, language: Language, payload: object): RenderedMessage {
  const message = MESSAGES[language][kind];
  return {
    subject: template(language, message.subject)(payload).replace(/\s+/g, ' ').trim(),
    body: template(language, message.body)(payload).trim(),
  };
}

let layouts: { text: Handlebars.TemplateDelegate; html: Handlebars.TemplateDelegate } | undefined;

/** The e-mail: the message in the text and HTML layouts (HTML-escaped there). */
export function renderEmail(kind: NotificationKind, language: Language, payload: object): RenderedEmail {
  layouts ??= {
    text: Handlebars.create().compile(readFileSync(join(__dirname, 'email.text.hbs'), 'utf8'), { strict: true }),
    html: Handlebars.create().compile(readFileSync(join(__dirname, 'email.html.hbs'), 'utf8'), { strict: true }),
  };
  const message = renderMessage(kind, language, payload);
  const paragraphs = message.body.split(/\n{2,}/);
  const context = { lang: language, subject: message.subject, greeting: GREETING[language], footer: FOOTER[language] };
  return {
    ...message,
    text: layouts.text({ ...context, paragraphs }).trim() + '\n',
    html: layouts.html({ ...context, paragraphs: paragraphs.map((p) => p.split('\n')) }),
  };
}
