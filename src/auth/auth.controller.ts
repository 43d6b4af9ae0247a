import { Body, Controller, HttpCode, Ip, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RateLimit } from '../common/rate-limit';
import { AccountPasswordsService } from './account-passwords.service';
import { LoginDto, ResetPasswordDto } from './auth.dto';
import { AuthService } from './auth.service';
import { AllowedBeforePasswordChange, CurrentUser, Public } from './decorators';
import type { Principal } from './principal';

export const userAgentOf = (request: FastifyRequest): string | undefined => {
  const value = request.headers['user-agent'];
  return typeof value === 'string' ? value : undefined;
};

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: AccountPasswordsService,
  ) {}

  @Public()
  @RateLimit('signIn')
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in: a bearer token for a new session (rate-limited; mustChangePassword says the password must be changed first)',
  })
  login(@Body() body: LoginDto, @Ip() ip: string, @Req() request: FastifyRequest) {
    return this.auth.login(body.email, body.password, { ip, userAgent: userAgentOf(request) });
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'Sign out: the session of this token ends at once, on every replica' })
  async logout(@CurrentUser() user: Principal): Promise<void> {
    await this.auth.logout(user);
  }

  @Public()
  @RateLimit('signIn')
  @Post('password-reset')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with a one-time reset link; every session of the account ends',
  })
  async reset(@Body() body: ResetPasswordDto): Promise<void> {
    await this.passwords.reset(body.token, body.newPassword);
  }
}
