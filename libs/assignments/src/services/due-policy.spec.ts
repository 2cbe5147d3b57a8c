import { checkDuePolicy } from './due-policy';

const TODAY = '2026-11-20';

const problemOf = (policy: { dueDate?: string; dueInDays?: number }) => {
  try {
    checkDuePolicy(policy, TODAY);
    return null;
  } catch (error) {
    const { code, status, errors } = error as { code: string; status: number; errors: unknown };
    return { code, status, errors };
  }
};

describe('checkDuePolicy', () => {
  it('accepts a fixed date from today on, a number of days, or neither', () => {
    expect(problemOf({ dueDate: TODAY })).toBeNull();
    expect(problemOf({ dueDate: '2027-01-31' })).toBeNull();
    expect(problemOf({ dueInDays: 30 })).toBeNull();
    expect(problemOf({})).toBeNull();
  });

  it('refuses a date before today with 422 invalid-due-policy', () => {
    expect(problemOf({ dueDate: '2026-11-19' })).toEqual({
      code: 'invalid-due-policy',
      status: 422,
      errors: [{ field: 'dueDate', message: 'is in the past' }],
    });
  });

  it('refuses a date and a number of days together with the same problem', () => {
    expect(problemOf({ dueDate: '2027-01-31', dueInDays: 3 })).toEqual({
      code: 'invalid-due-policy',
      status: 422,
      errors: [{ field: 'dueDate', message: 'give dueDate or dueInDays, not both' }],
    });
  });

  it('measures against today in Almaty when no day is given', () => {
    expect(() => checkDuePolicy({ dueDate: '2000-01-01' })).toThrow('The due policy is not valid');
    expect(() => checkDuePolicy({ dueDate: '2999-12-31' })).not.toThrow();
  });
});
