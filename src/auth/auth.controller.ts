import { Body, Controller, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { UuidParam } from '../common/params';
import { CreateUserDto, ListUsersQuery, LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser, Public, Roles } from './decorators';
import type { Principal } from './principal';
import { UsersService } from './users.service';

class SetActiveDto {
  @ApiProperty()
  @IsBoolean()
  active!: boolean;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: a bearer token for the API (rate-limited)' })
  login(@Body() body: LoginDto, @Ip() ip: string) {
    return this.auth.login(body.email, body.password, ip);
  }

  @Get('me')
  @ApiBearerAuth()
  async me(@CurrentUser() user: Principal) {
    return this.users.view(await this.users.get(user.userId));
  }

  @Get('users')
  @ApiBearerAuth()
  @Roles('ADMIN')
  list(@Query() query: ListUsersQuery) {
    return this.users.list(query);
  }

  @Post('users')
  @ApiBearerAuth()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Create a user; a generated password is returned once' })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Patch('users/:id')
  @ApiBearerAuth()
  @Roles('ADMIN')
  setActive(@Param('id', UuidParam) id: string, @Body() body: SetActiveDto) {
    return this.users.setActive(id, body.active);
  }
}
