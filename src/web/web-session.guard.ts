import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthErrors } from '../auth/auth.errors';
import { ONE_TIME_PASSWORD_KEY, Public } from '../auth/decorators';
import { Reflector } from '@nestjs/core';
import { AuthService } from '../auth/auth.service';
import { ROLE_LABELS } from '../auth/roles';
import { sessionTokenOf } from '../auth/session-cookie';
import { DomainError } from '../common/errors';
import { OrganizationsService } from '../organizations/organizations.service';
import { MESSAGES, pick } from './i18n';
import { localeOf, type WebRequest } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';
import { WebSessionService } from './web-session.service';

const MULTIPART_CSRF = 'thidua:web:multipart-csrf';

/**
 * The route reads a multipart body: its CSRF token is a form field that only the handler can read (before the
 * file, and before it changes anything: see `assertMultipartCsrf`).
 */
export const CsrfInMultipart = () => SetMetadata(MULTIPART_CSRF, true);

export const WebErrors = {
  signInRequired: () => new DomainError('unauthenticated', 'WEB.SIGN_IN_REQUIRED', 'Sign in to continue'),
  csrf: () =>
    new DomainError(
      'forbidden',
      'WEB.CSRF_INVALID',
      'The form token is missing or invalid; nothing was changed',
    ),
};

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Authenticates the web pages by the session cookie (the API keeps its bearer tokens) and requires the CSRF token
 * on every request that may change something: the `x-csrf-token` header (htmx) or the `_csrf` form field.
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly sessions: WebSessionService,
    private readonly organizations: OrganizationsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WebRequest>();
    const token = sessionTokenOf(request);
    if (!token) throw WebErrors.signInRequired();
    const principal = await this.auth.verify(token);
    request.principal = principal;
    const targets = [context.getHandler(), context.getClass()];
    // After a one-time password, only the account page (to change it) until it is changed.
    if (
      principal.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ONE_TIME_PASSWORD_KEY, targets)
    )
      throw AuthErrors.passwordChangeRequired();
    if (!SAFE_METHODS.has(request.method)) {
      const deferred =
        request.isMultipart() && this.reflector.getAllAndOverride<boolean>(MULTIPART_CSRF, targets);
      const body = request.body as Record<string, unknown> | undefined;
      const given =
        request.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined);
      if (!deferred && !this.sessions.validCsrf(token, given)) throw WebErrors.csrf();
    }
    const locale = localeOf(request, principal);
    const organization = await this.organizations.view(principal.organizationId);
    request.web = {
      principal,
      locale,
      m: MESSAGES[locale],
      path: request.url,
      csrf: this.sessions.csrfFor(token),
      user: {
        principal,
        organizationName: pick(organization, locale),
        roleLabel: ROLE_LABELS[principal.role][locale],
      },
    };
    return true;
  }
}

/** For multipart routes: the `_csrf` field must come before the file and match the session. */
export function assertMultipartCsrf(
  sessions: WebSessionService,
  request: WebRequest,
  fields: Record<string, unknown>,
): void {
  const field = fields._csrf as { type?: string; value?: unknown } | undefined;
  const given = request.headers['x-csrf-token'] ?? (field?.type === 'field' ? field.value : undefined);
  const token = sessionTokenOf(request);
  if (!token || !sessions.validCsrf(token, given)) throw WebErrors.csrf();
}

/** A controller of signed-in pages: out of the API docs, past the bearer guard, into the cookie session. */
export const WebPages = () =>
  applyDecorators(
    ApiExcludeController(),
    Public(),
    UseGuards(WebSessionGuard),
    UseFilters(WebExceptionFilter),
  );
