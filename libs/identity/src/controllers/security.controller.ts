import { Body, Controller, Get, Param, ParseEnumPipe, Put, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AuditService, Ctx, PageQuery, RequestContext, Role, ROLES, Roles } from '@lms/core';
import { RolePolicyDto } from '../dto/user.dto';
import { RolePolicyService } from '../services/role-policy.service';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) entityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @ApiPropertyOptional() @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

@ApiTags('security')
@Controller()
export class SecurityController {
  constructor(
    private readonly audit: AuditService,
    private readonly policies: RolePolicyService,
  ) {}

  /**
   * The audit trail: admins see their subtree, HR the events filed under theirs;
   * an admin of the whole tree (a grant at a root unit) also the events filed under no unit.
   */
  @Get('audit')
  @Roles('hr')
  list(@Ctx() ctx: RequestContext, @Query() query: AuditQuery) {
    return this.audit.list(ctx.subtrees('hr'), query, ctx.isNational());
  }

  @Get('role-policies')
  @Roles('admin')
  listPolicies() {
    return this.policies.list();
  }

  /** Whether holders of a role must use a second factor. */
  @Put('role-policies/:role')
  @Roles('admin')
  setPolicy(
    @Ctx() ctx: RequestContext,
    @Param('role', new ParseEnumPipe(Object.fromEntries(ROLES.map((r) => [r, r])))) role: Role,
    @Body() dto: RolePolicyDto,
  ) {
    return this.policies.set(ctx, role, dto.mfaRequired);
  }
}
