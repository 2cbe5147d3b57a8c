import { randomUUID } from 'node:crypto';
import { apiAs } from '../support/api-client';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

interface OfficerItem {
  id: string;
  personnelNumber: string;
  fullName: string;
  serviceType: string;
  status: string;
  unitId: string;
  unitCode: string;
}

/**
 * Officers over HTTP. The demo has 360 officers (6 per section, numbers
 * 100001-100360): 120 in ALM, 96 in AST. Reading and listing run first, on
 * the untouched demo data; writes follow.
 */
describe('officers', () => {
  let t: TestApp;
  let admin: string;
  let hrAlmaty: string;
  let hrAstana: string;
  let trainer: string;
  let officer: string;
  /** The officer record behind the `officer` demo account (in ALM-BOST-UP). */
  let self: { id: string; unit_id: string; full_name: string };

  const api = (token: string) => apiAs(t, token);

  const unitId = async (code: string) =>
    (await t.sql<{ id: string }>('SELECT id FROM unit WHERE code = $1', [code]))[0].id;

  /** An officer of a region other than the caller's: the first of that region's units. */
  const officerIn = async (codePrefix: string) =>
    (
      await t.sql<{ id: string; personnel_number: string; unit_id: string }>(
        `SELECT o.id, o.personnel_number, o.unit_id FROM officer o JOIN unit u ON u.id = o.unit_id
         WHERE u.code LIKE $1 AND o.id <> $2 ORDER BY o.personnel_number LIMIT 1`,
        [codePrefix + '%', self.id],
      )
    )[0];

  const count = async (where: string, params: unknown[] = []) =>
    (
      await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM officer o JOIN unit u ON u.id = o.unit_id WHERE ${where}`,
        params,
      )
    )[0].n;

  /** Every column of every officer: equal snapshots mean nothing was written. */
  const snapshot = async () =>
    (
      await t.sql<{ count: number; hash: string }>(
        `SELECT count(*)::int AS count, md5(coalesce(string_agg(o::text, '|' ORDER BY o.id), '')) AS hash FROM officer o`,
      )
    )[0];

  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) =>
    [...new Set((res.body.errors ?? []).map((error) => error.field))].sort();

  const valid = async (overrides: Record<string, unknown> = {}) => ({
    personnelNumber: 'T-' + randomUUID().slice(0, 8),
    fullName: 'Нұрланов Ерлан Серікұлы',
    rank: 'капитан полиции',
    position: 'участковый инспектор полиции',
    serviceType: 'district_inspector',
    unitId: await unitId('ALM-BOST-UP'),
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    hrAlmaty = await t.login('hr.almaty');
    hrAstana = await t.login('hr.astana');
    trainer = await t.login('trainer');
    officer = await t.login('officer');
    [self] = await t.sql(
      `SELECT o.id, o.unit_id, o.full_name FROM user_account a JOIN officer o ON o.id = a.officer_id WHERE a.username = 'officer'`,
    );
  });
  afterAll(() => t.close());

  describe('reading one officer', () => {
    it('returns an officer with its unit to HR of that unit', async () => {
      const [row] = await t.sql<Record<string, string>>(
        `SELECT o.*, u.code FROM officer o JOIN unit u ON u.id = o.unit_id WHERE o.personnel_number = '100001'`,
      );
      const res = await api(hrAlmaty).get(`/officers/${row.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: row.id,
        personnelNumber: '100001',
        fullName: row.full_name,
        rank: row.rank,
        position: row.position,
        serviceType: row.service_type,
        unitId: row.unit_id,
        unitCode: row.code,
        status: row.status,
        language: row.language,
      });
      expect(typeof res.body.unitName).toBe('string');
      expect(res.body).not.toHaveProperty('unitPath');
      expect(res.body).not.toHaveProperty('unit_path');
    });

    it('lets trainers read officers anywhere', async () => {
      expect((await api(trainer).get(`/officers/${(await officerIn('AST')).id}`)).status).toBe(200);
      expect((await api(trainer).get(`/officers/${(await officerIn('KRG')).id}`)).status).toBe(200);
    });

    it('answers 404 to HR for an officer of another region', async () => {
      expectProblem(await api(hrAlmaty).get(`/officers/${(await officerIn('AST')).id}`), 404, 'not-found');
      expectProblem(await api(hrAlmaty).get(`/officers/${(await officerIn('SHY')).id}`), 404, 'not-found');
      expectProblem(await api(hrAstana).get(`/officers/${(await officerIn('ALM')).id}`), 404, 'not-found');
    });

    it('shows an officer account its own record and nobody else’s', async () => {
      const own = await api(officer).get(`/officers/${self.id}`);
      expect(own.status).toBe(200);
      expect(own.body.id).toBe(self.id);
      const [colleague] = await t.sql<{ id: string }>(
        'SELECT id FROM officer WHERE unit_id = $1 AND id <> $2 LIMIT 1',
        [self.unit_id, self.id],
      );
      expectProblem(await api(officer).get(`/officers/${colleague.id}`), 404);
      expectProblem(await api(officer).get(`/officers/${(await officerIn('AST')).id}`), 404);
    });

    it('answers 404 for an unknown id and 400 for an id that is not a UUID', async () => {
      expectProblem(await api(admin).get(`/officers/${randomUUID()}`), 404, 'not-found');
      expectProblem(await api(admin).get('/officers/100001'), 400);
      expectProblem(await api(admin).get('/officers/..%2F..%2Fetc'), 400);
    });

    it('refuses anonymous callers with 401', async () => {
      expectProblem(await t.http().get(`/api/v1/officers/${self.id}`), 401);
      expectProblem(await t.http().get('/api/v1/officers'), 401);
    });
  });

  describe('listing', () => {
    it('lists every officer to an admin, sorted by name, 50 to a page', async () => {
      const res = await api(admin).get('/officers');
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(360);
      expect(res.body.items).toHaveLength(50);
      const names: string[] = res.body.items.map((o: OfficerItem) => o.fullName);
      expect(names).toEqual([...names].sort());
    });

    it('pages with limit and offset without gaps or repeats', async () => {
      const all = await api(admin).get('/officers?limit=100');
      const pages: string[] = [];
      for (let offset = 0; offset < 100; offset += 25) {
        const res = await api(admin).get(`/officers?limit=25&offset=${offset}`);
        expect(res.body.total).toBe(360);
        expect(res.body.items).toHaveLength(25);
        pages.push(...res.body.items.map((o: OfficerItem) => o.id));
      }
      expect(pages).toEqual(all.body.items.map((o: OfficerItem) => o.id));
      const last = await api(admin).get('/officers?limit=50&offset=350');
      expect(last.body.items).toHaveLength(10);
      expect((await api(admin).get('/officers?offset=1000')).body).toMatchObject({ items: [], total: 360 });
    });

    it('filters by unit, including its whole subtree', async () => {
      for (const [code, expected] of [
        ['ALM', 120],
        ['ALM-BOST', 24],
        ['ALM-BOST-UP', 6],
        ['AST', 96],
      ] as const) {
        const res = await api(admin).get(`/officers?unitId=${await unitId(code)}&limit=500`);
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(expected);
        expect(res.body.items).toHaveLength(expected);
        expect(res.body.items.every((o: OfficerItem) => o.unitCode.startsWith(code))).toBe(true);
      }
      expect((await api(admin).get(`/officers?unitId=${randomUUID()}`)).body.total).toBe(0);
    });

    it('filters by service type and status', async () => {
      for (const serviceType of ['patrol', 'traffic', 'other']) {
        const res = await api(admin).get(`/officers?serviceType=${serviceType}&limit=500`);
        expect(res.body.total).toBe(await count('o.service_type = $1', [serviceType]));
        expect(res.body.total).toBeGreaterThan(0);
        expect(res.body.items.every((o: OfficerItem) => o.serviceType === serviceType)).toBe(true);
      }
      for (const status of ['active', 'on_leave', 'dismissed']) {
        const res = await api(admin).get(`/officers?status=${status}&limit=500`);
        expect(res.body.total).toBe(await count('o.status = $1', [status]));
        expect(res.body.total).toBeGreaterThan(0);
        expect(res.body.items.every((o: OfficerItem) => o.status === status)).toBe(true);
      }
    });

    it('combines unit, service type and status filters', async () => {
      const alm = await unitId('ALM');
      const res = await api(admin).get(`/officers?unitId=${alm}&serviceType=patrol&status=active&limit=500`);
      expect(res.body.total).toBe(
        await count(`u.code LIKE 'ALM%' AND o.service_type = 'patrol' AND o.status = 'active'`),
      );
      expect(res.body.total).toBeGreaterThan(0);
    });

    it('finds officers by part of the name in any letter case, Kazakh letters included', async () => {
      const names = await t.sql<{ id: string; full_name: string }>('SELECT id, full_name FROM officer');
      for (const q of [
        'әбдірахманов',
        'ӘБДІРАХМАНОВ',
        'ғабдуллин',
        'құдайбергенов',
        'ҮСЕНОВ',
        'өтегенов',
        'һадис',
        'ісмағұлов',
        'иванов',
      ]) {
        const expected = names.filter((o) => o.full_name.toLowerCase().includes(q.toLowerCase())).map((o) => o.id);
        expect(expected.length).toBeGreaterThan(0);
        const res = await api(admin).get(`/officers?q=${encodeURIComponent(q)}&limit=500`);
        expect(res.status).toBe(200);
        expect({ q, ids: res.body.items.map((o: OfficerItem) => o.id).sort() }).toEqual({ q, ids: expected.sort() });
      }
    });

    it('finds officers by part of the personnel number', async () => {
      const res = await api(admin).get('/officers?q=10001&limit=500');
      expect(res.body.items.map((o: OfficerItem) => o.personnelNumber).sort()).toEqual(
        Array.from({ length: 10 }, (_, i) => String(100010 + i)),
      );
      const exact = await api(admin).get('/officers?q=100360');
      expect(exact.body.items.map((o: OfficerItem) => o.personnelNumber)).toEqual(['100360']);
    });

    it('treats LIKE wildcards in q as plain text', async () => {
      expect((await api(admin).get('/officers?q=%25')).body.total).toBe(0);
      expect((await api(admin).get('/officers?q=1000_1')).body.total).toBe(0);
    });

    it('shows HR only officers of its own subtree', async () => {
      const alm = await api(hrAlmaty).get('/officers?limit=500');
      expect(alm.body.total).toBe(120);
      expect(alm.body.items.every((o: OfficerItem) => o.unitCode.startsWith('ALM'))).toBe(true);
      const ast = await api(hrAstana).get('/officers?limit=500');
      expect(ast.body.total).toBe(96);
      expect(ast.body.items.every((o: OfficerItem) => o.unitCode.startsWith('AST'))).toBe(true);
    });

    it('never widens HR scope through filters', async () => {
      expect((await api(hrAlmaty).get(`/officers?unitId=${await unitId('AST')}`)).body).toMatchObject({
        items: [],
        total: 0,
      });
      expect((await api(hrAlmaty).get(`/officers?unitId=${await unitId('MVD')}`)).body.total).toBe(120);
      const astOfficer = await officerIn('AST');
      const byNumber = await api(hrAlmaty).get(`/officers?q=${astOfficer.personnel_number}`);
      expect(byNumber.body.total).toBe(0);
    });

    it('lists to an officer account only its own record', async () => {
      const res = await api(officer).get('/officers?limit=500');
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items.map((o: OfficerItem) => o.id)).toEqual([self.id]);
      const unit = await api(officer).get(`/officers?unitId=${self.unit_id}`);
      expect(unit.body.items.map((o: OfficerItem) => o.id)).toEqual([self.id]);
      expect((await api(officer).get('/officers?q=100')).body.total).toBe(1);
    });

    it('lists every officer to a trainer of the ministry', async () => {
      expect((await api(trainer).get('/officers')).body.total).toBe(360);
    });

    it.each([
      ['an unknown service type', 'serviceType=swat'],
      ['an unknown status', 'status=retired'],
      ['a unitId that is not a UUID', 'unitId=ALM'],
      ['a limit over 500', 'limit=501'],
      ['a zero limit', 'limit=0'],
      ['a negative offset', 'offset=-5'],
      ['q over 100 characters', 'q=' + 'я'.repeat(101)],
      ['q given twice', 'q=a&q=b'],
      ['an unknown parameter', 'unit=ALM'],
    ])('refuses %s with 422', async (_case, query) => {
      const res = await api(admin).get(`/officers?${query}`);
      expectProblem(res, 422, 'validation-failed');
      expect(res.body.errors.length).toBeGreaterThan(0);
    });
  });

  describe('creating', () => {
    it('creates an officer, trimming text and defaulting status and language', async () => {
      const bostUp = await unitId('ALM-BOST-UP');
      const res = await api(hrAlmaty).post('/officers', {
        personnelNumber: 'ALM-900001',
        fullName: '  Әбдірахманов Ғалым Қанатұлы ',
        rank: 'лейтенант полиции',
        position: 'участковый инспектор полиции',
        serviceType: 'district_inspector',
        unitId: bostUp,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        personnelNumber: 'ALM-900001',
        fullName: 'Әбдірахманов Ғалым Қанатұлы',
        rank: 'лейтенант полиции',
        position: 'участковый инспектор полиции',
        serviceType: 'district_inspector',
        unitId: bostUp,
        unitCode: 'ALM-BOST-UP',
        status: 'active',
        language: 'ru',
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      const [row] = await t.sql(
        'SELECT personnel_number, full_name, unit_id, status, language FROM officer WHERE id = $1',
        [res.body.id],
      );
      expect(row).toEqual({
        personnel_number: 'ALM-900001',
        full_name: 'Әбдірахманов Ғалым Қанатұлы',
        unit_id: bostUp,
        status: 'active',
        language: 'ru',
      });
      const audit = await t.sql(
        `SELECT actor_name FROM audit_event WHERE action = 'officer.create' AND entity_id = $1`,
        [res.body.id],
      );
      expect(audit).toEqual([{ actor_name: 'hr.almaty' }]);
      expect((await api(hrAlmaty).get(`/officers/${res.body.id}`)).body.fullName).toBe('Әбдірахманов Ғалым Қанатұлы');
      expect((await api(hrAlmaty).get('/officers?q=ALM-900001')).body.total).toBe(1);
    });

    it('keeps a given status and language', async () => {
      const res = await api(hrAlmaty).post('/officers', await valid({ status: 'on_leave', language: 'kk' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'on_leave', language: 'kk' });
    });

    it('stores names in NFC whatever form they arrive in', async () => {
      const res = await api(hrAlmaty).post(
        '/officers',
        await valid({ fullName: 'Йолдасбеков Ерлан'.normalize('NFD') }),
      );
      expect(res.status).toBe(201);
      const [row] = await t.sql<{ full_name: string }>('SELECT full_name FROM officer WHERE id = $1', [res.body.id]);
      expect(row.full_name).toBe('Йолдасбеков Ерлан');
    });

    it('accepts text at the maximum lengths', async () => {
      const res = await api(hrAlmaty).post(
        '/officers',
        await valid({
          personnelNumber: 'M'.repeat(30),
          fullName: 'Ә'.repeat(300),
          rank: 'р'.repeat(100),
          position: 'п'.repeat(200),
        }),
      );
      expect(res.status).toBe(201);
    });

    it('lets an admin create an officer in any region', async () => {
      const res = await api(admin).post(
        '/officers',
        await valid({ unitId: await unitId('KRG-BALKH-JP'), serviceType: 'traffic' }),
      );
      expect(res.status).toBe(201);
      expect(res.body.unitCode).toBe('KRG-BALKH-JP');
    });

    it('refuses a personnel number that is taken with 409 and writes nothing', async () => {
      const before = await snapshot();
      const res = await api(hrAlmaty).post('/officers', await valid({ personnelNumber: '100001' }));
      expectProblem(res, 409, 'personnel-number-taken');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses HR a unit of another region with 404 and writes nothing', async () => {
      const before = await snapshot();
      const res = await api(hrAlmaty).post(
        '/officers',
        await valid({ personnelNumber: 'AST-1', unitId: await unitId('AST-ESIL-UP') }),
      );
      expectProblem(res, 404, 'not-found');
      expect(await snapshot()).toEqual(before);
      expect(await t.sql(`SELECT 1 FROM officer WHERE personnel_number = 'AST-1'`)).toEqual([]);
    });

    it('refuses a unit that does not exist with 404 and writes nothing', async () => {
      const before = await snapshot();
      expectProblem(await api(admin).post('/officers', await valid({ unitId: randomUUID() })), 404);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses trainers and officers with 403 and writes nothing', async () => {
      const before = await snapshot();
      expectProblem(await api(trainer).post('/officers', await valid()), 403);
      expectProblem(await api(officer).post('/officers', await valid()), 403);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('updating', () => {
    it('transfers an officer to another unit and records a transfer', async () => {
      const target = await officerIn('ALM-ALMALY-PPS');
      const auezJp = await unitId('ALM-AUEZ-JP');
      const res = await api(hrAlmaty).patch(`/officers/${target.id}`, { unitId: auezJp, serviceType: 'traffic' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: target.id,
        personnelNumber: target.personnel_number,
        unitId: auezJp,
        unitCode: 'ALM-AUEZ-JP',
        serviceType: 'traffic',
      });
      const [row] = await t.sql('SELECT unit_id, service_type FROM officer WHERE id = $1', [target.id]);
      expect(row).toEqual({ unit_id: auezJp, service_type: 'traffic' });
      const [audit] = await t.sql<{ before: { unitId: string }; after: { unitId: string } }>(
        `SELECT before, after FROM audit_event WHERE action = 'officer.transfer' AND entity_id = $1`,
        [target.id],
      );
      expect(audit.before.unitId).toBe(target.unit_id);
      expect(audit.after.unitId).toBe(auezJp);
      const inNewUnit = await api(hrAlmaty).get(`/officers?unitId=${auezJp}&limit=500`);
      expect(inNewUnit.body.items.map((o: OfficerItem) => o.id)).toContain(target.id);
      const inOldUnit = await api(hrAlmaty).get(`/officers?unitId=${target.unit_id}&limit=500`);
      expect(inOldUnit.body.items.map((o: OfficerItem) => o.id)).not.toContain(target.id);
    });

    it('changes only the fields given', async () => {
      const [before] = await t.sql<Record<string, unknown>>(
        `SELECT o.* FROM officer o WHERE personnel_number = '100002'`,
      );
      const res = await api(hrAlmaty).patch(`/officers/${before.id as string}`, {
        rank: 'майор полиции',
        status: 'on_leave',
      });
      expect(res.status).toBe(200);
      const [after] = await t.sql<Record<string, unknown>>('SELECT * FROM officer WHERE id = $1', [before.id]);
      expect(after).toEqual({ ...before, rank: 'майор полиции', status: 'on_leave', updated_at: after.updated_at });
      expect((after.updated_at as Date).getTime()).toBeGreaterThan((before.updated_at as Date).getTime());
      const audit = await t.sql(`SELECT 1 FROM audit_event WHERE action = 'officer.update' AND entity_id = $1`, [
        before.id,
      ]);
      expect(audit).toHaveLength(1);
    });

    it('refuses to change the personnel number and changes nothing', async () => {
      const before = await snapshot();
      const target = await officerIn('ALM');
      const res = await api(hrAlmaty).patch(`/officers/${target.id}`, {
        personnelNumber: '999999',
        rank: 'майор полиции',
      });
      expectProblem(res, 422, 'validation-failed');
      expect(fieldsOf(res)).toEqual(['personnelNumber']);
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 to HR patching an officer of another region and changes nothing', async () => {
      const before = await snapshot();
      const astOfficer = await officerIn('AST');
      expectProblem(await api(hrAlmaty).patch(`/officers/${astOfficer.id}`, { status: 'dismissed' }), 404, 'not-found');
      expectProblem(
        await api(hrAlmaty).patch(`/officers/${astOfficer.id}`, { unitId: await unitId('ALM-BOST-UP') }),
        404,
        'not-found',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 to HR transferring its officer into another region and changes nothing', async () => {
      const before = await snapshot();
      const almOfficer = await officerIn('ALM');
      const res = await api(hrAlmaty).patch(`/officers/${almOfficer.id}`, {
        unitId: await unitId('AST-ESIL-UP'),
        rank: 'майор',
      });
      expectProblem(res, 404, 'not-found');
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 for an unknown officer and 400 for a non-UUID id', async () => {
      expectProblem(await api(hrAlmaty).patch(`/officers/${randomUUID()}`, { rank: 'майор' }), 404);
      expectProblem(await api(hrAlmaty).patch('/officers/100001', { rank: 'майор' }), 400);
    });

    it('refuses trainers and officers, even on their own record, with 403', async () => {
      const before = await snapshot();
      expectProblem(await api(officer).patch(`/officers/${self.id}`, { rank: 'генерал' }), 403);
      expectProblem(await api(trainer).patch(`/officers/${self.id}`, { rank: 'генерал' }), 403);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('bad input', () => {
    let before: { count: number; hash: string };
    beforeEach(async () => {
      before = await snapshot();
    });
    afterEach(async () => {
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a malformed JSON body with 400 problem+json', async () => {
      const res = await api(hrAlmaty)
        .post('/officers')
        .set('Content-Type', 'application/json')
        .send('{"personnelNumber": "100999", "fullName": "Ахметов');
      expectProblem(res, 400, 'malformed-body');
      const patch = await api(hrAlmaty)
        .patch(`/officers/${self.id}`)
        .set('Content-Type', 'application/json')
        .send("{rank: 'майор'}");
      expectProblem(patch, 400, 'malformed-body');
    });

    it('refuses wrong types with 422 listing every field', async () => {
      const res = await api(hrAlmaty).post('/officers', {
        personnelNumber: 100999,
        fullName: ['Ахметов'],
        rank: 5,
        position: { ru: 'инспектор' },
        serviceType: 1,
        unitId: 42,
        status: true,
        language: 7,
      });
      expectProblem(res, 422, 'validation-failed');
      expect(fieldsOf(res)).toEqual(
        ['fullName', 'language', 'personnelNumber', 'position', 'rank', 'serviceType', 'status', 'unitId'].sort(),
      );
      expect(
        res.body.errors.every((e: { message: string }) => typeof e.message === 'string' && e.message.length > 0),
      ).toBe(true);
    });

    it('refuses missing required fields with 422 listing each', async () => {
      const res = await api(hrAlmaty).post('/officers', {});
      expectProblem(res, 422, 'validation-failed');
      expect(fieldsOf(res)).toEqual(['fullName', 'personnelNumber', 'position', 'rank', 'serviceType', 'unitId']);
    });

    it('refuses unknown properties with 422 naming them', async () => {
      const res = await api(hrAlmaty).post(
        '/officers',
        await valid({ id: randomUUID(), createdAt: '2020-01-01', isAdmin: true }),
      );
      expectProblem(res, 422, 'validation-failed');
      expect(fieldsOf(res)).toEqual(['createdAt', 'id', 'isAdmin']);
      const patch = await api(hrAlmaty).patch(`/officers/${self.id}`, { rank: 'майор', unit_id: randomUUID() });
      expectProblem(patch, 422, 'validation-failed');
      expect(fieldsOf(patch)).toEqual(['unit_id']);
    });

    it.each([
      ['personnelNumber', 'P'.repeat(31)],
      ['fullName', 'Ә'.repeat(301)],
      ['rank', 'р'.repeat(101)],
      ['position', 'п'.repeat(201)],
    ])('refuses an over-long %s with 422', async (field, value) => {
      const res = await api(hrAlmaty).post('/officers', await valid({ [field]: value }));
      expectProblem(res, 422, 'validation-failed');
      expect(fieldsOf(res)).toEqual([field]);
      if (field !== 'personnelNumber') {
        const patch = await api(hrAlmaty).patch(`/officers/${self.id}`, { [field]: value });
        expectProblem(patch, 422, 'validation-failed');
        expect(fieldsOf(patch)).toEqual([field]);
      }
    });

    it.each([
      ['serviceType', 'swat'],
      ['serviceType', 'PATROL'],
      ['status', 'retired'],
      ['language', 'en'],
    ])('refuses %s %p outside its enumeration with 422', async (field, value) => {
      const res = await api(hrAlmaty).post('/officers', await valid({ [field]: value }));
      expectProblem(res, 422, 'validation-failed');
      expect(fieldsOf(res)).toEqual([field]);
      const patch = await api(hrAlmaty).patch(`/officers/${self.id}`, { [field]: value });
      expectProblem(patch, 422, 'validation-failed');
      expect(fieldsOf(patch)).toEqual([field]);
    });

    it.each([
      ['a space', '100 999'],
      ['Cyrillic letters', 'АБ-100'],
      ['a leading dash', '-100999'],
      ['nothing but spaces', '   '],
    ])('refuses a personnel number with %s', async (_case, personnelNumber) => {
      const res = await api(hrAlmaty).post('/officers', await valid({ personnelNumber }));
      expectProblem(res, 422, 'validation-failed');
      expect(fieldsOf(res)).toEqual(['personnelNumber']);
    });

    it('refuses empty and blank text with 422', async () => {
      const res = await api(hrAlmaty).post('/officers', await valid({ fullName: '   ', rank: '' }));
      expectProblem(res, 422, 'validation-failed');
      expect(fieldsOf(res)).toEqual(['fullName', 'rank']);
      const patch = await api(hrAlmaty).patch(`/officers/${self.id}`, { position: ' \t ' });
      expectProblem(patch, 422, 'validation-failed');
      expect(fieldsOf(patch)).toEqual(['position']);
    });

    it('refuses a unitId that is not a UUID with 422', async () => {
      const res = await api(hrAlmaty).post('/officers', await valid({ unitId: 'ALM-BOST-UP' }));
      expectProblem(res, 422, 'validation-failed');
      expect(fieldsOf(res)).toEqual(['unitId']);
      const patch = await api(hrAlmaty).patch(`/officers/${self.id}`, { unitId: "' OR 1=1 --" });
      expectProblem(patch, 422, 'validation-failed');
    });

    it('refuses a JSON array as the body with 422', async () => {
      const res = await api(hrAlmaty)
        .post('/officers')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify([await valid()]));
      expectProblem(res, 422, 'validation-failed');
    });

    it('refuses a body that is not JSON with 4xx, not 500', async () => {
      const res = await api(hrAlmaty)
        .post('/officers')
        .set('Content-Type', 'text/plain')
        .send('personnelNumber=100999');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses non-UUID ids in the path with 400, not 500', async () => {
      for (const id of [
        'abc',
        '100001',
        '00000000-0000-0000-0000-00000000000g',
        '%27%3B%20DROP%20TABLE%20officer%3B--',
      ]) {
        expectProblem(await api(hrAlmaty).get(`/officers/${id}`), 400);
        expectProblem(await api(hrAlmaty).patch(`/officers/${id}`, { rank: 'майор' }), 400);
      }
    });
  });
});
