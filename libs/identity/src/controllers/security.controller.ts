import { Body, Controller, Get, Param, ParseEnumPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  ApiProblems,
  AuditService,
  AuditView,
  Ctx,
  PageOf,
  PageQuery,
  RequestContext,
  Role,
  ROLES,
  Roles,
} from '@lms/core';
import { RolePolicyDto } from '../dto/user.dto';
import { RolePolicyView } from '../dto/user.response';
import { IdentityProblem } from '../identity.errors';
import { RolePolicyService } from '../services/role-policy.service';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) entityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ description: 'An action (`unit.create`) or its family (`unit`)', example: 'unit' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  action?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @ApiPropertyOptional() @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

@ApiTags('security')
@ApiProblems('Identity', Object.values(IdentityProblem))
@Controller()
export class SecurityController {
  constructor(
    private readonly audit: AuditService,
    private readonly policies: RolePolicyService,
  ) {}

  @Get('audit')
  @Roles('hr')
  @ApiOperation({
    summary: 'Read the audit trail',
    description:
      'Events newest first, by entity, actor or period: admins see their subtree, HR the events filed under theirs; an admin of the whole tree (a grant at a root unit) also the events filed under no unit.',
  })
  @ApiOkResponse({ type: PageOf(AuditView) })
  list(@Ctx() ctx: RequestContext, @Query() query: AuditQuery) {
    return this.audit.list(ctx.subtrees('hr'), query, ctx.isNational());
  }

  @Get('role-policies')
  @Roles('admin')
  @ApiOperation({
    summary: 'List role policies',
    description: 'For each role, whether its holders need a second factor.',
  })
  @ApiOkResponse({ type: PageOf(RolePolicyView) })
  listPolicies(@Query() page: PageQuery) {
    return this.policies.list(page);
  }

  @Put('role-policies/:role')
  @Roles('admin')
  @ApiOperation({
    summary: 'Set a role policy',
    description: 'Whether holders of a role must use a second factor; only an admin of the whole tree may change it.',
  })
  @ApiParam({ name: 'role', enum: ROLES })
  @ApiOkResponse({ type: RolePolicyView })
  setPolicy(
    @Ctx() ctx: RequestContext,
    @Param('role', new ParseEnumPipe(Object.fromEntries(ROLES.map((r) => [r, r])))) role: Role,
    @Body() dto: RolePolicyDto,
  ) {
    return this.policies.set(ctx, role, dto.mfaRequired);
  }
}
