import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

/**
 * Lints small files dropped into the libraries with the project's own ESLint
 * configuration (the CLI, as `npm run lint` runs it), and returns the rules
 * that each file broke.
 */
function lint(files: Record<string, string>): Record<string, string[]> {
  const paths = Object.keys(files).map((file) => join(ROOT, file));
  try {
    Object.entries(files).forEach(([file, text]) => writeFileSync(join(ROOT, file), text));
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--no-warn-ignored', ...paths],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    if (!run.stdout) throw new Error(`eslint did not run: ${run.stderr}`);
    const results = JSON.parse(run.stdout) as EslintResult[];
    return Object.fromEntries(
      results.map((r) => [r.filePath.slice(ROOT.length + 1), r.messages.map((m) => m.ruleId ?? m.message)]),
    );
  } finally {
    paths.forEach((path) => rmSync(path, { force: true }));
  }
}

describe('the layers between libraries', () => {
  jest.setTimeout(120_000);

  it('refuses wrong-way imports and deep imports, and allows the declared direction', () => {
    const tag = `layers-fixture-${process.pid}`;
    const fixture = (lib: string) => `libs/${lib}/src/${tag}.ts`;
    const use = (what: string, from: string) => `import { ${what} } from '${from}';\nexport const used = [${what}];\n`;
    const broken = lint({
      [fixture('core')]: use('UnitService', '@lms/personnel'),
      [fixture('catalogue')]: use('EnrollmentService', '@lms/assignments'),
      [fixture('demo')]: use('ComplianceService', '@lms/reports'),
      [fixture('assessments')]: use('UnitService', '@lms/personnel/services/unit.service'),
      [fixture('seminars')]: use('EnrollmentService', '@lms/assignments'),
    });
    expect(broken).toEqual({
      [fixture('core')]: ['boundaries/dependencies'],
      [fixture('catalogue')]: ['boundaries/dependencies'],
      [fixture('demo')]: ['boundaries/dependencies'],
      [fixture('assessments')]: expect.arrayContaining(['no-restricted-imports']),
      [fixture('seminars')]: [],
    });
  });
});
