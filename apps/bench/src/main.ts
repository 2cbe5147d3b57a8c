import 'reflect-metadata';
import { assignBench } from './assign.bench';
import { importBench } from './import.bench';
import { reportBench } from './report.bench';

/** `npm run bench -- <name>`: runs one benchmark (or all) and prints its figures. */
const BENCHES: Record<string, () => Promise<Record<string, number | string>>> = {
  import: importBench,
  assign: assignBench,
  report: reportBench,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const selected = names.length ? names : Object.keys(BENCHES);
  for (const name of selected) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
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
