import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/config';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AccountPasswordsService } from './account-passwords.service';
import { AdminBootstrap } from './admin-bootstrap.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { resolveJwtSecret } from './jwt-secret';
import { LoginThrottle } from './login-throttle.service';
import { MeController } from './me.controller';
import { SessionsService } from './sessions.service';
import { UserAdminService } from './user-admin.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [
    OrganizationsModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: resolveJwtSecret(config),
        signOptions: { algorithm: 'HS256', issuer: 'thidua' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'thidua' },
      }),
    }),
  ],
  controllers: [AuthController, MeController, UsersController],
  providers: [
    AuthService,
    UsersService,
    UserAdminService,
    SessionsService,
    AccountPasswordsService,
    LoginThrottle,
    AdminBootstrap,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, UsersService, UserAdminService, SessionsService, AccountPasswordsService],
})
export class AuthModule {}
