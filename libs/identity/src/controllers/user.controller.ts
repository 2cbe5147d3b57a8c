import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { contentDisposition, Ctx, RequestContext, Roles } from '@lms/core';
import { CreateUserDto, ListUsersQuery, OfficerAccountsDto, UpdateUserDto } from '../dto/user.dto';
import { OfficerAccountService } from '../services/officer-account.service';
import { UserService } from '../services/user.service';

@ApiTags('users')
@Controller()
export class UserController {
  constructor(
    private readonly users: UserService,
    private readonly officerAccounts: OfficerAccountService,
  ) {}

  @Post('users')
  @Roles('admin')
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto) {
    return this.users.create(ctx, dto);
  }

  @Get('users')
  @Roles('admin')
  list(@Ctx() ctx: RequestContext, @Query() query: ListUsersQuery) {
    return this.users.list(ctx, query);
  }

  @Get('users/:id')
  @Roles('admin')
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(ctx, id);
  }

  @Patch('users/:id')
  @Roles('admin')
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(ctx, id, dto);
  }

  /** One officer's account; the initial password is shown this once. */
  @Post('officers/:id/account')
  @Roles('hr')
  createOfficerAccount(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.officerAccounts.createOne(ctx, id);
  }

  /** Accounts for every officer of a subtree without one, returned once as CSV. */
  @Post('officer-accounts')
  @Roles('hr')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', contentDisposition('officer-accounts.csv'))
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  createOfficerAccounts(@Ctx() ctx: RequestContext, @Body() dto: OfficerAccountsDto) {
    return this.officerAccounts.createForSubtree(ctx, dto.unitId);
  }
}
