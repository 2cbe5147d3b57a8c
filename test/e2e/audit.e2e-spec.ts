import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { AuditService } from '@lms/core';
import { apiAs } from '../support/api-client';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';

const API = '/api/v1';
const CLI = resolve(__dirname, '../../dist/apps/cli/src/main.js');

interface AuditItem {
  id: string;
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('audit trail', () => {
  let t: TestApp;
  const api = (token: string) => apiAs(t, token);
  let admin: string;
  let hrAlmaty: string;
  let hrAstana: string;
  let unit: Record<string, string>;
  let user: Record<string, string>;
  let serial = 0;

  const audit = async (token: string, query: Record<string, string | number>) => {
    const res = await api(token).get('/audit').query(query);
    expect(res.status).toBe(200);
    return res.body as { items: AuditItem[]; total: number };
  };
  const createOfficer = async (token: string, unitCode: string) => {
    const res = await api(token)
      .post('/officers')
      .send({
        personnelNumber: `AUD-${++serial}`,
        fullName: 'Аудитов Ерлан Серікұлы',
        rank: 'лейтенант полиции',
        position: 'патрульный полицейский',
        serviceType: 'patrol',
        unitId: unit[unitCode],
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; personnelNumber: string };
  };
  const verify = () => t.app.get(AuditService).verifyChain();
  const runCli = () =>
    spawnSync(process.execPath, [CLI, 'audit:verify'], {
      env: { ...process.env, DATABASE_URL: t.url, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
  /** Runs statements with triggers off (as a superuser could), then puts the session back. */
  const bypassingTriggers = async (work: () => Promise<unknown>) => {
    await t.sql('SET session_replication_role = replica');
    try {
      await work();
    } finally {
      await t.sql('SET session_replication_role = origin');
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    hrAlmaty = await t.login('hr.almaty');
    hrAstana = await t.login('hr.astana');
    unit = Object.fromEntries(
      (await t.sql<{ id: string; code: string }>('SELECT id, code FROM unit')).map((u) => [u.code, u.id]),
    );
    user = Object.fromEntries(
      (await t.sql<{ id: string; username: string }>('SELECT id, username FROM user_account')).map((u) => [
        u.username,
        u.id,
      ]),
    );
  });
  afterAll(() => t.close());

  describe('what changes write', () => {
    it('records a unit’s creation with its actor and the new state', async () => {
      const res = await api(admin).post('/units').send({ code: 'ALM-AUDIT', name: 'Аудит бөлімі', parentId: unit.ALM });
      expect(res.status).toBe(201);
      const { items } = await audit(admin, { entityType: 'unit', entityId: res.body.id });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        action: 'unit.create',
        actorId: user.admin,
        actorName: 'admin',
        entityType: 'unit',
        entityId: res.body.id,
        before: null,
        after: { id: res.body.id, code: 'ALM-AUDIT', name: 'Аудит бөлімі', parentId: unit.ALM },
      });
    });

    it('records a unit’s update with the state before and after', async () => {
      const [{ id }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM-AUDIT'`);
      const res = await api(admin).patch(`/units/${id}`).send({ name: 'Жаңа атау' });
      expect(res.status).toBe(200);
      const { items } = await audit(admin, { entityType: 'unit', entityId: id });
      expect(items.map((e) => e.action)).toEqual(['unit.update', 'unit.create']);
      expect(items[0].before).toMatchObject({ name: 'Аудит бөлімі' });
      expect(items[0].after).toMatchObject({ name: 'Жаңа атау' });
      expect(items[0].actorId).toBe(user.admin);
    });

    it('records an officer’s creation by HR', async () => {
      const officer = await createOfficer(hrAlmaty, 'ALM-BOST-PPS');
      const { items } = await audit(hrAlmaty, { entityType: 'officer', entityId: officer.id });
      expect(items).toEqual([
        expect.objectContaining({
          action: 'officer.create',
          actorId: user['hr.almaty'],
          actorName: 'hr.almaty',
          before: null,
          after: expect.objectContaining({ personnelNumber: officer.personnelNumber, unitCode: 'ALM-BOST-PPS' }),
        }),
      ]);
    });

    it('writes nothing for a change that was refused', async () => {
      const [{ n }] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'unit.%'`,
      );
      const res = await api(admin).post('/units').send({ code: 'ALM-AUDIT', name: 'Қайталау', parentId: unit.ALM });
      expect(res.status).toBe(409);
      expect(await t.sql(`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'unit.%'`)).toEqual([{ n }]);
    });
  });

  describe('GET /audit', () => {
    it('filters by entity type, entity id and actor', async () => {
      const byType = await audit(admin, { entityType: 'officer', limit: 500 });
      expect(byType.items.length).toBeGreaterThan(0);
      expect(byType.items.every((e) => e.entityType === 'officer')).toBe(true);

      const officer = await createOfficer(hrAlmaty, 'ALM-BOST-UP');
      const byId = await audit(admin, { entityId: officer.id });
      expect(byId.items.map((e) => e.entityId)).toEqual([officer.id]);

      const byActor = await audit(admin, { actorId: user['hr.almaty'], limit: 500 });
      expect(byActor.items.length).toBeGreaterThanOrEqual(2);
      expect(byActor.items.every((e) => e.actorId === user['hr.almaty'])).toBe(true);
      expect(byActor.items.map((e) => e.entityId)).toContain(officer.id);
    });

    it('filters by time: from is inclusive, to is exclusive', async () => {
      const first = await createOfficer(hrAlmaty, 'ALM-BOST-JP');
      await new Promise((done) => setTimeout(done, 20));
      const second = await createOfficer(hrAlmaty, 'ALM-BOST-JP');
      const [secondEvent] = (await audit(admin, { entityId: second.id })).items;
      const at = new Date(secondEvent.occurredAt).toISOString();

      const from = await audit(admin, { entityType: 'officer', from: at, limit: 500 });
      expect(from.items.map((e) => e.entityId)).toContain(second.id);
      expect(from.items.map((e) => e.entityId)).not.toContain(first.id);

      const to = await audit(admin, { entityType: 'officer', to: at, limit: 500 });
      expect(to.items.map((e) => e.entityId)).toContain(first.id);
      expect(to.items.map((e) => e.entityId)).not.toContain(second.id);
    });

    it('pages newest first', async () => {
      const page = await audit(admin, { limit: 2, offset: 0 });
      const next = await audit(admin, { limit: 2, offset: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.total).toBeGreaterThan(4);
      expect(page.items[0].seq).toBeGreaterThan(page.items[1].seq);
      expect(page.items[1].seq).toBeGreaterThan(next.items[0].seq);
    });

    it('refuses malformed filters with 422', async () => {
      for (const query of [
        { from: 'yesterday' },
        { actorId: 'admin' },
        { limit: 0 },
        { limit: 501 },
        { action: 'x'.repeat(300) },
        { entity: 'x' },
      ]) {
        const res = await api(admin).get('/audit').query(query);
        expect(res.status).toBe(422);
      }
    });

    it('shows HR the events of its own subtree only', async () => {
      const almaty = await createOfficer(hrAlmaty, 'ALM-MEDEU-PPS');
      const astana = await createOfficer(admin, 'AST-ESIL-PPS');
      expect((await audit(hrAlmaty, { entityId: almaty.id })).total).toBe(1);
      expect((await audit(hrAlmaty, { entityId: astana.id })).total).toBe(0);
      expect((await audit(hrAstana, { entityId: astana.id })).total).toBe(1);
      expect((await audit(hrAstana, { entityId: almaty.id })).total).toBe(0);

      const all = await audit(hrAlmaty, { entityType: 'officer', limit: 500 });
      const ids = all.items.map((e) => e.entityId);
      const [{ paths }] = await t.sql<{ paths: string[] }>(
        `SELECT array_agg(DISTINCT e.unit_path) AS paths FROM audit_event e WHERE e.entity_id = ANY($1)`,
        [ids],
      );
      const [{ path: almPath }] = await t.sql<{ path: string }>(`SELECT path FROM unit WHERE code = 'ALM'`);
      expect(paths.every((p) => p.startsWith(almPath))).toBe(true);
    });

    it('is closed to officers and trainers', async () => {
      for (const name of ['officer', 'trainer']) {
        const res = await api(await t.login(name)).get('/audit');
        expect(res.status).toBe(403);
      }
    });

    it('shows an admin of the whole tree the events filed under no unit: refused access, failed sign-ins, policies', async () => {
      const officer = await t.login('officer');
      expect((await api(officer).post('/units').send({ code: 'X-1', name: 'x', parentId: unit.ALM })).status).toBe(403);
      expect(
        (await t.http().post(`${API}/auth/login`).send({ username: 'no.such.user', password: 'whatever-123' })).status,
      ).toBe(401);
      expect((await api(admin).put('/role-policies/trainer').send({ mfaRequired: false })).status).toBe(200);

      const actions = (await audit(admin, { limit: 500 })).items.map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['access.denied', 'auth.login-failed', 'role-policy.update']));
      const hrActions = (await audit(hrAlmaty, { limit: 500 })).items.map((e) => e.action);
      expect(hrActions).not.toContain('access.denied');
      expect(hrActions).not.toContain('role-policy.update');
    });
  });

  describe('hash chain', () => {
    it('stays intact across many writes, concurrent ones included', async () => {
      const [{ id }] = await t.sql<{ id: string }>(`SELECT id FROM unit WHERE code = 'ALM-AUDIT'`);
      for (let i = 0; i < 5; i++)
        await api(admin)
          .patch(`/units/${id}`)
          .send({ name: `Атау ${i}` });
      const concurrent = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          api(admin)
            .post('/units')
            .send({ code: `ALM-CC-${i}`, name: `Параллель ${i}`, parentId: unit.ALM }),
        ),
      );
      expect(concurrent.map((r) => r.status)).toEqual(Array(12).fill(201));
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
      expect(await verify()).toEqual({
        ok: true,
        checked: n,
        keyed: n,
        keyedFrom: expect.any(Number),
        firstBroken: null,
      });
      const [{ forks }] = await t.sql<{ forks: number }>(
        'SELECT count(*)::int AS forks FROM (SELECT prev_hash FROM audit_event GROUP BY prev_hash HAVING count(*) > 1) f',
      );
      expect(forks).toBe(0);
    });

    it('refuses UPDATE, DELETE and TRUNCATE on audit_event', async () => {
      const [row] = await t.sql<{ seq: string; action: string }>(
        'SELECT seq, action FROM audit_event ORDER BY seq DESC LIMIT 1',
      );
      await expect(t.sql(`UPDATE audit_event SET action = 'forged' WHERE seq = $1`, [row.seq])).rejects.toThrow(
        /append-only/,
      );
      await expect(t.sql('DELETE FROM audit_event WHERE seq = $1', [row.seq])).rejects.toThrow(/append-only/);
      await expect(t.sql('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
      expect(await t.sql('SELECT seq, action FROM audit_event WHERE seq = $1', [row.seq])).toEqual([row]);
      expect((await verify()).ok).toBe(true);
    });

    describe('tampering, found by verifyChain and the audit:verify command', () => {
      let middle: { seq: string; after: unknown };

      beforeAll(async () => {
        const rows = await t.sql<{ seq: string; after: unknown }>(
          `SELECT seq, after FROM audit_event WHERE after IS NOT NULL ORDER BY seq`,
        );
        expect(rows.length).toBeGreaterThan(10);
        middle = rows[Math.floor(rows.length / 2)];
      });

      it('reports an intact chain from the command line (exit 0)', () => {
        const run = runCli();
        expect(run.stdout).toMatch(
          /audit chain intact: \d+ event\(s\) verified \(\d+ keyed with HMAC-SHA256 from #\d+/,
        );
        expect(run.status).toBe(0);
      });

      it('reports an edited row by its seq, as a content change (and the command exits 1)', async () => {
        await bypassingTriggers(() =>
          t.sql(`UPDATE audit_event SET after = jsonb_set(after, '{forged}', 'true') WHERE seq = $1`, [middle.seq]),
        );
        expect(await verify()).toMatchObject({
          ok: false,
          firstBroken: { seq: Number(middle.seq), reason: 'content' },
        });
        const run = runCli();
        expect(run.stdout).toMatch(/BROKEN/);
        expect(run.stdout).toContain(`#${middle.seq}`);
        expect(run.status).toBe(1);

        await bypassingTriggers(() =>
          t.sql('UPDATE audit_event SET after = $2::jsonb WHERE seq = $1', [middle.seq, JSON.stringify(middle.after)]),
        );
        expect((await verify()).ok).toBe(true);
      });

      it('reports a rewritten hash as a content change, even when the row’s content is untouched', async () => {
        const [last] = await t.sql<{ seq: string; hash: string }>(
          'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
        );
        await bypassingTriggers(() =>
          t.sql(`UPDATE audit_event SET hash = repeat('0', 64) WHERE seq = $1`, [last.seq]),
        );
        expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq: Number(last.seq), reason: 'content' } });
        await bypassingTriggers(() => t.sql('UPDATE audit_event SET hash = $2 WHERE seq = $1', [last.seq, last.hash]));
        expect((await verify()).ok).toBe(true);
      });

      it('reports a deleted row as a broken link at the row after it', async () => {
        const [next] = await t.sql<{ seq: string }>('SELECT seq FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT 1', [
          middle.seq,
        ]);
        await bypassingTriggers(() => t.sql('DELETE FROM audit_event WHERE seq = $1', [middle.seq]));
        expect(await verify()).toMatchObject({ ok: false, firstBroken: { seq: Number(next.seq), reason: 'link' } });
        const run = runCli();
        expect(run.stdout).toMatch(/BROKEN/);
        expect(run.status).toBe(1);
      });
    });
  });
});
