// Jest global setup: builds the code (so that the template database is always
// made from the sources the specs run against, never from a stale dist/), then
// starts the test database server (dist/test/support/test-server.js) as a child
// process and hands its address to the test files.
const { execSync, spawn } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');

module.exports = async function globalSetup() {
  // swc builds everything in about two seconds: cheaper than deciding whether it is needed.
  execSync('npm run -s build && npm run -s build:test-support', { cwd: root, stdio: 'inherit' });
  const child = spawn(process.execPath, [resolve(root, 'dist/test/support/test-server.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: process.env,
  });
  const line = await new Promise((resolveLine, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end >= 0) resolveLine(buffer.slice(0, end));
    });
    child.on('exit', (code) => reject(new Error(`test database server exited with ${code}`)));
  });
  const { serverUrl, template } = JSON.parse(line);
  process.env.LMS_TEST_SERVER_URL = serverUrl;
  process.env.LMS_TEST_TEMPLATE = template;
  globalThis.__lmsTestServer = child;
  // Every line the test applications log goes here; the global teardown scans them for secrets.
  process.env.LMS_TEST_LOG_DIR = mkdtempSync(join(tmpdir(), 'lms-test-logs-'));
};
