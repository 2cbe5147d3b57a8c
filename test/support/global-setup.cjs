// Jest global setup: starts the test database server (dist/test/support/test-server.js,
// compiled by `npm test`) as a child process and hands its address to the test files.
const { spawn } = require('node:child_process');
const { resolve } = require('node:path');

module.exports = async function globalSetup() {
  const child = spawn(process.execPath, [resolve(__dirname, '../../dist/test/support/test-server.js')], {
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
};
