import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/params';
import { AccountPasswordsService } from './account-passwords.service';
import { CreateUserDto, ListUsersQuery, RevokeSessionsDto, UpdateUserDto } from './auth.dto';
import { CurrentUser, Roles } from './decorators';
import type { Principal } from './principal';
import { UserAdminService } from './user-admin.service';
import { UsersService } from './users.service';

/** Accounts, for administrators; every act is recorded in the audit log. */
@ApiTags('auth')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly admin: UserAdminService,
    private readonly passwords: AccountPasswordsService,
  ) {}

  @Get()
  list(@Query() query: ListUsersQuery) {
    return this.users.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a user; a generated password is returned once and must be changed at the first sign-in',
  })
  create(@CurrentUser() actor: Principal, @Body() body: CreateUserDto) {
    return this.users.create(body, actor);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Lock or unlock, change role, organisation or name; locking and a role or organisation change need a reason and end the sessions',
  })
  update(@CurrentUser() actor: Principal, @Param('id', UuidParam) id: string, @Body() body: UpdateUserDto) {
    return this.admin.update(actor, id, body);
  }

  @Post(':id/sessions/revocation')
  @HttpCode(200)
  @ApiOperation({ summary: 'End every session of the account' })
  revokeSessions(
    @CurrentUser() actor: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: RevokeSessionsDto,
  ) {
    return this.admin.revokeSessions(actor, id, body.reason);
  }

  @Post(':id/password-reset')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Issue a one-time password reset link (24 h): e-mailed when SMTP is configured, otherwise returned once',
  })
  issueReset(@CurrentUser() actor: Principal, @Param('id', UuidParam) id: string) {
    return this.passwords.issueReset(actor, id);
  }
}
