import { Body, Controller, Get, Param, ParseEnumPipe, Put, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AuditService, Ctx, PageQuery, RequestContext, Role, ROLES, Roles, TransactionHost } from '@lms/core';
import { RolePolicyDto } from '../dto/user.dto';
import { AccessDenied } from '../identity.errors';

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
    private readonly tx: TransactionHost,
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
  async policies(@Query() page: PageQuery) {
    const { rows, total } = await this.tx.page<{ role: Role; mfaRequired: boolean }>({
      from: 'role_policy',
      select: 'SELECT role, mfa_required AS "mfaRequired" FROM role_policy',
      where: 'TRUE',
      orderBy: 'role',
      params: [],
      page,
    });
    return { items: rows, total, limit: page.limit, offset: page.offset };
  }

  /** Whether holders of a role must use a second factor. */
  @Put('role-policies/:role')
  @Roles('admin')
  async setPolicy(
    @Ctx() ctx: RequestContext,
    @Param('role', new ParseEnumPipe(Object.fromEntries(ROLES.map((r) => [r, r])))) role: Role,
    @Body() dto: RolePolicyDto,
  ) {
    // A national policy: only an admin of the whole tree (a grant at a root unit) may change it.
    if (!ctx.isNational()) throw new AccessDenied();
    return this.tx.withTransaction(async () => {
      await this.tx.query(
        `INSERT INTO role_policy (role, mfa_required) VALUES ($1, $2)
         ON CONFLICT (role) DO UPDATE SET mfa_required = EXCLUDED.mfa_required`,
        [role, dto.mfaRequired],
      );
      await this.audit.record(ctx, {
        action: 'role-policy.update',
        entityType: 'role_policy',
        entityId: role,
        after: dto,
      });
      return { role, mfaRequired: dto.mfaRequired };
    });
  }
}
