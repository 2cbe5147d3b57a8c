import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** supertest keeps unknown types (PDF, XLSX) as streams: `.buffer(true).parse(binary)` collects the bytes. */
export const binary = (res: unknown, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * The text of a PDF as poppler's `pdftotext` reads it (`layout` keeps the
 * columns of a table on one line). Throws when pdftotext is not installed:
 * a PDF check must never pass by doing nothing (CI installs poppler-utils).
 */
export function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lms-pdf-'));
  try {
    writeFileSync(join(dir, 'file.pdf'), pdf);
    const args = [...(options.layout ? ['-layout'] : []), join(dir, 'file.pdf'), '-'];
    return execFileSync('pdftotext', args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('pdftotext is not installed (Debian: apt-get install poppler-utils); the PDF checks need it', {
        cause: error,
      });
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
