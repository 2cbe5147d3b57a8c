import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { RequestContext } from '@lms/core';
import { CSV_COLUMNS, OfficerImportService, SERVICE_TYPES } from '@lms/personnel';
import { openBenchDatabase, timed } from './bench-database';
import { createUnitTree } from './org-fixture';

const OFFICERS = 100_000;

/** Writes HR's CSV export for `count` officers spread over `units`, streamed to disk. */
async function writeCsv(file: string, count: number, units: string[], suffix = ''): Promise<void> {
  const out = createWriteStream(file);
  out.write('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n');
  for (let i = 0; i < count; i++) {
    const line = `${900000 + i},"Нұрғалиев Әділет Қайратұлы ${i}${suffix}",капитан полиции,участковый инспектор,${SERVICE_TYPES[i % SERVICE_TYPES.length]},${units[i % units.length]},active,${i % 2 ? 'kk' : 'ru'}\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function importBench(): Promise<Record<string, number | string>> {
  const db = await openBenchDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'lms-bench-csv-'));
  try {
    const units = await createUnitTree(db);
    const file = join(dir, 'officers.csv');
    await writeCsv(file, OFFICERS, units);
    const importer = db.app.get(OfficerImportService);
    const ctx = RequestContext.system();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const first = await timed(() => importer.import(ctx, createReadStream(file)));
    const again = await timed(() => importer.import(ctx, createReadStream(file)));
    await writeCsv(file, OFFICERS, units, ' (изм.)');
    const changed = await timed(() => importer.import(ctx, createReadStream(file)));
    clearInterval(sampler);
    if (
      first.result.created !== OFFICERS ||
      again.result.unchanged !== OFFICERS ||
      changed.result.updated !== OFFICERS
    ) {
      throw new Error(`unexpected counts: ${JSON.stringify([first.result, again.result, changed.result])}`);
    }
    return {
      units: units.length + 1 + 20 + 200,
      officers: OFFICERS,
      'csv size (MB)': +(statSync(file).size / 1e6).toFixed(1),
      'first import (s)': +(first.ms / 1000).toFixed(2),
      'rows/s (first import)': Math.round(OFFICERS / (first.ms / 1000)),
      're-import, all unchanged (s)': +(again.ms / 1000).toFixed(2),
      're-import, all changed (s)': +(changed.ms / 1000).toFixed(2),
      'peak RSS growth (MB)': Math.round((peakRss - rssBefore) / 1e6),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  }
}
