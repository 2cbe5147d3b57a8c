import { Get, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toString as qrSvg } from 'qrcode';
import { CertificateService, renderCertificatePdf } from '@lms/certificates';
import { APP_CONFIG, AppConfig, contentDisposition, Ctx, RequestContext, Roles } from '@lms/core';
import { Page, WebController } from '../http/page.decorators';
import { verificationUrl } from './verify.controller';

/** The officer's certificates: each with its PDF, its verification link and that link's QR code. */
@WebController()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('me/certificates')
  @Roles('officer')
  @Page('officer/certificates', 'certificates.title')
  async list(@Ctx() ctx: RequestContext, @Req() request: Request) {
    const officerId = ctx.actor?.officerId;
    if (!officerId) return { certificates: [] };
    const { items } = await this.certificates.list(ctx, { officerId, limit: 500, offset: 0 });
    const certificates = await Promise.all(
      items.map(async (certificate) => {
        const url = verificationUrl(request, certificate.verificationCode);
        // An SVG drawn by the qrcode package from our own URL: paths only, no script, no style.
        const qr = await qrSvg(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        return { ...certificate, url, qr };
      }),
    );
    return { certificates };
  }

  @Get('me/certificates/:id/pdf')
  @Roles('officer')
  async pdf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    const certificate = await this.certificates.get(ctx, id);
    const pdf = await renderCertificatePdf(certificate, this.config.publicUrl);
    response
      .type('application/pdf')
      .set('Content-Disposition', contentDisposition(`certificate-${certificate.serial}.pdf`))
      .set('Cache-Control', 'private, no-store')
      .send(pdf);
  }
}
