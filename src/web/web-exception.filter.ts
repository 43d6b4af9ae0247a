import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { mapError } from '../common/http-exception.filter';
import { html } from './html';
import { errorText } from './i18n';
import { anonymousContext, type PageContext, type WebRequest } from './web-context';
import { page } from './web-response';
import { layout } from './views/layout.view';
import { WebSessionService } from './web-session.service';

/**
 * Errors of the web pages become pages: signing in again for an expired session, a 404 page for anything out of
 * the user's scope, a 403 for a missing CSRF token, a plain apology for a 5xx (logged like the API's).
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Web');

  constructor(private readonly sessions: WebSessionService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<WebRequest>();
    const mapped = mapError(exception);
    if (mapped.status === 401) {
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
      void reply.header('set-cookie', this.sessions.clearSessionCookie()).header('cache-control', 'no-store');
      if (request.headers['hx-request']) {
        void reply.status(401).header('hx-redirect', `/app/login${next}`).send('');
      } else {
        void reply.status(303).header('location', `/app/login${next}`).send('');
      }
      return;
    }
    if (mapped.code === 'AUTH.PASSWORD_CHANGE_REQUIRED') {
      void reply.header('cache-control', 'no-store');
      if (request.headers['hx-request'])
        void reply.status(403).header('hx-redirect', '/app/account').send('');
      else void reply.status(303).header('location', '/app/account').send('');
      return;
    }
    if (mapped.status >= 500) {
      const err = exception as Error;
      this.logger.error(
        { method: request.method, route: request.routeOptions?.url, error: err?.message, stack: err?.stack },
        'page failed',
      );
    }
    const ctx: PageContext = request.web ?? anonymousContext(request);
    const { m } = ctx;
    const [title, text] =
      mapped.status === 404
        ? [m.notFoundTitle, m.notFoundText]
        : mapped.code === 'WEB.CSRF_INVALID'
          ? [m.forbiddenTitle, m.csrfText]
          : mapped.status === 403
            ? [m.forbiddenTitle, errorText(ctx.locale, mapped.code, m.forbiddenText)]
            : mapped.status === 503
              ? [m.errorTitle, m.unavailableText]
              : mapped.status >= 500
                ? [m.errorTitle, m.serverErrorText]
                : [m.errorTitle, errorText(ctx.locale, mapped.code, mapped.message, mapped.details)];
    const body = html`<div class="alert alert-error" role="alert">
        <p>${text}</p>
        <p class="muted">${mapped.code}${request.id ? ` · ${request.id}` : ''}</p>
      </div>
      <p><a href="/app">${m.backHome}</a></p>`;
    if (mapped.status === 503) void reply.header('retry-after', '5');
    void reply.send(page(reply, layout(ctx, title, body), mapped.status));
  }
}
