import { createTestApp, TestApp } from '../support/test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports health', async () => {
    const res = await t.http().get('/api/v1/health');
    expect(res.status).toBe(200);
    const token = await t.login('hr.almaty');
    expect(token).toBeTruthy();
  });
});
