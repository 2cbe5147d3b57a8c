import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });

  it('writes dates as ISO instants and leaves out undefined properties', () => {
    expect(canonicalJson({ at: new Date('2026-06-30T19:00:00Z'), gone: undefined })).toBe(
      '{"at":"2026-06-30T19:00:00.000Z"}',
    );
  });

  it('keeps Kazakh text as it is and numbers as JSON writes them', () => {
    expect(canonicalJson({ name: 'Әуезов ауданы', rate: 66.7, n: 12 })).toBe(
      '{"n":12,"name":"Әуезов ауданы","rate":66.7}',
    );
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });

  it('hashes the UTF-8 bytes', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('Қ')).toBe(createHash('sha256').update(Buffer.from('Қ', 'utf8')).digest('hex'));
  });
});
