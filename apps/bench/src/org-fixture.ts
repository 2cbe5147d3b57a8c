import { BenchDatabase } from './bench-database';

/**
 * A ministry of `regions` regions × `districts` districts × `sections`
 * sections, inserted set-based; returns the section codes (where officers sit).
 */
export async function createUnitTree(db: BenchDatabase, regions = 20, districts = 10, sections = 9): Promise<string[]> {
  await db.sql(`
    WITH root AS (SELECT gen_random_uuid() AS id)
    INSERT INTO unit (id, code, name, parent_id, path) SELECT id, 'B', 'Bench ministry', NULL, '/' || id || '/' FROM root`);
  const level = async (parentPattern: string, count: number) =>
    db.sql(
      `WITH parents AS (SELECT id, code, path FROM unit WHERE code ~ $1),
            fresh AS (SELECT gen_random_uuid() AS id, p.code || '-' || n AS code, p.id AS parent_id, p.path
                      FROM parents p, generate_series(1, $2) n)
       INSERT INTO unit (id, code, name, parent_id, path)
       SELECT id, code, 'Unit ' || code, parent_id, path || id || '/' FROM fresh`,
      [parentPattern, count],
    );
  await level('^B$', regions);
  await level('^B-\\d+$', districts);
  await level('^B-\\d+-\\d+$', sections);
  const rows = await db.sql<{ code: string }>(`SELECT code FROM unit WHERE code ~ '^B-\\d+-\\d+-\\d+$' ORDER BY code`);
  return rows.map((row) => row.code);
}
