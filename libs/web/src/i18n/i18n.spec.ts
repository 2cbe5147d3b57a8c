import { formats } from './format';
import { fromAcceptLanguage, TEXTS, translator } from './i18n';

const { en, kk, ru } = TEXTS;

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key, with plural forms folded into their base key. */
function keys(tree: object, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key.replace(PLURAL, '');
    if (typeof value === 'object' && value !== null) for (const k of keys(value, `${path}.`)) out.add(k);
    else out.add(path);
  }
  return out;
}

function pluralForms(tree: object, prefix = ''): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'object' && value !== null) {
      for (const [k, v] of pluralForms(value, `${prefix}${key}.`)) out.set(k, v);
      continue;
    }
    const match = PLURAL.exec(key);
    if (!match) continue;
    const base = prefix + key.replace(PLURAL, '');
    out.set(base, (out.get(base) ?? new Set()).add(match[1]));
  }
  return out;
}

describe('interface texts', () => {
  it('has every English key in Kazakh and in Russian, and nothing more', () => {
    const reference = [...keys(en)].sort();
    expect([...keys(kk)].sort()).toEqual(reference);
    expect([...keys(ru)].sort()).toEqual(reference);
  });

  it('gives every plural the forms its language needs', () => {
    for (const forms of pluralForms(ru).values()) expect([...forms].sort()).toEqual(['few', 'many', 'one', 'other']);
    for (const forms of pluralForms(kk).values()) expect([...forms].sort()).toEqual(['one', 'other']);
    for (const forms of pluralForms(en).values()) expect([...forms].sort()).toEqual(['one', 'other']);
  });

  it('declines Russian numbers: 1 попытка, 3 попытки, 5 попыток, 21 попытка', () => {
    const t = translator('ru');
    expect(t('quiz.attemptsLeft', { count: 1 })).toBe('Осталась 1 попытка');
    expect(t('quiz.attemptsLeft', { count: 3 })).toBe('Осталось 3 попытки');
    expect(t('quiz.attemptsLeft', { count: 5 })).toBe('Осталось 5 попыток');
    expect(t('quiz.attemptsLeft', { count: 21 })).toBe('Осталась 21 попытка');
    expect(t('quiz.questions', { count: 12 })).toBe('12 вопросов');
  });

  it('speaks Kazakh and English in their own forms', () => {
    expect(translator('kk')('quiz.questions', { count: 5 })).toBe('5 сұрақ');
    expect(translator('en')('quiz.questions', { count: 1 })).toBe('1 question');
    expect(translator('en')('quiz.questions', { count: 2 })).toBe('2 questions');
  });

  it('picks the browser language we speak', () => {
    expect(fromAcceptLanguage('kk-KZ,kk;q=0.9,ru;q=0.8')).toBe('kk');
    expect(fromAcceptLanguage('de-DE,ru;q=0.5')).toBe('ru');
    expect(fromAcceptLanguage('de-DE')).toBeNull();
    expect(fromAcceptLanguage(undefined)).toBeNull();
  });
});

describe('formats', () => {
  const instant = new Date('2026-12-31T19:30:00Z');

  it('writes dates as 31.12.2026 in Kazakh and Russian, in the unit time zone', () => {
    expect(formats('ru', 'Asia/Almaty').date(new Date('2026-12-31T10:00:00Z'))).toBe('31.12.2026');
    expect(formats('kk', 'Asia/Almaty').date(new Date('2026-12-31T10:00:00Z'))).toBe('31.12.2026');
    // 19:30 UTC is already the next day in Almaty (UTC+5).
    expect(formats('ru', 'Asia/Almaty').dateTime(instant)).toBe('01.01.2027 00:30');
    expect(formats('ru', 'Europe/Moscow').dateTime(instant)).toBe('31.12.2026 22:30');
  });

  it('groups numbers the Kazakh way', () => {
    expect(formats('kk', 'Asia/Almaty').number(12345.5, 1).replace(/\s/g, ' ')).toBe('12 345,5');
    expect(formats('en', 'Asia/Almaty').number(12345.5, 1)).toBe('12,345.5');
  });

  it('shows a rule due 31 December as 31.12, though the end of that day in Almaty is stored', () => {
    // Due 2026-12-31 in Almaty is stored as the midnight after it: 2026-12-31T19:00Z.
    const dueAt = new Date('2026-12-31T19:00:00Z');
    expect(formats('ru', 'Asia/Almaty').date(dueAt)).toBe('01.01.2027');
    expect(formats('ru', 'Asia/Almaty').dueDate(dueAt)).toBe('31.12.2026');
    expect(formats('kk', 'Asia/Almaty').dueDate(dueAt)).toBe('31.12.2026');
    expect(formats('ru', 'Asia/Almaty').dueDate(null)).toBe('');
  });

  it('shows nothing for a missing date', () => {
    expect(formats('ru', 'Asia/Almaty').date(null)).toBe('');
  });
});
