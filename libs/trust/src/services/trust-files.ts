import { Injectable } from '@nestjs/common';
import type { Language } from '@lms/core';
import type { TrustReport } from '../dto/trust-report.dto';

export type TrustFileFormat = 'xlsx' | 'pdf';

/** A rendered file of the trust report: its bytes, media type and name. */
export interface TrustFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export type TrustFileRenderer = (
  report: TrustReport,
  format: TrustFileFormat,
  language: Language,
) => Promise<TrustFile>;

/**
 * Lets the layer that may use both this library and the reports library's
 * table renderers (the web library, with the trust labels) render the trust
 * report as XLSX or PDF for `GET /reports/trust`, without trust depending on
 * reports.
 */
@Injectable()
export class TrustFiles {
  private renderer: TrustFileRenderer | null = null;

  provide(renderer: TrustFileRenderer): void {
    this.renderer = renderer;
  }

  /** Null when no renderer was registered (an app without the web library). */
  async render(report: TrustReport, format: TrustFileFormat, language: Language): Promise<TrustFile | null> {
    return this.renderer ? this.renderer(report, format, language) : null;
  }
}
