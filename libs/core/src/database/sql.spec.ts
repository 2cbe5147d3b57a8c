import { pageClause } from './sql';

describe('pageClause', () => {
  it('binds the limit and offset after the parameters already there', () => {
    const params: unknown[] = ['officer-id', 'booked'];
    expect(pageClause({ limit: 50, offset: 100 }, params)).toBe('LIMIT $3::int OFFSET $4::int');
    expect(params).toEqual(['officer-id', 'booked', 50, 100]);
  });

  it('binds whole numbers, as the lists always did', () => {
    const params: unknown[] = [];
    expect(pageClause({ limit: 7.9, offset: 0 }, params)).toBe('LIMIT $1::int OFFSET $2::int');
    expect(params).toEqual([7, 0]);
  });
});
