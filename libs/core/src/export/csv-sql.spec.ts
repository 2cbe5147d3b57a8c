import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { crlfCsv, sqlLiteral, withLiterals } from './csv-sql';
import { csvDialect } from './csv';

async function through(chunks: string[], header?: string[]): Promise<string> {
  const out: Buffer[] = [];
  const stream = Readable.from(chunks.map((chunk) => Buffer.from(chunk))).pipe(crlfCsv(csvDialect('en'), header));
  for await (const chunk of stream) out.push(Buffer.from(chunk));
  return Buffer.concat(out).toString();
}

describe('CSV written by PostgreSQL', () => {
  it('ends every record with CRLF and leaves a line feed inside a quoted cell as it is, across chunks', async () => {
    const copy = 'a,"x\ny"\nb,"say ""hi""\n"\nc,d\n';
    const expected = 'a,"x\ny"\r\nb,"say ""hi""\n"\r\nc,d\r\n';
    expect(await through([copy])).toBe('\uFEFF' + expected);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(copy.length), { maxLength: 5 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((x, y) => x - y);
        const chunks = [0, ...points].map((from, i) => copy.slice(from, points[i] ?? copy.length)).filter(Boolean);
        expect(await through(chunks)).toBe('\uFEFF' + expected);
      }),
    );
  });

  it('starts with the BOM and the header line', async () => {
    const text = await through(['1,2\n'], ['one', 'two']);
    expect(text).toBe('\uFEFFone,two\r\n1,2\r\n');
    expect(parse(text.slice(1))).toEqual([
      ['one', 'two'],
      ['1', '2'],
    ]);
  });

  it('writes parameters as escaped literals and refuses a stray $', () => {
    expect(withLiterals('SELECT $1, $2, $10', ['it’s', 3, 4, 5, 6, 7, 8, 9, 10, "x'); DROP TABLE unit; --"])).toBe(
      "SELECT 'it’s', 3, 'x''); DROP TABLE unit; --'",
    );
    expect(sqlLiteral(['a', 'b"c', 'd\\e'])).toBe(` E'{"a","b\\\\"c","d\\\\\\\\e"}'`);
    expect(sqlLiteral(null)).toBe('NULL');
    expect(() => withLiterals('SELECT $2', [1])).toThrow(/stray/);
    expect(() => withLiterals("SELECT '$' || $1", [1])).toThrow(/stray/);
    expect(() => sqlLiteral({})).toThrow();
  });
});
