import { maskContacts } from './mask';

describe('maskContacts', () => {
  it.each([
    ['Звоните +7 (701) 234-56-78 вечером', 'Звоните [phone] вечером'],
    ['мой номер 87012345678', 'мой номер [phone]'],
    ['тел. 8 701 234 56 78.', 'тел. [phone].'],
    ['write to aigerim.s@mail.kz please', 'write to [e-mail] please'],
    ['пошта: Айгерім@пошта.қаз', 'пошта: [e-mail]'],
  ])('masks contacts in %p', (input, expected) => {
    expect(maskContacts(input)).toBe(expected);
  });

  it('keeps short numbers, dates and times that are not contacts', () => {
    const text = 'В 14:30, 12.05.2026, патруль 102, машина 3 минуты';
    expect(maskContacts(text)).toBe(text);
  });
});
