// Scans the log lines the test applications wrote over a run for secrets:
// signed tokens, passwords used by the tests and the demo, second-factor
// secrets and recovery codes, and lines that are not one JSON record each
// (a CR or LF from user input that started a forged line).
const { readdirSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');

/** Every password literal in the tests, their support code and the demo accounts. */
function knownPasswords() {
  const files = [
    ...['test/e2e', 'test/support'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(root, dir, f)),
    ),
    join(root, 'libs/demo/src/demo.seeder.ts'),
  ];
  const found = new Set();
  const pattern = /(?:password|PASSWORD|passphrase)\w*['"]?\s*[:=]\s*'([^'\n]{8,})'/g;
  for (const file of files)
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) if (!match[1].includes('$')) found.add(match[1]);
  return [...found];
}

const SECRET_PATTERNS = [
  ['a signed token (JWT)', /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/],
  ['an otpauth:// URI', /otpauth:\/\//i],
  [
    'a secret-named field',
    /"(password|newPassword|currentPassword|accessToken|totpSecret|secret|recoveryCodes?|otpauthUrl)"\s*:/,
  ],
  ['a TOTP secret (base32)', /\b[A-Z2-7]{32}\b/],
];

function scanLogs(dir) {
  const passwords = knownPasswords();
  const leaks = [];
  let lines = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    files++;
    const text = readFileSync(join(dir, name), 'utf8');
    for (const [i, line] of text.split('\n').entries()) {
      if (!line) continue;
      lines++;
      const where = `${name}:${i + 1}`;
      try {
        const record = JSON.parse(line);
        if (typeof record !== 'object' || record === null || typeof record.level !== 'number')
          leaks.push(`${where}: not a log record: ${line.slice(0, 200)}`);
      } catch {
        leaks.push(`${where}: not one JSON record (a forged or broken line): ${line.slice(0, 200)}`);
      }
      for (const [what, pattern] of SECRET_PATTERNS)
        if (pattern.test(line)) leaks.push(`${where}: ${what}: ${line.slice(0, 300)}`);
      for (const password of passwords)
        if (line.includes(password)) leaks.push(`${where}: the password "${password}": ${line.slice(0, 300)}`);
    }
  }
  return { files, lines, passwords: passwords.length, leaks };
}

module.exports = { scanLogs, knownPasswords };
