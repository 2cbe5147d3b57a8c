import i18next, { TFunction } from 'i18next';
import { Language, LANGUAGES } from '@lms/core';
import { adminEn } from './locales/admin.en';
import { adminKk } from './locales/admin.kk';
import { adminRu } from './locales/admin.ru';
import { en } from './locales/en';
import { kk } from './locales/kk';
import { ru } from './locales/ru';
import { staffEn } from './locales/staff.en';
import { staffKk } from './locales/staff.kk';
import { staffRu } from './locales/staff.ru';
import { hrWorkEn } from './locales/hr-work.en';
import { hrWorkKk } from './locales/hr-work.kk';
import { hrWorkRu } from './locales/hr-work.ru';
import { hrRulesEn } from './locales/hr-rules.en';
import { hrRulesKk } from './locales/hr-rules.kk';
import { hrRulesRu } from './locales/hr-rules.ru';
import { hrSeminarsEn } from './locales/hr-seminars.en';
import { hrSeminarsKk } from './locales/hr-seminars.kk';
import { hrSeminarsRu } from './locales/hr-seminars.ru';

type Tree = { [key: string]: string | Tree };

/** The officer pages' texts with the staff pages' merged in (objects merge, texts are added). */
function merged(base: object, extra: object): Tree {
  const out: Tree = { ...(base as Tree) };
  for (const [key, value] of Object.entries(extra as Tree)) {
    const held = out[key];
    out[key] = typeof value === 'object' && typeof held === 'object' ? merged(held, value) : value;
  }
  return out;
}

/** Every interface text by language. */
export const TEXTS = {
  kk: merged(merged(merged(merged(merged(kk, staffKk), hrWorkKk), hrRulesKk), adminKk), hrSeminarsKk),
  ru: merged(merged(merged(merged(merged(ru, staffRu), hrWorkRu), hrRulesRu), adminRu), hrSeminarsRu),
  en: merged(merged(merged(merged(merged(en, staffEn), hrWorkEn), hrRulesEn), adminEn), hrSeminarsEn),
};

/** A text by key in one language; `count` picks the plural form. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** One i18next instance for every page; plural forms come from Intl.PluralRules (ru: one/few/many, kk: one/other). */
const i18n = i18next.createInstance();
void i18n.init({
  resources: { kk: { translation: TEXTS.kk }, ru: { translation: TEXTS.ru }, en: { translation: TEXTS.en } },
  supportedLngs: [...LANGUAGES],
  lng: 'ru',
  fallbackLng: 'ru',
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
  // Handlebars escapes what the helpers return; escaping here too would show &amp; on the page.
  interpolation: { escapeValue: false },
});

const translators = new Map<Language, Translate>();

/**
 * The texts are fixed, so a key asked without options always gives the same
 * text: it is looked up once per language (a page asks for dozens, and
 * i18next resolves each one anew). Interpolated and plural texts are not kept.
 */
export function translator(language: Language): Translate {
  const known = translators.get(language);
  if (known) return known;
  const t: TFunction = i18n.getFixedT(language);
  const plain = new Map<string, string>();
  const translate: Translate = (key, options) => {
    if (options) return String(t(key, options));
    let text = plain.get(key);
    if (text === undefined) {
      text = String(t(key, {}));
      // Only keys that exist are kept: a key taken from an address must not grow the map.
      if (text !== key) plain.set(key, text);
    }
    return text;
  };
  translators.set(language, translate);
  return translate;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of the browser's languages we speak (`Accept-Language: kk-KZ,kk;q=0.9,ru;q=0.8`). */
export function fromAcceptLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { language: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q[1]) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.language).find(isLanguage) ?? null;
}
