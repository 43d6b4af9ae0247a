import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';
import type { Role } from './roles';

export const IS_PUBLIC = 'thidua:public';
export const ROLES_KEY = 'thidua:roles';
export const SESSION_COOKIE_KEY = 'thidua:session-cookie';
export const ONE_TIME_PASSWORD_KEY = 'thidua:one-time-password-ok';

/** The route needs no token (health, metrics, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * A GET route a browser opens directly (the inbox stream, a download): it also accepts the web session cookie.
 * Only reads: a cookie is sent by the browser on its own, so a route that changes something must not accept it.
 */
export const AcceptsSessionCookie = () => SetMetadata(SESSION_COOKIE_KEY, true);

/**
 * The route stays open to a user who signed in with a one-time password and has not changed it yet (everything
 * else answers 403 AUTH.PASSWORD_CHANGE_REQUIRED until then).
 */
export const AllowedBeforePasswordChange = () => SetMetadata(ONE_TIME_PASSWORD_KEY, true);

/** Only these roles may call the route (others get 403); scope checks happen in the services. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentUser used on a public route');
  return principal;
});
