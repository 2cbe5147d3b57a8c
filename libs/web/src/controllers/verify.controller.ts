import { Get, Param, Query, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { CertificateService, VERIFY_PATH } from '@lms/certificates';
import { Public } from '@lms/core';
import { PageContext } from '../http/page-context';
import { Page, WebController } from '../http/page.decorators';
import { PageCtx } from '../http/page-params';

/** Where a certificate's QR code points: this page, at the address the officer reached us by. */
export function verificationUrl(request: Request, code: string): string {
  return `${request.protocol}://${request.get('host')}${VERIFY_PATH}${code}`;
}

/** Verification attempts per address per minute: enough for people, too few to try codes at scale. */
export const VERIFY_LIMIT = { default: { limit: 30, ttl: 60_000 } };

/**
 * Public certificate verification: valid, expired or unknown, showing only
 * what the certificate states. Rate-limited per address.
 */
@WebController()
@UseGuards(ThrottlerGuard)
@Throttle(VERIFY_LIMIT)
export class VerifyController {
  constructor(private readonly certificates: CertificateService) {}

  /** A form to type a code into (or follow `?code=` to its page). */
  @Get('verify')
  @Public()
  @Page('pages/verify', 'verify.title')
  async form(@Query('code') code: string | undefined) {
    if (typeof code === 'string' && code.trim()) return this.verify(code);
    return { code: '', result: null };
  }

  @Get('verify/:code')
  @Public()
  @Page('pages/verify', 'verify.title')
  async page(@Param('code') code: string, @PageCtx() _page: PageContext) {
    return this.verify(code);
  }

  private async verify(code: string) {
    const result = await this.certificates.verify(code.slice(0, 64));
    return { code: code.slice(0, 64), result };
  }
}
