import { Body, Controller, Get, Ip, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountPasswordsService } from '../auth/account-passwords.service';
import { AllowedBeforePasswordChange, Public } from '../auth/decorators';
import { SessionsService } from '../auth/sessions.service';
import { DomainError } from '../common/errors';
import { RateLimit } from '../common/rate-limit';
import type { Locale, Messages } from './i18n';
import { Ctx, anonymousContext, type WebContext } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';
import { asForm, type FormBody, refusal } from './web-form';
import { page, seeOther } from './web-response';
import { WebPages } from './web-session.guard';
import { emptyForm, type FormState } from './views/components.view';
import { accountPage, resetPasswordPage } from './views/account.view';

/** The new password twice; problems of the policy (in the page's language) next to the field. */
function newPasswordOf(form: FormBody, m: Messages): { value?: string; errors: Record<string, string[]> } {
  const value = typeof form.newPassword === 'string' ? form.newPassword : '';
  const confirm = typeof form.confirmPassword === 'string' ? form.confirmPassword : '';
  if (!value) return { errors: { newPassword: [m.fieldRequired] } };
  if (value !== confirm) return { errors: { confirmPassword: [m.passwordsDiffer] } };
  return { value, errors: {} };
}

/** A refusal of a password service as the form shows it. */
function passwordRefusal(error: unknown, m: Messages, locale: Locale): { status: number; form: FormState } {
  if (error instanceof DomainError && error.code === 'AUTH.WEAK_PASSWORD') {
    const field = (error.details?.fields as { problems: string[]; problemsVi: string[] }[])[0];
    return {
      status: 400,
      form: { values: {}, errors: { newPassword: locale === 'vi' ? field.problemsVi : field.problems } },
    };
  }
  if (error instanceof DomainError && error.code === 'AUTH.WRONG_PASSWORD')
    return { status: 400, form: { values: {}, errors: { currentPassword: [m.wrongCurrentPassword] } } };
  return refusal(error, m, locale, {});
}

/** The signed-in user's own account: change the password (forced after a one-time one), end other sessions. */
@WebPages()
@AllowedBeforePasswordChange()
@Controller('app/account')
export class AccountPagesController {
  constructor(
    private readonly passwords: AccountPasswordsService,
    private readonly sessions: SessionsService,
  ) {}

  private async render(ctx: WebContext, reply: FastifyReply, form: FormState, status = 200, changed = false) {
    const sessions = await this.sessions.list(ctx.principal.userId, ctx.principal.sessionId);
    const forced = !!ctx.principal.mustChangePassword;
    return page(reply, accountPage(ctx, form, { forced, changed, sessions }), status);
  }

  @Get()
  account(
    @Ctx() ctx: WebContext,
    @Query('changed') changed: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.render(ctx, reply, emptyForm(), 200, changed === '1');
  }

  @Post('password')
  async changePassword(
    @Ctx() ctx: WebContext,
    @Body() body: unknown,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const current = typeof form.currentPassword === 'string' ? form.currentPassword : '';
    const next = newPasswordOf(form, ctx.m);
    const errors = { ...next.errors, ...(current ? {} : { currentPassword: [ctx.m.fieldRequired] }) };
    if (Object.keys(errors).length > 0) return this.render(ctx, reply, { values: {}, errors }, 400);
    try {
      await this.passwords.changeOwn(ctx.principal, current.slice(0, 256), next.value!, ip);
      return seeOther(reply, '/app/account?changed=1');
    } catch (error) {
      const failure = passwordRefusal(error, ctx.m, ctx.locale);
      if (failure.status === 429) {
        const retry = (error as DomainError).details?.retryAfterSeconds;
        void reply.header('retry-after', String(typeof retry === 'number' ? retry : 60));
      }
      return this.render(ctx, reply, failure.form, failure.status);
    }
  }

  @Post('sessions/revocation')
  async signOutOthers(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.revokeOthers(ctx.principal.userId, ctx.principal.sessionId);
    return seeOther(reply, '/app/account');
  }
}

/**
 * The page of a one-time reset link: no session (the link's token is the credential, and another site cannot
 * know it, so the form needs no CSRF token of its own).
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller('app/password-reset')
export class PasswordResetPagesController {
  constructor(private readonly passwords: AccountPasswordsService) {}

  @Get(':token')
  async form(
    @Req() request: FastifyRequest,
    @Param('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const ctx = anonymousContext(request);
    try {
      const { email } = await this.passwords.inspectReset(token);
      return page(reply, resetPasswordPage(ctx, emptyForm(), { token, email }));
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'AUTH.RESET_LINK_INVALID') throw error;
      return page(reply, resetPasswordPage(ctx, emptyForm(), { token, invalid: true }), 400);
    }
  }

  @Post(':token')
  @RateLimit('signIn')
  async reset(
    @Req() request: FastifyRequest,
    @Param('token') token: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const ctx = anonymousContext(request);
    const next = newPasswordOf(asForm(body), ctx.m);
    let email: string;
    try {
      email = (await this.passwords.inspectReset(token)).email;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'AUTH.RESET_LINK_INVALID') throw error;
      return page(reply, resetPasswordPage(ctx, emptyForm(), { token, invalid: true }), 400);
    }
    if (!next.value)
      return page(reply, resetPasswordPage(ctx, { values: {}, errors: next.errors }, { token, email }), 400);
    try {
      await this.passwords.reset(token, next.value);
      return page(reply, resetPasswordPage(ctx, emptyForm(), { token, done: true }));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'AUTH.RESET_LINK_INVALID')
        return page(reply, resetPasswordPage(ctx, emptyForm(), { token, invalid: true }), 400);
      const failure = passwordRefusal(error, ctx.m, ctx.locale);
      return page(reply, resetPasswordPage(ctx, failure.form, { token, email }), failure.status);
    }
  }
}
