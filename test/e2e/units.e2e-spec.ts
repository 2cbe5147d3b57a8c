import { randomUUID } from 'node:crypto';
import { apiAs } from '../support/api-client';
import { expectProblem } from '../support/problems';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The unit tree over HTTP. The demo organisation has 80 units: MVD, 4 regions,
 * 15 districts and 60 sections (ALM alone: 1 + 5 + 20 = 26). Reading and
 * listing run first, on the untouched demo tree; creating and updating follow.
 */
describe('units', () => {
  let t: TestApp;
  let admin: string;
  let hrAlmaty: string;
  let hrAstana: string;
  let trainer: string;
  let officer: string;

  const api = (token: string) => apiAs(t, token);

  async function unit(code: string): Promise<{ id: string; path: string; parent_id: string | null; name: string }> {
    const [row] = await t.sql<{ id: string; path: string; parent_id: string | null; name: string }>(
      'SELECT id, path, parent_id, name FROM unit WHERE code = $1',
      [code],
    );
    if (!row) throw new Error(`no unit ${code}`);
    return row;
  }
  const id = async (code: string) => (await unit(code)).id;

  /** Every column of every unit: equal snapshots mean nothing was written. */
  const snapshot = async () =>
    (
      await t.sql<{ count: number; hash: string }>(
        `SELECT count(*)::int AS count, md5(coalesce(string_agg(u::text, '|' ORDER BY u.id), '')) AS hash FROM unit u`,
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    hrAlmaty = await t.login('hr.almaty');
    hrAstana = await t.login('hr.astana');
    trainer = await t.login('trainer');
    officer = await t.login('officer');
  });
  afterAll(() => t.close());

  describe('reading one unit', () => {
    it('returns a unit with its ancestors from the root down and its direct children', async () => {
      const res = await api(admin).get(`/units/${await id('ALM-BOST')}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: await id('ALM-BOST'),
        code: 'ALM-BOST',
        name: 'Бостандық ауданының полиция басқармасы',
        parentId: await id('ALM'),
        depth: 3,
        timezone: 'Asia/Almaty',
      });
      expect(res.body.ancestors.map((u: { code: string }) => u.code)).toEqual(['MVD', 'ALM']);
      expect(res.body.ancestors[0]).toMatchObject({ parentId: null, depth: 1 });
      expect(res.body.children.map((u: { code: string }) => u.code).sort()).toEqual([
        'ALM-BOST-IDN',
        'ALM-BOST-JP',
        'ALM-BOST-PPS',
        'ALM-BOST-UP',
      ]);
      expect(res.body.children.every((u: { parentId: string; depth: number }) => u.depth === 4)).toBe(true);
    });

    it('returns the root with no ancestors and the four regions as children', async () => {
      const res = await api(trainer).get(`/units/${await id('MVD')}`);
      expect(res.status).toBe(200);
      expect(res.body.ancestors).toEqual([]);
      expect(res.body.children.map((u: { code: string }) => u.code).sort()).toEqual(['ALM', 'AST', 'KRG', 'SHY']);
    });

    it('returns a whole subtree as a nested tree', async () => {
      const res = await api(hrAlmaty).get(`/units/${await id('ALM')}/subtree`);
      expect(res.status).toBe(200);
      expect(res.body.code).toBe('ALM');
      expect(res.body.children.map((u: { code: string }) => u.code).sort()).toEqual([
        'ALM-ALMALY',
        'ALM-AUEZ',
        'ALM-BOST',
        'ALM-MEDEU',
        'ALM-TURK',
      ]);
      const bost = res.body.children.find((u: { code: string }) => u.code === 'ALM-BOST');
      expect(bost.children).toHaveLength(4);
      expect(
        bost.children.every(
          (u: { children: unknown[]; parentId: string }) => u.children.length === 0 && u.parentId === bost.id,
        ),
      ).toBe(true);
      const count = (node: { children: unknown[] }): number =>
        1 + node.children.reduce((sum: number, child) => sum + count(child as { children: unknown[] }), 0);
      expect(count(res.body)).toBe(26);
    });

    it('shows HR units of its own subtree', async () => {
      expect((await api(hrAlmaty).get(`/units/${await id('ALM-BOST-PPS')}`)).status).toBe(200);
      expect((await api(hrAlmaty).get(`/units/${await id('ALM')}`)).status).toBe(200);
    });

    it('answers 404 to HR for a unit of another region, as if it did not exist', async () => {
      for (const code of ['AST', 'AST-ESIL', 'AST-ESIL-PPS', 'MVD']) {
        const res = await api(hrAlmaty).get(`/units/${await id(code)}`);
        expectProblem(res, 404, 'not-found');
        expect(JSON.stringify(res.body)).not.toContain(code === 'MVD' ? 'Ішкі істер' : 'Астана');
      }
      expectProblem(await api(hrAlmaty).get(`/units/${await id('AST')}/subtree`), 404, 'not-found');
      expectProblem(await api(hrAstana).get(`/units/${await id('ALM-BOST')}`), 404, 'not-found');
    });

    it('answers 404 for an id that does not exist', async () => {
      expectProblem(await api(admin).get(`/units/${randomUUID()}`), 404, 'not-found');
      expectProblem(await api(admin).get(`/units/${randomUUID()}/subtree`), 404, 'not-found');
    });

    it('answers 400 for an id that is not a UUID', async () => {
      expectProblem(await api(admin).get('/units/ALM-BOST'), 400);
      expectProblem(await api(admin).get(`/units/1'%20OR%20'1'='1/subtree`), 400);
    });

    it('refuses officers and anonymous callers', async () => {
      expectProblem(await api(officer).get(`/units/${await id('ALM-BOST-UP')}`), 403);
      expectProblem(await api(officer).get('/units'), 403);
      const anonymous = await t.http().get('/api/v1/units');
      expectProblem(anonymous, 401);
    });
  });

  describe('listing', () => {
    it('lists the whole tree to an admin, root first, 50 to a page by default', async () => {
      const res = await api(admin).get('/units');
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(80);
      expect(res.body.items).toHaveLength(50);
      expect(res.body.items[0].code).toBe('MVD');
      const depths = res.body.items.map((u: { depth: number }) => u.depth);
      expect(depths).toEqual([...depths].sort((a, b) => a - b));
    });

    it('pages with limit and offset without gaps or repeats', async () => {
      const all = await api(admin).get('/units?limit=80');
      expect(all.body.items).toHaveLength(80);
      const pages = [];
      for (let offset = 0; offset < 80; offset += 30) {
        const res = await api(admin).get(`/units?limit=30&offset=${offset}`);
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(80);
        pages.push(...res.body.items.map((u: { id: string }) => u.id));
      }
      expect(pages).toEqual(all.body.items.map((u: { id: string }) => u.id));
      expect(new Set(pages).size).toBe(80);
      const beyond = await api(admin).get('/units?offset=500');
      expect(beyond.body).toMatchObject({ items: [], total: 80 });
    });

    it('filters by parentId to direct children only', async () => {
      const res = await api(admin).get(`/units?parentId=${await id('ALM')}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(5);
      expect(res.body.items.map((u: { code: string }) => u.code).sort()).toEqual([
        'ALM-ALMALY',
        'ALM-AUEZ',
        'ALM-BOST',
        'ALM-MEDEU',
        'ALM-TURK',
      ]);
    });

    it('filters by rootId to the unit and everything under it', async () => {
      const res = await api(admin).get(`/units?rootId=${await id('ALM-BOST')}`);
      expect(res.body.total).toBe(5);
      expect(res.body.items.map((u: { code: string }) => u.code)).toEqual(
        expect.arrayContaining(['ALM-BOST', 'ALM-BOST-PPS', 'ALM-BOST-UP', 'ALM-BOST-JP', 'ALM-BOST-IDN']),
      );
      const region = await api(admin).get(`/units?rootId=${await id('AST')}&limit=500`);
      expect(region.body.total).toBe(21);
      expect(region.body.items.every((u: { code: string }) => u.code.startsWith('AST'))).toBe(true);
    });

    it('finds units by code, case-insensitively', async () => {
      const res = await api(admin).get('/units?q=bost');
      expect(res.body.total).toBe(5);
      expect(res.body.items.every((u: { code: string }) => u.code.startsWith('ALM-BOST'))).toBe(true);
    });

    it('finds units by a lower-case Kazakh name', async () => {
      // 'Әуезов ауданының ...' and its sections 'Әуезов ПБ ...'
      const res = await api(admin).get(`/units?q=${encodeURIComponent('әуезов')}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((u: { code: string }) => u.code).sort()).toEqual([
        'ALM-AUEZ',
        'ALM-AUEZ-IDN',
        'ALM-AUEZ-JP',
        'ALM-AUEZ-PPS',
        'ALM-AUEZ-UP',
      ]);
      const cyrillic = await api(admin).get(`/units?q=${encodeURIComponent('ПОЛИЦИЯ ДЕПАРТАМЕНТІ')}`);
      expect(cyrillic.body.total).toBe(4);
    });

    it('treats LIKE wildcards in q as plain text', async () => {
      expect((await api(admin).get('/units?q=%25')).body.total).toBe(0);
      expect((await api(admin).get('/units?q=_')).body.total).toBe(0);
    });

    it('combines filters', async () => {
      const res = await api(admin).get(`/units?rootId=${await id('ALM')}&q=pps`);
      expect(res.body.total).toBe(5);
      expect(res.body.items.every((u: { code: string }) => /^ALM-.+-PPS$/.test(u.code))).toBe(true);
    });

    it('shows HR only its own subtree', async () => {
      const res = await api(hrAlmaty).get('/units?limit=500');
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(26);
      expect(res.body.items.every((u: { code: string }) => u.code.startsWith('ALM'))).toBe(true);
      const astana = await api(hrAstana).get('/units?limit=500');
      expect(astana.body.total).toBe(21);
      expect(astana.body.items.every((u: { code: string }) => u.code.startsWith('AST'))).toBe(true);
    });

    it('never widens HR scope through filters', async () => {
      expect((await api(hrAlmaty).get(`/units?rootId=${await id('AST')}`)).body).toMatchObject({ items: [], total: 0 });
      expect((await api(hrAlmaty).get(`/units?rootId=${await id('MVD')}`)).body.total).toBe(26);
      const regions = await api(hrAlmaty).get(`/units?parentId=${await id('MVD')}`);
      expect(regions.body.items.map((u: { code: string }) => u.code)).toEqual(['ALM']);
      expect((await api(hrAlmaty).get('/units?q=AST')).body.total).toBe(0);
    });

    it.each([
      ['a zero limit', 'limit=0'],
      ['a limit over 500', 'limit=501'],
      ['a limit that is not a number', 'limit=abc'],
      ['a negative offset', 'offset=-1'],
      ['a fractional offset', 'offset=1.5'],
      ['a parentId that is not a UUID', 'parentId=ALM'],
      ['a rootId that is not a UUID', 'rootId=123'],
      ['q over 100 characters', 'q=' + 'x'.repeat(101)],
      ['an unknown parameter', 'sort=name'],
    ])('refuses %s with 422', async (_case, query) => {
      const res = await api(admin).get(`/units?${query}`);
      expectProblem(res, 422, 'validation-failed');
      expect(res.body.errors.length).toBeGreaterThan(0);
    });
  });

  describe('creating', () => {
    it('creates a unit under a parent, keeping the code as given and trimming the name', async () => {
      const parent = await unit('ALM-BOST');
      const res = await api(admin).post('/units', {
        code: 'alm-bost-kpp',
        name: '  Бостандық ПБ бақылау бекеті  ',
        parentId: parent.id,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        code: 'alm-bost-kpp',
        name: 'Бостандық ПБ бақылау бекеті',
        parentId: parent.id,
        depth: 4,
        timezone: 'Asia/Almaty',
      });
      const created = await unit('alm-bost-kpp');
      expect(created.id).toBe(res.body.id);
      expect(created.path).toBe(`${parent.path}${res.body.id}/`);
      const audit = await t.sql('SELECT actor_name, after FROM audit_event WHERE action = $1 AND entity_id = $2', [
        'unit.create',
        res.body.id,
      ]);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_name: 'admin', after: { code: 'alm-bost-kpp' } });
    });

    it('keeps a given time zone', async () => {
      const res = await api(admin).post('/units', {
        code: 'AST-ESIL-TZ',
        name: 'Уақыт белдеуі',
        parentId: await id('AST-ESIL'),
        timezone: 'Asia/Aqtobe',
      });
      expect(res.status).toBe(201);
      expect(res.body.timezone).toBe('Asia/Aqtobe');
      const fetched = await api(hrAstana).get(`/units/${res.body.id}`);
      expect(fetched.body.timezone).toBe('Asia/Aqtobe');
    });

    it('shows a new unit in its parent’s lists', async () => {
      const parentId = await id('SHY-ABAI');
      const res = await api(admin).post('/units', { code: 'SHY-ABAI-NEW', name: 'Абай ПБ жаңа бөлімше', parentId });
      expect(res.status).toBe(201);
      const children = await api(admin).get(`/units?parentId=${parentId}`);
      expect(children.body.items.map((u: { id: string }) => u.id)).toContain(res.body.id);
      const detail = await api(admin).get(`/units/${parentId}`);
      expect(detail.body.children.map((u: { id: string }) => u.id)).toContain(res.body.id);
    });

    it('refuses a duplicate code, whatever its case, and writes nothing', async () => {
      const before = await snapshot();
      const res = await api(admin).post('/units', { code: 'alm-bost', name: 'Екінші', parentId: await id('ALM') });
      expectProblem(res, 409, 'unit-code-taken');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a parent that does not exist', async () => {
      const before = await snapshot();
      expectProblem(await api(admin).post('/units', { code: 'ORPHAN', name: 'Жетім', parentId: randomUUID() }), 404);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses invalid fields with 422, listing each field, and writes nothing', async () => {
      const before = await snapshot();
      const res = await api(admin).post('/units', {
        code: 'бөлім 1',
        name: '   ',
        parentId: 'not-a-uuid',
        timezone: 'Mars/Olympus',
        colour: 'red',
      });
      expectProblem(res, 422, 'validation-failed');
      const fields = new Set(res.body.errors.map((e: { field: string }) => e.field));
      expect([...fields].sort()).toEqual(['code', 'colour', 'name', 'parentId', 'timezone']);
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['a missing parentId', { code: 'NOPARENT', name: 'Ата-анасыз' }, 'parentId'],
      ['a code over 50 characters', { code: 'A'.repeat(51), name: 'Ұзын', parentId: randomUUID() }, 'code'],
      ['a name over 300 characters', { code: 'LONGNAME', name: 'Ә'.repeat(301), parentId: randomUUID() }, 'name'],
      ['a number for a name', { code: 'NUMNAME', name: 42, parentId: randomUUID() }, 'name'],
    ])('refuses %s with 422', async (_case, body, field) => {
      const before = await snapshot();
      const res = await api(admin).post('/units', body);
      expectProblem(res, 422, 'validation-failed');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a malformed JSON body with 400', async () => {
      const before = await snapshot();
      const res = await api(admin)
        .post('/units')
        .set('Content-Type', 'application/json')
        .send('{"code": "BROKEN", "name": ');
      expectProblem(res, 400, 'malformed-body');
      expect(await snapshot()).toEqual(before);
    });

    it.each([['hr.almaty'], ['trainer'], ['officer']])('refuses %s with 403 and writes nothing', async (username) => {
      const token = { 'hr.almaty': hrAlmaty, trainer, officer }[username]!;
      const before = await snapshot();
      const res = await api(token).post('/units', {
        code: 'ALM-BOST-HR',
        name: 'HR бөлімі',
        parentId: await id('ALM-BOST'),
      });
      expectProblem(res, 403);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('updating', () => {
    it('renames a unit and records the change', async () => {
      const target = await unit('KRG-BALKH');
      const res = await api(admin).patch(`/units/${target.id}`, { name: 'Балқаш қалалық полиция басқармасы' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: target.id,
        code: 'KRG-BALKH',
        name: 'Балқаш қалалық полиция басқармасы',
        parentId: target.parent_id,
      });
      expect((await unit('KRG-BALKH')).name).toBe('Балқаш қалалық полиция басқармасы');
      expect((await unit('KRG-BALKH')).path).toBe(target.path);
      const [audit] = await t.sql<{ before: { name: string }; after: { name: string } }>(
        `SELECT before, after FROM audit_event WHERE action = 'unit.update' AND entity_id = $1`,
        [target.id],
      );
      expect(audit.before.name).toBe(target.name);
      expect(audit.after.name).toBe('Балқаш қалалық полиция басқармасы');
    });

    it('recodes a unit, keeping the case given', async () => {
      const target = await unit('KRG-TEMIR');
      const res = await api(admin).patch(`/units/${target.id}`, { code: 'krg-temirtau' });
      expect(res.status).toBe(200);
      expect(res.body.code).toBe('krg-temirtau');
      expect((await unit('krg-temirtau')).id).toBe(target.id);
    });

    it('refuses a code that differs from another unit’s only by case', async () => {
      const before = await snapshot();
      const res = await api(admin).patch(`/units/${await id('KRG-KRGCITY')}`, { code: 'krg-balkh' });
      expectProblem(res, 409, 'unit-code-taken');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a code that another unit has and changes nothing', async () => {
      const before = await snapshot();
      const res = await api(admin).patch(`/units/${await id('KRG-KRGCITY')}`, { code: 'KRG-BALKH', name: 'Жаңа атау' });
      expectProblem(res, 409, 'unit-code-taken');
      expect(await snapshot()).toEqual(before);
    });

    it('moves a unit with its whole subtree under a new parent', async () => {
      const moved = await unit('ALM-MEDEU');
      const target = await unit('AST');
      const descendants = await t.sql<{ id: string; code: string; path: string }>(
        'SELECT id, code, path FROM unit WHERE path LIKE $1 ORDER BY code',
        [moved.path + '%'],
      );
      expect(descendants).toHaveLength(5);

      const res = await api(admin).patch(`/units/${moved.id}`, { parentId: target.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: moved.id, parentId: target.id, depth: 3 });

      const newPath = `${target.path}${moved.id}/`;
      const after = await t.sql<{ id: string; code: string; path: string; parent_id: string }>(
        'SELECT id, code, path, parent_id FROM unit WHERE id = ANY($1::uuid[]) ORDER BY code',
        [descendants.map((u) => u.id)],
      );
      for (const [i, row] of after.entries()) {
        expect(row.path).toBe(newPath + descendants[i].path.slice(moved.path.length));
        expect(row.path.startsWith(target.path)).toBe(true);
      }
      // Children keep their parent; only the moved unit changes parent.
      expect(after.filter((u) => u.id !== moved.id).every((u) => u.parent_id === moved.id)).toBe(true);
      expect(await t.sql('SELECT 1 FROM unit WHERE path LIKE $1', [moved.path + '%'])).toEqual([]);

      const underNewParent = await api(admin).get(`/units?rootId=${target.id}&limit=500`);
      expect(underNewParent.body.items.map((u: { code: string }) => u.code)).toEqual(
        expect.arrayContaining(['ALM-MEDEU', 'ALM-MEDEU-PPS', 'ALM-MEDEU-UP', 'ALM-MEDEU-JP', 'ALM-MEDEU-IDN']),
      );
      const underOldParent = await api(admin).get(`/units?rootId=${await id('ALM')}&limit=500`);
      expect(underOldParent.body.items.map((u: { code: string }) => u.code)).not.toContain('ALM-MEDEU-PPS');
      const section = await api(admin).get(`/units/${await id('ALM-MEDEU-PPS')}`);
      expect(section.body.ancestors.map((u: { code: string }) => u.code)).toEqual(['MVD', 'AST', 'ALM-MEDEU']);
      expect(section.body.depth).toBe(4);

      const [audit] = await t.sql(`SELECT 1 FROM audit_event WHERE action = 'unit.move' AND entity_id = $1`, [
        moved.id,
      ]);
      expect(audit).toBeDefined();
    });

    it('moves HR scope with the tree: the moved subtree leaves one HR and joins the other', async () => {
      const medeuPps = await id('ALM-MEDEU-PPS');
      expectProblem(await api(hrAlmaty).get(`/units/${medeuPps}`), 404);
      expect((await api(hrAstana).get(`/units/${medeuPps}`)).status).toBe(200);
      expect((await api(hrAlmaty).get('/units?limit=500')).body.total).toBe(26 - 5 + 1); // + ALM-BOST-KPP created above
      const officers = await api(hrAstana).get(`/officers?unitId=${await id('ALM-MEDEU')}`);
      expect(officers.status).toBe(200);
      expect(officers.body.total).toBe(24);
    });

    it('moves a section up to a region, changing its depth', async () => {
      const res = await api(admin).patch(`/units/${await id('SHY-ENBEK-JP')}`, { parentId: await id('SHY') });
      expect(res.status).toBe(200);
      expect(res.body.depth).toBe(3);
      expect((await unit('SHY-ENBEK-JP')).path).toBe(`${(await unit('SHY')).path}${res.body.id}/`);
    });

    it('accepts the current parent as a no-op move', async () => {
      const before = await unit('SHY-FARABI');
      const res = await api(admin).patch(`/units/${before.id}`, { parentId: before.parent_id });
      expect(res.status).toBe(200);
      expect((await unit('SHY-FARABI')).path).toBe(before.path);
    });

    it('refuses a move under its own descendant with 409 and changes nothing', async () => {
      const before = await snapshot();
      const res = await api(admin).patch(`/units/${await id('ALM')}`, { parentId: await id('ALM-BOST-PPS') });
      expectProblem(res, 409, 'unit-cycle');
      expect(await snapshot()).toEqual(before);
      const child = await api(admin).patch(`/units/${await id('ALM-BOST')}`, { parentId: await id('ALM-BOST-UP') });
      expectProblem(child, 409, 'unit-cycle');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a move under itself with 409 and changes nothing', async () => {
      const before = await snapshot();
      const self = await id('ALM-BOST');
      expectProblem(await api(admin).patch(`/units/${self}`, { parentId: self }), 409, 'unit-cycle');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses to move the root', async () => {
      const before = await snapshot();
      expectProblem(await api(admin).patch(`/units/${await id('MVD')}`, { parentId: await id('ALM') }), 403);
      expect(await snapshot()).toEqual(before);
    });

    it('undoes the move when the same request then fails', async () => {
      const before = await snapshot();
      const res = await api(admin).patch(`/units/${await id('KRG-KRGCITY')}`, {
        parentId: await id('AST'),
        code: 'ALM',
      });
      expectProblem(res, 409, 'unit-code-taken');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a move to a parent that does not exist', async () => {
      const before = await snapshot();
      expectProblem(await api(admin).patch(`/units/${await id('ALM-TURK')}`, { parentId: randomUUID() }), 404);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses bad input with 4xx and changes nothing', async () => {
      const before = await snapshot();
      const turk = await id('ALM-TURK');
      expectProblem(await api(admin).patch(`/units/${turk}`, { name: '' }), 422, 'validation-failed');
      expectProblem(await api(admin).patch(`/units/${turk}`, { parentId: 'ALM' }), 422, 'validation-failed');
      expectProblem(await api(admin).patch(`/units/${turk}`, { path: '/' }), 422, 'validation-failed');
      expectProblem(await api(admin).patch(`/units/${turk}`, { timezone: 'Almaty' }), 422, 'validation-failed');
      expectProblem(await api(admin).patch('/units/not-a-uuid', { name: 'Түрксіб' }), 400);
      expectProblem(await api(admin).patch(`/units/${randomUUID()}`, { name: 'Түрксіб' }), 404);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses HR, trainers and officers with 403 and changes nothing', async () => {
      const before = await snapshot();
      const turk = await id('ALM-TURK');
      for (const token of [hrAlmaty, trainer, officer]) {
        expectProblem(await api(token).patch(`/units/${turk}`, { name: 'Басқа атау' }), 403);
      }
      expect(await snapshot()).toEqual(before);
    });
  });
  describe('names by language', () => {
    it('carries the demo units’ Kazakh and Russian names', async () => {
      const res = await api(hrAlmaty).get(`/units/${await id('ALM-BOST')}`);
      expect(res.body.names).toEqual({
        kk: 'Бостандық ауданының полиция басқармасы',
        ru: 'Управление полиции Бостандыкского района',
      });
      const found = await api(hrAlmaty).get('/units?q=Бостандыкского');
      expect(found.body.items.map((u: { code: string }) => u.code)).toContain('ALM-BOST');
    });

    it('creates a unit from its names alone, the Russian one becoming the name of record', async () => {
      const res = await api(admin).post('/units', {
        code: 'ALM-MEDEU-NEW',
        names: { kk: 'Медеу ПБ жаңа бөлімше', ru: 'Новое отделение УП Медеуского района' },
        parentId: await id('ALM-MEDEU'),
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'Новое отделение УП Медеуского района',
        names: { kk: 'Медеу ПБ жаңа бөлімше', ru: 'Новое отделение УП Медеуского района' },
      });
    });

    it('renames in Kazakh and Russian, refuses a missing language or neither name, writing nothing', async () => {
      const target = await id('SHY-ENBEK');
      const names = { kk: 'Еңбекші аудандық ПБ', ru: 'Енбекшинское районное УП', en: 'Enbekshi district police' };
      const res = await api(admin).patch(`/units/${target}`, { names });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: names.ru, names });
      const before = await snapshot();
      expectProblem(
        await api(admin).patch(`/units/${target}`, { names: { kk: 'Тек қазақша' } }),
        422,
        'validation-failed',
      );
      expectProblem(await api(admin).patch(`/units/${target}`, { names: 'Енбекши' }), 422, 'validation-failed');
      const parentId = await id('SHY-ENBEK');
      expectProblem(await api(admin).post('/units', { code: 'SHY-X', parentId }), 422, 'validation-failed');
      expectProblem(
        await api(admin).post('/units', { code: 'SHY-X', names: { ru: 'Только русский' }, parentId }),
        422,
        'validation-failed',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('names units in the compliance report’s language', async () => {
      const ast = await id('AST');
      const json = await api(hrAstana).get(`/reports/compliance?unitId=${ast}`);
      const esil = json.body.rows.find((row: { unitCode: string }) => row.unitCode === 'AST-ESIL');
      expect(esil.unitNames).toEqual({
        kk: 'Есіл ауданының полиция басқармасы',
        ru: 'Управление полиции Есильского района',
      });
      expect(json.body.unit.names.ru).toBe('Департамент полиции города Астаны');
      const csv = async (lang: string) =>
        (await api(hrAstana).get(`/reports/compliance?unitId=${ast}&format=csv&lang=${lang}`)).text;
      const ru = await csv('ru');
      expect(ru).toContain('Управление полиции Есильского района');
      expect(ru).not.toContain('Есіл ауданының полиция басқармасы');
      expect(await csv('kk')).toContain('Есіл ауданының полиция басқармасы');
    });
  });
});
