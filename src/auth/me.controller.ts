import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/params';
import { AccountPasswordsService } from './account-passwords.service';
import { ChangePasswordDto } from './auth.dto';
import { AllowedBeforePasswordChange, CurrentUser } from './decorators';
import type { Principal } from './principal';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

/** The caller's own account: who they are, their password, their sessions. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly passwords: AccountPasswordsService,
  ) {}

  @Get()
  @AllowedBeforePasswordChange()
  async me(@CurrentUser() user: Principal) {
    return this.users.view(await this.users.get(user.userId));
  }

  @Post('password')
  @HttpCode(200)
  @AllowedBeforePasswordChange()
  @ApiOperation({
    summary: 'Change your password (the current one is required); your other sessions end, this one goes on',
  })
  changePassword(@CurrentUser() user: Principal, @Body() body: ChangePasswordDto, @Ip() ip: string) {
    return this.passwords.changeOwn(user, body.currentPassword, body.newPassword, ip);
  }

  @Get('sessions')
  @ApiOperation({ summary: 'Your live sessions (where and when they started); `current` is this one' })
  listSessions(@CurrentUser() user: Principal) {
    return this.sessions.list(user.userId, user.sessionId);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of your sessions' })
  async revokeSession(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string): Promise<void> {
    await this.sessions.revokeOwn(user.userId, id);
  }

  @Post('sessions/revocation')
  @HttpCode(200)
  @ApiOperation({ summary: 'End every session of yours but this one' })
  revokeOthers(@CurrentUser() user: Principal) {
    return this.sessions.revokeOthers(user.userId, user.sessionId);
  }
}
