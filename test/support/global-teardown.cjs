module.exports = async function globalTeardown() {
  const child = globalThis.__lmsTestServer;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.on('exit', resolve);
    child.stdin.end();
  });
};
