import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { readCookie } from '../auth/session-cookie';
import { type Locale, MESSAGES, type Messages } from './i18n';
import { LANG_COOKIE } from './web-session.service';

/** What every page needs to know about the request: who, in which language, and the CSRF token for its forms. */
export interface PageContext {
  locale: Locale;
  m: Messages;
  /** The current path and query, for the language switch to come back to. */
  path: string;
  csrf?: string;
  user?: { principal: Principal; organizationName: string; roleLabel: string };
}

export interface WebContext extends PageContext {
  principal: Principal;
  csrf: string;
  user: NonNullable<PageContext['user']>;
}

export type WebRequest = FastifyRequest & { principal?: Principal; web?: WebContext };

export function localeOf(request: FastifyRequest, principal?: Principal): Locale {
  const chosen = readCookie(request.headers.cookie, LANG_COOKIE);
  if (chosen === 'vi' || chosen === 'en') return chosen;
  return principal?.locale ?? 'vi';
}

export function anonymousContext(request: FastifyRequest): PageContext {
  const locale = localeOf(request);
  return { locale, m: MESSAGES[locale], path: request.url };
}

/** The signed-in context the web guard put on the request. */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): WebContext => {
  const web = ctx.switchToHttp().getRequest<WebRequest>().web;
  if (!web) throw new Error('Ctx used on a route without the web session guard');
  return web;
});
