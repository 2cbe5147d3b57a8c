import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { OrderForm, RuleForm } from './order.forms';

const UNIT = '0b7c0a4e-5a3e-4f0e-9d49-3f2a8b1c2d3e';
const COURSE = '5f1d7c2a-8e4b-4c1a-9b3d-7e6f5a4b3c2d';

async function problems(type: ClassConstructor<object>, body: Record<string, unknown>) {
  const errors = await validate(plainToInstance(type, body), { whitelist: true });
  return Object.fromEntries(errors.map((error) => [error.property, Object.values(error.constraints ?? {})[0]]));
}

describe('the order and rule forms', () => {
  it('reads one checked box or several as lists and empty optional fields as absent', async () => {
    const body = {
      number: ' № 1 ',
      date: '2026-11-30',
      title: 'T',
      issuingAuthority: '',
      courseIds: COURSE,
      unitIds: [UNIT],
      deadline: '',
      periodicityMonths: '',
    };
    expect(await problems(OrderForm, body)).toEqual({});
    const form = plainToInstance(OrderForm, body);
    expect(form).toMatchObject({ number: '№ 1', courseIds: [COURSE], unitIds: [UNIT], serviceTypes: [], ranks: [] });
    expect(form.deadline).toBeUndefined();
    expect(form.periodicityMonths).toBeUndefined();
  });

  it('refuses a missing title, a bad day, an unknown service and a count that is not a number', async () => {
    expect(
      await problems(OrderForm, {
        number: '1',
        date: '2026-13-01',
        title: '',
        serviceTypes: 'navy',
        periodicityMonths: 'x',
      }),
    ).toEqual({
      title: 'errors.required',
      date: 'errors.invalid',
      serviceTypes: 'errors.invalid',
      periodicityMonths: 'errors.invalid',
    });
  });

  it('needs a course for a rule and reads its days as a number', async () => {
    expect(await problems(RuleForm, { courseId: '', dueInDays: '30' })).toEqual({ courseId: 'errors.required' });
    expect(plainToInstance(RuleForm, { courseId: COURSE, dueInDays: '30' }).dueInDays).toBe(30);
  });
});
