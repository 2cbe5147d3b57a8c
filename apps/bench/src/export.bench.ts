import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { enrollmentCsvSql } from '@lms/reports';
import { withLiterals } from '@lms/core';
import { forkBenchApi } from './bench-api';
import { openBenchDatabase, timed } from './bench-database';
import { createUnitTree } from './org-fixture';
import { createEnrolments, createOfficers } from './report.bench';

/** A process's resident set in bytes (Linux), read from /proc. */
function residentBytes(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) * 1024 : 0;
}

/** A process's CPU time (user and system) in seconds (Linux, 100 ticks a second), read from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/**
 * The report bench's national data set (100,000 officers, 1.2 million
 * enrolments), exported whole as CSV over HTTP by a national HR user from the
 * API in a child process, with that process's RSS (and this reader's) sampled
 * every 50 ms, and `COPY (the same statement) TO STDOUT` through psql in the
 * same run.
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
    const api = await forkBenchApi(db, { username: 'bench.hr', grant: { role: 'hr', unitId: root.id } });
    try {
      const apiPid = api.process.pid!;
      const rssBefore = residentBytes(apiPid);
      let rssPeak = rssBefore;
      let readerPeak = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, residentBytes(apiPid));
        readerPeak = Math.max(readerPeak, process.memoryUsage().rss);
      }, 50);
      const loadBefore = loadavg()[0];
      const cpuBefore = cpuSeconds(apiPid);
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
      const loadAfter = loadavg()[0];
      const apiCpu = cpuSeconds(apiPid) - cpuBefore;
      // The export's own COPY statement, with the export's parameters, written by psql to /dev/null.
      const sql = withLiterals(enrollmentCsvSql('u.path LIKE $2'), ['ru', root.path + '%']).replace(/\s+/g, ' ');
      const copy = await timed(() =>
        promisify(execFile)(
          'psql',
          [db.url, '-q', '-c', `\\copy (${sql}) TO '/dev/null' WITH (FORMAT csv, DELIMITER ';')`],
          {
            maxBuffer: 1 << 20,
          },
        ),
      );
      const rowsPerSecond = csv.result.rows / (csv.ms / 1000);
      const copyPerSecond = csv.result.rows / (copy.ms / 1000);
      return {
        'rows exported': csv.result.rows,
        'CSV size (MB)': +(csv.result.bytes / 1048576).toFixed(1),
        'CSV over HTTP (s)': +(csv.ms / 1000).toFixed(1),
        'CSV rows/s': Math.round(rowsPerSecond),
        // The API's own CPU time does not grow with the machine's load as the wall-clock time does.
        'API CPU time (s)': +apiCpu.toFixed(1),
        'rows per API CPU second': Math.round(csv.result.rows / apiCpu),
        'API RSS before / peak (MB)': `${mb(rssBefore)} / ${mb(rssPeak)}`,
        'reader RSS peak (MB)': mb(readerPeak),
        'load average before / after': `${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)}`,
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
