import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiDownload, ApiProblems, contentDisposition, Ctx, PageOf, RequestContext, Roles } from '@lms/core';
import { ContactDto, CreateUserDto, ListUsersQuery, OfficerAccountsDto, UpdateUserDto } from '../dto/user.dto';
import { ContactView, IssuedAccount, UserView } from '../dto/user.response';
import { IdentityProblem } from '../identity.errors';
import { ContactService } from '../services/contact.service';
import { OfficerAccountService } from '../services/officer-account.service';
import { UserService } from '../services/user.service';

@ApiTags('users')
@ApiProblems('Identity', Object.values(IdentityProblem))
@Controller()
export class UserController {
  constructor(
    private readonly users: UserService,
    private readonly officerAccounts: OfficerAccountService,
    private readonly contacts: ContactService,
  ) {}

  @Post('users')
  @Roles('admin')
  @ApiOperation({
    summary: 'Create a user',
    description: 'A login with roles, each held for a unit of your subtree; optionally linked to a personnel record.',
  })
  @ApiCreatedResponse({ type: UserView })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUserDto) {
    return this.users.create(ctx, dto);
  }

  @Get('users')
  @Roles('admin')
  @ApiOperation({
    summary: 'List users',
    description: 'Users holding a role within your subtrees, by part of the username or the name shown, or by role.',
  })
  @ApiOkResponse({ type: PageOf(UserView) })
  list(@Ctx() ctx: RequestContext, @Query() query: ListUsersQuery) {
    return this.users.list(ctx, query);
  }

  @Get('users/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Read a user', description: 'One user with their roles; outside your subtrees: 404.' })
  @ApiOkResponse({ type: UserView })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(ctx, id);
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change a user',
    description:
      'Replace the roles within your units, disable, set a new initial password or reset the second factor; disabling, a new password or a reset ends the user’s tokens.',
  })
  @ApiOkResponse({ type: UserView })
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(ctx, id, dto);
  }

  @Put('users/:id/contact')
  @Roles('hr')
  @ApiOperation({
    summary: "Set a user's e-mail address and language",
    description: 'HR: accounts of officers in its subtree; admins: any account in theirs. Outside scope: 404.',
  })
  @ApiOkResponse({ type: ContactView })
  contact(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ContactDto,
  ): Promise<ContactView> {
    return this.contacts.updateFor(ctx, id, dto);
  }

  @Post('officers/:id/account')
  @Roles('hr')
  @ApiOperation({
    summary: 'Create an officer’s account',
    description: 'The username is the personnel number; the initial password is shown this once. Has one: 409.',
  })
  @ApiCreatedResponse({ type: IssuedAccount })
  createOfficerAccount(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.officerAccounts.createOne(ctx, id);
  }

  @Post('officer-accounts')
  @Roles('hr')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', contentDisposition('officer-accounts.csv'))
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Create accounts for a subtree',
    description:
      'Accounts for every officer of the subtree who is not dismissed and has none, returned once as CSV (personnel number, name, username, initial password).',
  })
  @ApiDownload({ status: 201, description: 'The new accounts, as CSV', mediaTypes: ['text/csv'] })
  createOfficerAccounts(@Ctx() ctx: RequestContext, @Body() dto: OfficerAccountsDto) {
    return this.officerAccounts.createForSubtree(ctx, dto.unitId);
  }
}
