import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthErrors } from './auth.errors';
import { AuthService } from './auth.service';
import {
  type AuthenticatedRequest,
  IS_PUBLIC,
  ONE_TIME_PASSWORD_KEY,
  ROLES_KEY,
  SESSION_COOKIE_KEY,
} from './decorators';
import { bearerTokenOf, sessionTokenOf } from './session-cookie';
import type { Role } from './roles';

/**
 * Every route needs a valid bearer token unless marked @Public(); @Roles() narrows it further. GET routes marked
 * @AcceptsSessionCookie() also take the web interface's session cookie. A user who signed in with a one-time
 * password reaches only the routes marked @AllowedBeforePasswordChange() until they change it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal) {
      const cookieAccepted =
        request.method === 'GET' && this.reflector.getAllAndOverride<boolean>(SESSION_COOKIE_KEY, targets);
      const token = bearerTokenOf(request) ?? (cookieAccepted ? sessionTokenOf(request) : undefined);
      if (!token) throw AuthErrors.unauthenticated();
      request.principal = await this.auth.verify(token);
    }
    if (
      request.principal.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ONE_TIME_PASSWORD_KEY, targets)
    )
      throw AuthErrors.passwordChangeRequired();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.principal.role)) throw AuthErrors.forbiddenRole();
    return true;
  }
}
