import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, contentDisposition, Ctx, RequestContext } from '@lms/core';
import { AttachmentService } from '../services/attachment.service';

@ApiTags('catalogue')
@Controller('attachments')
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  /** A lesson file; served as a download so nothing in it runs in the browser. */
  @Get(':id')
  @AnyRole()
  async download(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    const file = await this.attachments.download(ctx, id);
    response
      .type(file.contentType)
      .set('Content-Disposition', contentDisposition(file.fileName))
      .set('Content-Security-Policy', "default-src 'none'")
      .send(file.data);
  }
}
