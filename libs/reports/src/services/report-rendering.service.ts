import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Language, TransactionHost } from '@lms/core';
import type { RenderingFormat } from '../entities/report-rendering.entity';

export interface StoredFile {
  content: Buffer;
  sha256: string;
}

/** A stored file as verification reports it: does it still hash to what was recorded? */
export interface FileCheck {
  format: RenderingFormat;
  language: Language;
  sha256: string;
  verified: boolean;
  createdAt: Date;
}

/**
 * The files of frozen reports (`report_rendering`, append-only): the first
 * download of a format and language renders the file and keeps its bytes and
 * SHA-256; every later download is those bytes. Two first downloads at once
 * both render, one row wins (`ON CONFLICT DO NOTHING`), both serve the winner.
 */
@Injectable()
export class ReportRenderingService {
  constructor(private readonly tx: TransactionHost) {}

  async file(
    snapshotId: string,
    format: RenderingFormat,
    language: Language,
    render: () => Promise<Buffer>,
  ): Promise<StoredFile> {
    const stored = await this.stored(snapshotId, format, language);
    if (stored) return stored;
    const content = await render();
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.tx.query(
      `INSERT INTO report_rendering (snapshot_id, format, language, content, sha256) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (snapshot_id, format, language) DO NOTHING`,
      [snapshotId, format, language, content, sha256],
    );
    return (await this.stored(snapshotId, format, language))!;
  }

  /** Every stored file of a snapshot, each re-hashed in the database and compared with its record. */
  async check(snapshotId: string): Promise<FileCheck[]> {
    return this.tx.query<FileCheck>(
      `SELECT format, language, sha256, encode(sha256(content), 'hex') = sha256 AS verified, created_at AS "createdAt"
       FROM report_rendering WHERE snapshot_id = $1 ORDER BY format, language`,
      [snapshotId],
    );
  }

  private async stored(snapshotId: string, format: string, language: string): Promise<StoredFile | undefined> {
    const [row] = await this.tx.query<StoredFile>(
      `SELECT content, sha256 FROM report_rendering WHERE snapshot_id = $1 AND format = $2 AND language = $3`,
      [snapshotId, format, language],
    );
    return row;
  }
}
