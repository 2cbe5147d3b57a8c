import { plainToInstance } from 'class-transformer';
import { CleanText, cleanText } from './clean-text';

/** How a name arrives when typed with combining marks: й as и + U+0306, ё as е + U+0308. */
const decomposed = (text: string) => text.normalize('NFD');

describe('cleanText', () => {
  it('trims surrounding white space, tabs and line breaks included', () => {
    expect(cleanText('  Нұрланов Ерлан \t\n')).toBe('Нұрланов Ерлан');
  });

  it('composes decomposed Kazakh and Russian letters (NFC)', () => {
    const name = 'Айгерім Сейітқызы Қойшыбаева';
    expect(decomposed(name)).not.toBe(name); // the й came apart
    expect(cleanText(` ${decomposed(name)} `)).toBe(name);
    expect(cleanText('Е\u0308лкин Пётр')).toBe('Ёлкин Пётр');
    expect(cleanText('и\u0306')).toBe('\u0439');
  });

  it('keeps the Kazakh letters that have no decomposition as they are', () => {
    expect(cleanText(' әғқңөұүһі ӘҒҚҢӨҰҮҺІ ')).toBe('әғқңөұүһі ӘҒҚҢӨҰҮҺІ');
  });

  it('makes the two spellings of one name one string', () => {
    const precomposed = 'Ерболай Ёдгоров';
    expect(cleanText(decomposed(precomposed))).toBe(cleanText(precomposed));
  });

  it('cleans arrays element by element and leaves other values to the validators', () => {
    expect(cleanText([' капитан полиции ', decomposed('майор'), 3])).toEqual(['капитан полиции', 'майор', 3]);
    expect(cleanText(42)).toBe(42);
    expect(cleanText(null)).toBeNull();
    expect(cleanText(undefined)).toBeUndefined();
    const object = { a: ' x ' };
    expect(cleanText(object)).toBe(object);
  });
});

describe('@CleanText', () => {
  class NameDto {
    @CleanText() fullName: unknown;
    @CleanText() ranks: unknown;
    other: unknown;
  }

  it('cleans the decorated fields of a request body and nothing else', () => {
    const dto = plainToInstance(NameDto, {
      fullName: ` ${decomposed('Сейітқали Айбек')} `,
      ranks: [' лейтенант полиции '],
      other: ' x ',
    });
    expect(dto.fullName).toBe('Сейітқали Айбек');
    expect(dto.ranks).toEqual(['лейтенант полиции']);
    expect(dto.other).toBe(' x ');
  });
});
