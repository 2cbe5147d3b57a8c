import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@lms/core';
import { PasswordService } from '@lms/identity';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Issue 14, item 9: the demo's published passwords never face the network.
 * Its own file: it starts (and refuses) several listening APIs, which must not
 * share a process's module state with the other items' app.
 */
describe('security review', () => {
  let base: TestApp;
  beforeAll(async () => {
    base = await createTestApp();
  });
  afterAll(() => base.close());

  describe('9. demo exposure', () => {
    it('listens on loopback by default in the embedded setup, on every address with DATABASE_URL', () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'lms-host-'));
      try {
        expect(loadConfig({ DATA_DIR: dataDir }).host).toBe('127.0.0.1');
        expect(loadConfig({ DATA_DIR: dataDir, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
        expect(loadConfig({ DATABASE_URL: base.url, JWT_SECRET: base.config.jwtSecret }).host).toBe('0.0.0.0');
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    it('refuses a non-loopback address while demo accounts keep their published passwords', async () => {
      const listening = { HOST: '0.0.0.0', PORT: '0' };
      await expect(createTestApp(listening, { listen: true })).rejects.toThrow(
        /refusing to listen on 0\.0\.0\.0: the demo accounts admin, hr\.almaty, hr\.astana, trainer, officer still have/,
      );
      // on loopback the demo keeps working as it is
      const local = await createTestApp({ HOST: '127.0.0.1', PORT: '0' }, { listen: true });
      await local.close();
      // all but one changed: still refused, naming the one left
      const changed = await new PasswordService().hash('Changed-after-demo-2026');
      const change = (except: string[]) => (client: { query: (sql: string, params: unknown[]) => Promise<unknown> }) =>
        client.query(
          `UPDATE user_account SET password_hash = $1
           WHERE username IN ('admin', 'hr.almaty', 'hr.astana', 'trainer', 'officer') AND username <> ALL($2)`,
          [changed, except],
        );
      await expect(createTestApp(listening, { listen: true, prepare: change(['trainer']) })).rejects.toThrow(
        /the demo accounts trainer still have/,
      );
      const exposed = await createTestApp(listening, { listen: true, prepare: change([]) });
      try {
        expect(exposed.app.getHttpServer().listening).toBe(true);
      } finally {
        await exposed.close();
      }
    }, 300_000); // four start-ups on a loaded machine
  });
});
