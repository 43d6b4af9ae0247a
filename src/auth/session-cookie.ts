import type { FastifyRequest } from 'fastify';

/** The web interface's session cookie: it holds the same JWT that `POST /auth/login` returns. */
export const SESSION_COOKIE = 'thidua_session';

/** One cookie's value from a `Cookie` header (no cookie library: the app reads two or three names). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export const sessionTokenOf = (request: Pick<FastifyRequest, 'headers'>): string | undefined =>
  readCookie(request.headers.cookie, SESSION_COOKIE) || undefined;

export const bearerTokenOf = (request: Pick<FastifyRequest, 'headers'>): string | undefined => {
  const header = request.headers.authorization;
  return (typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined) ?? undefined;
};
