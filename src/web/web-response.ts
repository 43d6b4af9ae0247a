import type { FastifyReply } from 'fastify';

/** Pages load only this app's own scripts and styles; nothing inline, nothing from elsewhere, no framing. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-store');
}

/** Sends a rendered page (pages carry personal data: never cached). */
export function page(reply: FastifyReply, markup: string, status = 200): string {
  securityHeaders(reply).status(status).type('text/html; charset=utf-8');
  return markup;
}

/** After a successful POST: see other (the browser GETs the page; a reload does not repeat the POST). */
export function seeOther(reply: FastifyReply, location: string): string {
  void reply.status(303).header('location', location).header('cache-control', 'no-store');
  return '';
}

/** A local path to come back to after signing in or switching language; anything else goes home. */
export function localPath(next: unknown): string {
  return typeof next === 'string' && /^\/app(?:[/?#]|$)/.test(next) && !next.includes('\\') ? next : '/app';
}
