import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { contentDisposition, Ctx, Public, RequestContext, Roles } from '@lms/core';
import { ListCertificatesQuery } from '../dto/certificate.dto';
import { renderCertificatePdf } from '../services/certificate-pdf';
import { CertificateService } from '../services/certificate.service';

@ApiTags('certificates')
@Controller('certificates')
export class CertificateController {
  constructor(private readonly certificates: CertificateService) {}

  /** Public: `{ valid, status, officerName, courseTitle, issuedAt, serial, expiresAt }`; an unknown code is 200 with valid false. */
  @Get('verify/:code')
  @Public()
  @Header('Cache-Control', 'no-store')
  verify(@Param('code') code: string) {
    return this.certificates.verify(code);
  }

  @Get()
  @Roles('officer', 'hr', 'trainer')
  list(@Ctx() ctx: RequestContext, @Query() query: ListCertificatesQuery) {
    return this.certificates.list(ctx, query);
  }

  @Get(':id')
  @Roles('officer', 'hr', 'trainer')
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.certificates.get(ctx, id);
  }

  @Get(':id/pdf')
  @Roles('officer', 'hr', 'trainer')
  @ApiProduces('application/pdf')
  async pdf(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    const certificate = await this.certificates.get(ctx, id);
    const pdf = await renderCertificatePdf(certificate);
    response
      .type('application/pdf')
      .set('Content-Disposition', contentDisposition(`certificate-${certificate.serial}.pdf`))
      .set('Cache-Control', 'private, no-store')
      .send(pdf);
  }
}
