import { Body, Controller, Get, Ip, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { userAgentOf } from '../auth/auth.controller';
import { AuthService } from '../auth/auth.service';
import { Public } from '../auth/decorators';
import { readCookie, sessionTokenOf } from '../auth/session-cookie';
import { DomainError } from '../common/errors';
import { mapError } from '../common/http-exception.filter';
import { RateLimit } from '../common/rate-limit';
import { AppConfig } from '../config/config';
import { type FormBody, one } from './web-form';
import { anonymousContext } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';
import { localPath, page, seeOther } from './web-response';
import { WebErrors } from './web-session.guard';
import { LANG_COOKIE, LOGIN_COOKIE, WebSessionService } from './web-session.service';
import { emptyForm, type FormState } from './views/components.view';
import { loginPage } from './views/login.view';

const NONCE = /^[A-Za-z0-9_-]{32}$/;

/** Signing in and out, and the language switch: the only pages without a session. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller()
export class AuthPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: WebSessionService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  root(@Res({ passthrough: true }) reply: FastifyReply) {
    void reply.status(302).header('location', '/app');
    return '';
  }

  @Get('app/login')
  login(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('next') next?: string,
  ) {
    return this.renderLogin(request, reply, emptyForm(), localPath(next), 200);
  }

  @Post('app/login')
  @RateLimit('signIn')
  async signIn(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: FormBody,
    @Ip() ip: string,
  ) {
    const form = body && typeof body === 'object' ? body : {};
    const nonce = readCookie(request.headers.cookie, LOGIN_COOKIE);
    if (!this.sessions.validLoginCsrf(nonce, form._csrf)) throw WebErrors.csrf();
    const email = one(form, 'email') ?? '';
    const password = typeof form.password === 'string' ? form.password : '';
    const next = localPath(one(form, 'next'));
    const ctx = anonymousContext(request);
    if (!email || !password) {
      const errors: Record<string, string[]> = {};
      if (!email) errors.email = [ctx.m.fieldRequired];
      if (!password) errors.password = [ctx.m.fieldRequired];
      return this.renderLogin(request, reply, { values: { email }, errors }, next, 400);
    }
    try {
      const session = await this.auth.login(email.slice(0, 254), password.slice(0, 256), {
        ip,
        userAgent: userAgentOf(request),
      });
      void reply.header('set-cookie', [
        this.sessions.sessionCookie(session.accessToken, this.config.env.JWT_TTL_SECONDS),
        this.sessions.cookie(LOGIN_COOKIE, '', 0),
        this.sessions.cookie(LANG_COOKIE, session.user.locale, 365 * 86400),
      ]);
      return seeOther(reply, session.mustChangePassword ? '/app/account' : next);
    } catch (error) {
      const mapped = mapError(error);
      if (mapped.status !== 401 && mapped.status !== 429) throw error;
      const message = mapped.status === 429 ? ctx.m.tooManyAttempts : ctx.m.invalidCredentials;
      const retry = error instanceof DomainError ? error.details?.retryAfterSeconds : undefined;
      if (mapped.status === 429)
        void reply.header('retry-after', String(typeof retry === 'number' ? retry : 60));
      return this.renderLogin(
        request,
        reply,
        { values: { email }, errors: {}, message },
        next,
        mapped.status,
      );
    }
  }

  @Get('app/lang/:locale')
  language(
    @Param('locale') locale: string,
    @Query('next') next: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (locale === 'vi' || locale === 'en')
      void reply.header('set-cookie', this.sessions.cookie(LANG_COOKIE, locale, 365 * 86400));
    return seeOther(reply, localPath(next));
  }

  @Post('app/logout')
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: FormBody,
  ) {
    // Signing out needs the session's CSRF token too, so that another site cannot sign a user out.
    const token = sessionTokenOf(request);
    const form = body && typeof body === 'object' ? body : {};
    if (token && !this.sessions.validCsrf(token, request.headers['x-csrf-token'] ?? form._csrf))
      throw WebErrors.csrf();
    // The session ends on the server, not only in this browser: a copy of the cookie is worthless afterwards.
    if (token) {
      try {
        await this.auth.logout(await this.auth.verify(token));
      } catch (error) {
        if (mapError(error).status !== 401) throw error;
      }
    }
    void reply.header('set-cookie', this.sessions.clearSessionCookie());
    return seeOther(reply, '/app/login');
  }

  private renderLogin(
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    next: string,
    status: number,
  ): string {
    const existing = readCookie(request.headers.cookie, LOGIN_COOKIE);
    const nonce = existing && NONCE.test(existing) ? existing : this.sessions.newLoginNonce();
    if (nonce !== existing) void reply.header('set-cookie', this.sessions.cookie(LOGIN_COOKIE, nonce, 3600));
    const ctx = { ...anonymousContext(request), csrf: this.sessions.loginCsrfFor(nonce) };
    return page(reply, loginPage(ctx, form, next), status);
  }
}
