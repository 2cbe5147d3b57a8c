import { TransactionHost } from '@lms/core';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Recurring statements are prepared once per connection. A migration that
 * changes a table under a prepared `SELECT *` (a rolling deploy: old
 * processes still serving) must not break them for good.
 */
describe('prepared statements after a table changed shape', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('runs the statement again under a new name, at once outside a transaction and on the next attempt inside one', async () => {
    t = await createTestApp();
    const appRole = new URL(t.appUrl).username;
    await t.sql('CREATE TABLE prepared_probe (a int)');
    await t.sql('INSERT INTO prepared_probe VALUES (1)');
    await t.sql(`GRANT SELECT ON prepared_probe TO ${appRole}`);
    const tx = t.app.get(TransactionHost);
    const read = () => tx.query('SELECT * FROM prepared_probe WHERE a = $1', [1]);
    // Enough runs for the text to be prepared on every pooled connection it meets.
    for (let i = 0; i < 30; i++) await Promise.all([read(), read(), read()]);
    await t.sql('ALTER TABLE prepared_probe ADD COLUMN b int DEFAULT 2');
    expect(await read()).toEqual([{ a: 1, b: 2 }]);
    for (let i = 0; i < 10; i++)
      expect(await Promise.all([read(), read()])).toEqual([[{ a: 1, b: 2 }], [{ a: 1, b: 2 }]]);

    await t.sql('ALTER TABLE prepared_probe ADD COLUMN c int DEFAULT 3');
    const inTransaction = () => tx.withTransaction(() => read());
    const attempts = await Promise.allSettled([inTransaction(), inTransaction(), inTransaction()]);
    // A transaction that met the stale statement failed; the next one runs.
    for (const attempt of attempts)
      if (attempt.status === 'rejected') expect(String(attempt.reason)).toMatch(/cached plan/);
    expect(await inTransaction()).toEqual([{ a: 1, b: 2, c: 3 }]);
  });
});
