import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { schemaDrift, withMigratedDatabase } from '@lms/core';
import { SCHEMA } from '@lms/platform';
import { withScratchDatabase } from '../scratch-database';

async function onMigratedScratch<T>(serverUrl: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  return withScratchDatabase(serverUrl, (url) => withMigratedDatabase(url, SCHEMA, work));
}

/** Fails when the entities need SQL that the migrations do not contain. */
export async function checkSchema(serverUrl: string): Promise<number> {
  const drift = await onMigratedScratch(serverUrl, schemaDrift);
  if (drift.length === 0) {
    process.stdout.write('schema: the migrations match the entities\n');
    return 0;
  }
  process.stdout.write(
    `schema drift: the entities need ${drift.length} statement(s) not in any migration:\n${drift.join(';\n')};\n`,
  );
  return 1;
}

/** Writes migrations/<timestamp>-<Name>.ts from the drift and lists it in migrations/index.ts. */
export async function generateMigration(serverUrl: string, name: string, root: string): Promise<number> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    process.stderr.write('usage: npm run migration:generate -- <PascalCaseName>\n');
    return 2;
  }
  const sql = await onMigratedScratch(serverUrl, (dataSource) => dataSource.driver.createSchemaBuilder().log());
  if (sql.upQueries.length === 0) {
    process.stdout.write('nothing to generate: the migrations match the entities\n');
    return 0;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const literal = (sql: string) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const line = (q: { query: string; parameters?: unknown[] }) =>
    `    await runner.query(${literal(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
  const file = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(runner: QueryRunner): Promise<void> {
${sql.upQueries.map(line).join('\n')}
  }

  async down(runner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(line).join('\n')}
  }
}
`;
  const fileName = `${timestamp}-${name}`;
  writeFileSync(join(root, 'migrations', `${fileName}.ts`), file);
  const indexPath = join(root, 'migrations', 'index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/((?:^import .*\n)+)/m, `$1import { ${className} } from './${fileName}';\n`)
    .replace(
      /= \[([^\]]*)\];/,
      (_m, list: string) => `= [${list.trim() ? list.trim().replace(/,?$/, ',') + ' ' : ''}${className}];`,
    );
  writeFileSync(indexPath, index);
  process.stdout.write(`wrote migrations/${fileName}.ts (${sql.upQueries.length} statements)\n`);
  return 0;
}
