import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, oneLine, PinoLoggerService, requestLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { root: pino({ level: 'info' }, stream), lines };
}

describe('PinoLoggerService', () => {
  it('writes Nest messages with their context', () => {
    const { root, lines } = capture();
    new PinoLoggerService(root).log('demo data loaded', 'Demo');
    expect(lines).toEqual([expect.objectContaining({ level: 30, context: 'Demo', msg: 'demo data loaded' })]);
  });

  it("keeps Nest's own start-up narration out of the info log", () => {
    const { root, lines } = capture();
    const logger = new PinoLoggerService(root);
    logger.log('Mapped {/api/v1/units, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(lines).toEqual([]);
  });

  it('carries the request id of the request being served', () => {
    const { root, lines } = capture();
    const logger = new PinoLoggerService(root);
    requestLogger.run(root.child({ reqId: 'r-42' }), () => logger.warn('slow query', 'Reports'));
    expect(lines[0]).toMatchObject({ level: 40, reqId: 'r-42', context: 'Reports', msg: 'slow query' });
  });

  it('logs an error with its stack', () => {
    const { root, lines } = capture();
    new PinoLoggerService(root).error('boom', 'Error: boom\n    at x.js:1', 'ProblemFilter');
    expect(lines[0]).toMatchObject({
      level: 50,
      context: 'ProblemFilter',
      msg: 'boom',
      stack: 'Error: boom\n    at x.js:1',
    });
  });
});

describe('createLogger', () => {
  it('writes one line per record: CR and LF in a message cannot start a forged line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lms-log-')), 'app.log');
    const logger = createLogger({ logLevel: 'info', logFormat: 'json' }, 1, file);
    new PinoLoggerService(logger).warn('sign-in refused for admin\r\n{"level":30,"msg":"forged"}\u2028x', 'Auth');
    logger.info('a\nb');
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: 'sign-in refused for admin\\u000d\\u000a{"level":30,"msg":"forged"}\\u2028x',
    });
    expect(oneLine('a\r\nb')).toBe('a\\u000d\\u000ab');
  });
});
