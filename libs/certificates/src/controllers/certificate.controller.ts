import { Controller, Get, Header, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiDownload,
  APP_CONFIG,
  AppConfig,
  ApiProblems,
  contentDisposition,
  Ctx,
  PageOf,
  Public,
  RequestContext,
  Roles,
} from '@lms/core';
import { ListCertificatesQuery } from '../dto/certificate.dto';
import { CertificateView, Verification } from '../dto/certificate.response';
import { renderCertificatePdf } from '../services/certificate-pdf';
import { CertificateService } from '../services/certificate.service';

@ApiTags('certificates')
@ApiProblems('Certificates', [])
@Controller('certificates')
export class CertificateController {
  constructor(
    private readonly certificates: CertificateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('verify/:code')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Verify a certificate',
    description:
      'Public, without signing in. Codes are read in any case, with or without hyphens. An unknown or malformed code also answers 200, with `valid: false` and `status: unknown`; an expired certificate shows its details with `status: expired`.',
  })
  @ApiOkResponse({ type: Verification })
  verify(@Param('code') code: string) {
    return this.certificates.verify(code);
  }

  @Get()
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({
    summary: 'List certificates',
    description: 'An officer’s own, or those of officers in your subtrees; by officer or course.',
  })
  @ApiOkResponse({ type: PageOf(CertificateView) })
  list(@Ctx() ctx: RequestContext, @Query() query: ListCertificatesQuery) {
    return this.certificates.list(ctx, query);
  }

  @Get(':id')
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({ summary: 'Read a certificate', description: 'One certificate you may see; otherwise 404.' })
  @ApiOkResponse({ type: CertificateView })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.certificates.get(ctx, id);
  }

  @Get(':id/pdf')
  @Roles('officer', 'hr', 'trainer')
  @ApiOperation({
    summary: 'Download a certificate',
    description:
      'The one-page certificate in Kazakh and Russian, with serial, dates, verification code, the full verification address (under `PUBLIC_URL`) and its QR code, and a signature block.',
  })
  @ApiDownload({ description: 'The certificate', mediaTypes: ['application/pdf'] })
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
