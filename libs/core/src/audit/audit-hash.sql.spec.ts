import { createHash, createHmac } from 'node:crypto';
import { chainKeyPads } from './audit-hash.sql';

describe('chainKeyPads', () => {
  it('gives the blocks from which two SHA-256 passes make RFC 2104 HMAC-SHA256', () => {
    const key = createHash('sha256').update('a key kept outside the database').digest();
    const { inner, outer } = chainKeyPads(key);
    const message = Buffer.from('prev|id|2026-11-30T00:00:00.000000Z|…', 'utf8');
    const innerHash = createHash('sha256')
      .update(Buffer.concat([inner, message]))
      .digest();
    const hmac = createHash('sha256')
      .update(Buffer.concat([outer, innerHash]))
      .digest('hex');
    expect(hmac).toBe(createHmac('sha256', key).update(message).digest('hex'));
  });

  it('refuses a key longer than a block', () => {
    expect(() => chainKeyPads(Buffer.alloc(65))).toThrow(/at most 64 bytes/);
  });
});
