import { isUtf8 } from 'node:buffer';
import { Transform, TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { ValidationFailed } from '@lms/core';

/** The encodings HR's files come in: UTF-8, and what Excel in the Russian and Kazakh locales saves as "CSV". */
export const IMPORT_ENCODINGS = ['utf-8', 'windows-1251', 'kz-1048'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
/** An encoding, or `auto`: decided from the file's first non-ASCII bytes. */
export type ImportEncodingChoice = ImportEncoding | 'auto';

const ALIASES: Record<string, ImportEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1251': 'windows-1251',
  cp1251: 'windows-1251',
  'kz-1048': 'kz-1048',
  kz1048: 'kz-1048',
  rk1048: 'kz-1048',
  'strk1048-2002': 'kz-1048',
};

/** A charset name as a Content-Type or a form gives it; undefined when it names none of ours. */
export function importEncodingOf(name: string | undefined): ImportEncodingChoice | undefined {
  if (!name || name.trim().toLowerCase() === 'auto') return 'auto';
  return ALIASES[name.trim().toLowerCase().replace(/^"|"$/g, '')];
}

const ICONV_NAME: Record<Exclude<ImportEncoding, 'utf-8'>, string> = { 'windows-1251': 'cp1251', 'kz-1048': 'rk1048' };

/**
 * Bytes where KZ-1048 has a Kazakh letter (Қ Һ Ұ Ә Ө Ғ Ү Ң and their small
 * letters) and Windows-1251 a Serbian, Macedonian or Ukrainian one: in a
 * personnel list from Kazakhstan they mean KZ-1048.
 */
const KAZAKH_ONLY = new Set([
  0x8d, 0x8e, 0x9d, 0x9e, 0xa1, 0xa2, 0xa3, 0xa5, 0xaa, 0xaf, 0xb4, 0xba, 0xbc, 0xbd, 0xbe, 0xbf,
]);
/** Control characters no text file holds (tab, LF and CR are text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The encoding a non-ASCII piece of a file is in: UTF-8 if it is valid UTF-8, else a Cyrillic code page. */
export function detectEncoding(bytes: Buffer): ImportEncoding {
  if (isUtf8(bytes.subarray(0, completeUtf8Length(bytes)))) return 'utf-8';
  return bytes.some((b) => KAZAKH_ONLY.has(b)) ? 'kz-1048' : 'windows-1251';
}

/** How many leading bytes end on a character boundary (a sequence cut at the end is left for the next piece). */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

function countLines(bytes: Buffer, end = bytes.length): number {
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) lines++;
  return lines;
}

/** The file is not text in the encoding: 422, as an import with a bad line is. */
export class UndecodableImport extends ValidationFailed {
  constructor(line: number, encoding: ImportEncoding) {
    super(
      `The file is not text in ${encoding} (line ${line}); save it as CSV in UTF-8 or Windows-1251; nothing was imported`,
      [{ line, field: 'file', message: `line ${line} holds bytes that are not text in ${encoding}` }],
      'officer-import-rejected',
    );
    Object.assign(this.extra, { created: 0, updated: 0, unchanged: 0, errorCount: 1, encoding });
  }
}

/**
 * Turns the uploaded bytes into UTF-8 as they stream: in the chosen encoding,
 * or (auto) in the one the first non-ASCII bytes show (while the file is
 * ASCII every encoding reads it the same). A byte that is no text in that
 * encoding (invalid UTF-8, a code page's hole, a control character) fails
 * the stream with `UndecodableImport`, naming the line.
 */
export class CsvDecoder extends Transform {
  private chosen: ImportEncoding | null;
  private line = 1;
  private pending: Buffer = Buffer.alloc(0);
  private started = false;

  constructor(choice: ImportEncodingChoice) {
    super();
    this.chosen = choice === 'auto' ? null : choice;
  }

  /** The encoding the file was read in (UTF-8 for a file that was all ASCII). */
  get encoding(): ImportEncoding {
    return this.chosen ?? 'utf-8';
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      let bytes: Buffer = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
      this.pending = Buffer.alloc(0);
      if (!this.started) {
        if (bytes.length < BOM.length && BOM.subarray(0, bytes.length).equals(bytes)) {
          this.pending = bytes;
          return done();
        }
        this.started = true;
        if (bytes.subarray(0, 3).equals(BOM)) {
          // The byte order mark says UTF-8 whatever was chosen: Excel writes it only there.
          this.chosen = 'utf-8';
          bytes = bytes.subarray(3);
        }
      }
      if (this.chosen === null && bytes.some((b) => b >= 0x80)) this.chosen = detectEncoding(bytes);
      done(null, this.decode(bytes, false));
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.pending.length ? this.decode(this.pending, true) : undefined);
    } catch (error) {
      done(error as Error);
    }
  }

  private decode(bytes: Buffer, last: boolean): Buffer {
    let text: string;
    if (this.encoding === 'utf-8') {
      const complete = last ? bytes.length : completeUtf8Length(bytes);
      this.pending = Buffer.from(bytes.subarray(complete));
      bytes = bytes.subarray(0, complete);
      if (!isUtf8(bytes)) throw new UndecodableImport(this.line + this.firstBadLine(bytes), 'utf-8');
      text = bytes.toString('utf8');
    } else {
      text = iconv.decode(bytes, ICONV_NAME[this.encoding]);
    }
    const bad = CONTROL.exec(text);
    if (bad) throw new UndecodableImport(this.line + countNewlines(text.slice(0, bad.index)), this.encoding);
    this.line += countLines(bytes);
    return Buffer.from(text, 'utf8');
  }

  /** Lines before the first one that is not valid UTF-8 (only looked for once the piece failed). */
  private firstBadLine(bytes: Buffer): number {
    let start = 0;
    let line = 0;
    for (let end = bytes.indexOf(0x0a); ; end = bytes.indexOf(0x0a, start)) {
      const stop = end === -1 ? bytes.length : end;
      if (!isUtf8(bytes.subarray(start, stop))) return line;
      if (end === -1) return line;
      start = end + 1;
      line++;
    }
  }
}

function countNewlines(text: string): number {
  return text.split('\n').length - 1;
}
