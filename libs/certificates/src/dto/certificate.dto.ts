import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@lms/core';

export class ListCertificatesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() officerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() courseId?: string;
}
