import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { enrollmentExportSql } from '@lms/reports';
import { startBenchApi } from './bench-api';
import { openBenchDatabase, timed } from './bench-database';
import { createUnitTree } from './org-fixture';
import { createEnrolments, createOfficers } from './report.bench';

/**
 * The report bench's national data set (100,000 officers, 1.2 million
 * enrolments), exported whole as CSV over HTTP by a national HR user, with
 * the process's RSS sampled every 50 ms (the API runs in this process), and
 * `COPY (the same statement) TO STDOUT` through psql in the same run.
 */
export async function exportBench(): Promise<Record<string, number | string>> {
  const db = await openBenchDatabase();
  try {
    await createUnitTree(db);
    await createOfficers(db);
    const [root] = await db.sql<{ id: string; path: string }>(`SELECT id, path FROM unit WHERE code = 'B'`);
    const [order] = await db.sql<{ id: string }>(
      `INSERT INTO ministry_order (number, date, title, unit_id) VALUES ('B-1', current_date, 'Bench order', $1) RETURNING id`,
      [root.id],
    );
    await createEnrolments(db, order.id);
    await db.sql('VACUUM ANALYZE');
    // The second factor is not asked here (a bench has no phone).
    await db.sql('UPDATE role_policy SET mfa_required = false');
    const api = await startBenchApi(db, { username: 'bench.hr', grant: { role: 'hr', unitId: root.id } });
    try {
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
      const csv = await timed(async () => {
        const res = await fetch(`${api.base}/reports/enrollments?format=csv&lang=ru`, {
          headers: { authorization: `Bearer ${api.token}` },
        });
        if (res.status !== 200) throw new Error(`CSV: ${res.status} ${await res.text()}`);
        let bytes = 0;
        let lines = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.byteLength;
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
        }
        return { bytes, rows: lines - 1 };
      });
      clearInterval(sampler);
      const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
      const sql = enrollmentExportSql('u.path LIKE $2')
        .replace(/\$1/g, literal('ru'))
        .replace(/\$2/g, literal(root.path + '%'))
        .replace(/\s+/g, ' ');
      const copy = await timed(() =>
        promisify(execFile)('psql', [db.url, '-q', '-c', `\\copy (${sql}) TO '/dev/null' WITH (FORMAT csv)`], {
          maxBuffer: 1 << 20,
        }),
      );
      const rowsPerSecond = csv.result.rows / (csv.ms / 1000);
      const copyPerSecond = csv.result.rows / (copy.ms / 1000);
      return {
        'rows exported': csv.result.rows,
        'CSV size (MB)': +(csv.result.bytes / 1048576).toFixed(1),
        'CSV over HTTP (s)': +(csv.ms / 1000).toFixed(1),
        'CSV rows/s': Math.round(rowsPerSecond),
        'RSS before / peak during export (MB)': `${Math.round(rssBefore / 1048576)} / ${Math.round(rssPeak / 1048576)}`,
        'COPY (same query) TO STDOUT via psql (s)': +(copy.ms / 1000).toFixed(1),
        'COPY rows/s': Math.round(copyPerSecond),
        'CSV time / COPY time': +(csv.ms / copy.ms).toFixed(2),
      };
    } finally {
      await api.close();
    }
  } finally {
    await db.close();
  }
}
