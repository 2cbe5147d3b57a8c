import { Readable } from 'node:stream';
import express from 'express';
import { bodyParserProblem } from './problem.filter';

/** What Express's JSON parser (body-parser) raises for a body, or undefined when it accepts it. */
async function jsonParserError(body: string, headers: Record<string, string> = {}): Promise<unknown> {
  const request = Object.assign(Readable.from([Buffer.from(body)]), {
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
  });
  return new Promise((resolve) => {
    express.json({ limit: '10b' })(request as never, {} as never, (error?: unknown) => resolve(error));
  });
}

describe('bodyParserProblem', () => {
  it('answers 400 malformed-body for JSON that does not parse', async () => {
    expect(bodyParserProblem(await jsonParserError('{"a":'))).toMatchObject({
      status: 400,
      type: '/problems/malformed-body',
    });
  });

  it('answers 413 payload-too-large for a body over the limit', async () => {
    expect(bodyParserProblem(await jsonParserError('{"a":"0123456789"}'))).toMatchObject({
      status: 413,
      type: '/problems/payload-too-large',
    });
  });

  it('answers 415 for a charset the parser cannot read', async () => {
    const error = await jsonParserError('{}', { 'content-type': 'application/json; charset=klingon' });
    expect(bodyParserProblem(error)).toMatchObject({ status: 415, type: '/problems/unsupported-media-type' });
  });

  it('leaves alone what is not a client error of a body parser', async () => {
    expect(await jsonParserError('{}')).toBeUndefined();
    expect(bodyParserProblem(new Error('database down'))).toBeNull();
    expect(bodyParserProblem({ type: 'entity.parse.failed', status: 500, expose: false })).toBeNull();
    expect(bodyParserProblem('entity.parse.failed')).toBeNull();
  });
});
