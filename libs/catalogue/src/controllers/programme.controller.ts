import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, contentDisposition, Ctx, PageQuery, RequestContext, Roles } from '@lms/core';
import { CreateProgrammeDto, UpdateProgrammeDto } from '../dto/programme.dto';
import { AttachmentService } from '../services/attachment.service';
import { ProgrammeService } from '../services/programme.service';

@ApiTags('catalogue')
@Controller()
export class ProgrammeController {
  constructor(
    private readonly programmes: ProgrammeService,
    private readonly attachments: AttachmentService,
  ) {}

  @Get('programmes')
  @AnyRole()
  list(@Ctx() ctx: RequestContext, @Query() query: PageQuery) {
    return this.programmes.list(ctx, query);
  }

  @Get('programmes/:id')
  @AnyRole()
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.programmes.get(ctx, id);
  }

  @Post('programmes')
  @Roles('trainer')
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateProgrammeDto) {
    return this.programmes.create(ctx, dto);
  }

  @Patch('programmes/:id')
  @Roles('trainer')
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateProgrammeDto) {
    return this.programmes.update(ctx, id, dto);
  }

  /** A lesson file; served as a download so nothing in it runs in the browser. */
  @Get('attachments/:id')
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
