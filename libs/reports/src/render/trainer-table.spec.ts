import { criterionName } from './trainer-table';

describe('criterionName', () => {
  it('keeps the words before the descriptor', () => {
    expect(criterionName('Құрмет және бейтараптық: ашулы азаматпен сабырлы қалады')).toBe('Құрмет және бейтараптық');
    expect(criterionName('Criterion 1')).toBe('Criterion 1');
  });

  it('shortens a long name to 60 characters', () => {
    expect(criterionName('a'.repeat(80))).toHaveLength(60);
  });
});
