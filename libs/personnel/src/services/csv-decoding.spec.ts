import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { CsvDecoder, detectEncoding, importEncodingOf, ImportEncodingChoice, UndecodableImport } from './csv-decoding';

async function decode(choice: ImportEncodingChoice, ...chunks: Buffer[]) {
  const decoder = new CsvDecoder(choice);
  const parts: Buffer[] = [];
  for await (const part of Readable.from(chunks).pipe(decoder)) parts.push(part as Buffer);
  return { text: Buffer.concat(parts).toString('utf8'), encoding: decoder.encoding };
}

const NAMES = 'personnel_number;full_name\nKZ-1;Иванов Пётр\nKZ-2;Серікұлы Әлия\n';

describe('CsvDecoder', () => {
  it('reads UTF-8 with and without its byte order mark, whatever the chunks cut', async () => {
    const bytes = Buffer.from(NAMES, 'utf8');
    const cuts = [1, 2, 3, 17, 18, 19].map((at) => [bytes.subarray(0, at), bytes.subarray(at)]);
    for (const chunks of cuts) expect(await decode('auto', ...chunks)).toEqual({ text: NAMES, encoding: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    expect(await decode('auto', bom.subarray(0, 2), bom.subarray(2))).toEqual({ text: NAMES, encoding: 'utf-8' });
    expect((await decode('windows-1251', bom)).text).toBe(NAMES);
  });

  it('detects Windows-1251 from the first non-ASCII bytes, after any number of ASCII chunks', async () => {
    const russian = 'personnel_number;full_name\nKZ-1;Иванов Пётр Сергеевич\n';
    const bytes = iconv.encode(russian, 'cp1251');
    expect(await decode('auto', bytes.subarray(0, 20), bytes.subarray(20))).toEqual({
      text: russian,
      encoding: 'windows-1251',
    });
  });

  it('detects KZ-1048 by the Kazakh letters Windows-1251 lacks, and reads it when chosen', async () => {
    const bytes = iconv.encode(NAMES, 'rk1048');
    expect(await decode('auto', bytes)).toEqual({ text: NAMES, encoding: 'kz-1048' });
    expect((await decode('kz-1048', bytes)).text).toBe(NAMES);
  });

  it('refuses bytes that are no text in the encoding, naming the line', async () => {
    const invalidUtf8 = Buffer.concat([Buffer.from('a\nb\n'), Buffer.from([0xd0, 0x41]), Buffer.from('\n')]);
    await expect(decode('utf-8', invalidUtf8)).rejects.toMatchObject({
      errors: [{ line: 3, field: 'file' }],
    });
    const hole = Buffer.concat([Buffer.from('a\n'), Buffer.from([0xc0, 0x98])]);
    await expect(decode('windows-1251', hole)).rejects.toBeInstanceOf(UndecodableImport);
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]);
    await expect(decode('auto', binary)).rejects.toMatchObject({ errors: [{ line: 1 }] });
  });

  it('reads charset names as HTTP and forms give them', () => {
    expect(importEncodingOf(undefined)).toBe('auto');
    expect(importEncodingOf('CP1251')).toBe('windows-1251');
    expect(importEncodingOf('"utf-8"')).toBe('utf-8');
    expect(importEncodingOf('RK1048')).toBe('kz-1048');
    expect(importEncodingOf('latin1')).toBeUndefined();
    expect(detectEncoding(Buffer.from('Әлия', 'utf8'))).toBe('utf-8');
  });
});
