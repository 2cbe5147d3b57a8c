import { apiAs } from '../support/api-client';
import { createCourse } from '../support/catalogue-fixtures';
import { binary, pdfText } from '../support/pdf';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * An execution report frozen with `includeTrust`: the trust report of the
 * same subtree and period is frozen into its content and printed as a
 * section; the stored document is the same on every download.
 */
describe('trust: the trust report attached to an execution report', () => {
  let t: TestApp;
  let hr: string;
  let orderId: string;
  let almatyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.login('hr.almaty');
    [{ id: almatyId }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM'`);
    const { courseId } = await createCourse(t, 'T-ATTACH');
    const order = await apiAs(t, hr)
      .post('/orders')
      .send({ number: 'ALM-T/1', date: '2026-01-15', title: 'Приказ о доверии граждан', courseIds: [courseId] })
      .expect(201);
    orderId = order.body.id;
  });
  afterAll(() => t?.close());

  it('freezes the trust figures with includeTrust, prints them in Kazakh and gives the same PDF twice', async () => {
    const created = await apiAs(t, hr)
      .post(`/orders/${orderId}/execution-reports`)
      .send({ unitId: almatyId, includeTrust: true })
      .expect(201);
    const frozen = await apiAs(t, hr).get(`/execution-reports/${created.body.id}`).expect(200);
    const trust = frozen.body.content.trust;
    expect(trust.unitId).toBe(almatyId);
    expect(trust.to >= trust.from).toBe(true);
    expect(trust.rows.length).toBeGreaterThan(0);
    expect(trust.total.officers).toBeGreaterThan(0);

    const download = () =>
      apiAs(t, hr)
        .get(`/execution-reports/${created.body.id}?format=pdf&lang=kk`)
        .buffer(true)
        .parse(binary)
        .expect(200);
    const first = (await download()).body as Buffer;
    const second = (await download()).body as Buffer;
    expect(first.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(second.equals(first)).toBe(true);
    const text = pdfText(first);
    expect(text).toContain('Азаматтар сенімі');
    expect(text).toContain(trust.rows[0].unitName);
  });

  it('freezes no trust key without the option, and refuses a non-boolean option with nothing written', async () => {
    const plain = await apiAs(t, hr)
      .post(`/orders/${orderId}/execution-reports`)
      .send({ unitId: almatyId })
      .expect(201);
    const frozen = await apiAs(t, hr).get(`/execution-reports/${plain.body.id}`).expect(200);
    expect(frozen.body.content).not.toHaveProperty('trust');
    const [{ count }] = await t.sql<{ count: string }>(`SELECT count(*) FROM report_snapshot`);
    const bad = await apiAs(t, hr)
      .post(`/orders/${orderId}/execution-reports`)
      .send({ unitId: almatyId, includeTrust: 'yes' });
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await t.sql<{ count: string }>(`SELECT count(*) FROM report_snapshot`))[0].count).toBe(count);
  });
});
