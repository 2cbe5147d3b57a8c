import 'reflect-metadata';
import { assignBench } from './assign.bench';
import { httpBench } from './http.bench';
import { importBench } from './import.bench';
import { reportBench } from './report.bench';
import { exportBench } from './export.bench';

/** `--name value` options after the benchmark names. */
function parseArguments(args: string[]): { names: string[]; options: Map<string, string> } {
  const names: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) options.set(args[i].slice(2), args[++i] ?? '');
    else names.push(args[i]);
  }
  return { names, options };
}

const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').filter(Boolean);

/** `npm run bench -- <name> [--duration s] ...`: runs one benchmark (or all) and prints its figures. */
async function main(): Promise<void> {
  const { names, options } = parseArguments(process.argv.slice(2));
  const duration = Number(options.get('duration') ?? 30);
  if (!Number.isInteger(duration) || duration < 1) throw new Error('--duration takes whole seconds');
  const only = options.get('only');
  /** What `--only` narrows, per benchmark; each ignores the values of the others. */
  const onlyOf = { report: ['compliance', 'documents'], http: ['listing', 'mix'] } as const;
  const onlyFor = <T extends string>(values: readonly T[]) => values.find((value) => value === only);
  const benches: Record<string, () => Promise<Record<string, number | string>>> = {
    import: importBench,
    assign: assignBench,
    report: () => reportBench({ only: onlyFor(onlyOf.report) }),
    export: exportBench,
    http: () =>
      httpBench({
        duration,
        data: list(options.get('data'), 'national,demo'),
        connections: list(options.get('connections'), '20,100').map(Number),
        processes: list(options.get('processes'), '1,2').map(Number),
        only: onlyFor(onlyOf.http),
      }),
  };
  const known: readonly string[] = [...onlyOf.report, ...onlyOf.http];
  if (only !== undefined && !known.includes(only))
    throw new Error(`--only takes ${onlyOf.report.join(' or ')} (report), ${onlyOf.http.join(' or ')} (http)`);
  const selected = names.length ? names : Object.keys(benches);
  for (const name of selected) {
    const bench = benches[name];
    if (!bench) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(benches).join(', ')}`);
    process.stdout.write(`\n## ${name}\n`);
    const figures = await bench();
    for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key.padEnd(34)} ${value}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
