import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, ApiDownload, ApiProblems, contentDisposition, Ctx, RequestContext } from '@lms/core';
import { CatalogueProblem } from '../catalogue.errors';
import { ATTACHMENT_TYPES, AttachmentService } from '../services/attachment.service';

@ApiTags('catalogue')
@ApiProblems('Catalogue', Object.values(CatalogueProblem))
@Controller('attachments')
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  @Get(':id')
  @AnyRole()
  @ApiOperation({
    summary: 'Download a lesson file',
    description: 'Served as a download, never inline, so nothing in it runs in the browser.',
  })
  @ApiDownload({ description: 'The file as uploaded', mediaTypes: ATTACHMENT_TYPES })
  async download(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response) {
    const file = await this.attachments.download(ctx, id);
    response
      .type(file.contentType)
      .set('Content-Disposition', contentDisposition(file.fileName))
      .set('Content-Security-Policy', "default-src 'none'")
      .send(file.data);
  }
}
