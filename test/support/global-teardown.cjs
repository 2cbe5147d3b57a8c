const { rmSync } = require('node:fs');
const { scanLogs } = require('./log-scan.cjs');

module.exports = async function globalTeardown() {
  await stopServer();
  const dir = process.env.LMS_TEST_LOG_DIR;
  if (!dir) return;
  const { files, lines, passwords, leaks } = scanLogs(dir);
  process.stdout.write(
    `\nlog scan: ${lines} lines from ${files} application logs, checked for tokens, ${passwords} known passwords, ` +
      `second-factor secrets and forged lines: ${leaks.length} found\n`,
  );
  if (leaks.length)
    throw new Error(`secrets or forged lines in the logs (kept in ${dir}):\n${leaks.slice(0, 50).join('\n')}`);
  rmSync(dir, { recursive: true, force: true });
};

async function stopServer() {
  const child = globalThis.__lmsTestServer;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.on('exit', resolve);
    child.stdin.end();
  });
}
