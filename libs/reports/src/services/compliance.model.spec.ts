import { completionPercent, ComplianceSqlRow, mapRows } from './compliance.model';

const row = (code: string, own: boolean, inAudience: number, completed = 0, exempted = 0): ComplianceSqlRow => ({
  unit_id: code,
  unit_code: code,
  unit_name: code,
  own,
  is_total: false,
  in_audience: inAudience,
  completed,
  in_progress: 0,
  not_started: inAudience - completed - exempted,
  overdue: 0,
  exempted,
  refresher_in_audience: 0,
  refresher_completed: 0,
  refresher_in_progress: 0,
  refresher_not_started: 0,
  refresher_overdue: 0,
  refresher_exempted: 0,
});

describe('completionPercent', () => {
  it('leaves the exempted out of the denominator and keeps one decimal', () => {
    expect(completionPercent(2, 4, 1)).toBe(66.7);
    expect(completionPercent(1, 9, 1)).toBe(12.5);
    expect(completionPercent(3, 3, 0)).toBe(100);
  });

  it('rounds halves up', () => {
    expect(completionPercent(1, 16, 0)).toBe(6.3);
    expect(completionPercent(1, 80, 0)).toBe(1.3);
  });

  it('is null when nobody is left to complete', () => {
    expect(completionPercent(0, 0, 0)).toBeNull();
    expect(completionPercent(0, 2, 2)).toBeNull();
  });
});

const path = (unitId: string, own: boolean) => `${unitId}:${own}`;

describe('mapRows', () => {
  it('shows the unit’s own staff only when it has some, or has no children', () => {
    const total = {
      ...row('', false, 5, 1),
      unit_id: null,
      unit_code: null,
      unit_name: null,
      own: null,
      is_total: true,
    };
    expect(mapRows([row('A', true, 0), row('A-1', false, 5, 1), total], path).rows.map((r) => r.unitCode)).toEqual([
      'A-1',
    ]);
    expect(mapRows([row('A', true, 2), row('A-1', false, 3), total], path).rows.map((r) => r.scope)).toEqual([
      'own',
      'subtree',
    ]);
    expect(mapRows([row('S', true, 0)], path).rows).toHaveLength(1);
  });

  it('gives zeros for a total the database did not return', () => {
    expect(mapRows([], path).total).toEqual({
      inAudience: 0,
      completed: 0,
      inProgress: 0,
      notStarted: 0,
      overdue: 0,
      exempted: 0,
      completionPercent: null,
    });
  });

  it('counts refreshers after complaints apart, with their own drill-down', () => {
    const own = { ...row('A', true, 0), refresher_in_audience: 2, refresher_overdue: 1, refresher_not_started: 1 };
    const [mapped] = mapRows([own, row('A-1', false, 3, 3)], path).rows;
    expect(mapped.unitCode).toBe('A');
    expect(mapped.inAudience).toBe(0);
    expect(mapped.refresher).toMatchObject({ inAudience: 2, overdue: 1, notStarted: 1, completionPercent: 0 });
    expect(mapped.refresherOfficersPath).toBe('A:true&reason=complaint-refresher');
  });
});
