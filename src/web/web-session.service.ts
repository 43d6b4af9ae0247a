import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { AppConfig } from '../config/config';

export const LANG_COOKIE = 'thidua_lang';
/** A random value bound to the sign-in form, so that another site cannot sign a browser in (login CSRF). */
export const LOGIN_COOKIE = 'thidua_login';

/**
 * The browser session: the API's JWT in an httpOnly, SameSite=Lax cookie, and CSRF tokens derived from it by
 * HMAC. The key is derived from the JWT secret, so every replica computes the same tokens and no state is kept.
 */
@Injectable()
export class WebSessionService {
  private readonly key: Buffer;

  constructor(private readonly config: AppConfig) {
    this.key = createHmac('sha256', resolveJwtSecret(config)).update('thidua:web:csrf').digest();
  }

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  private sign(purpose: string, value: string): string {
    return createHmac('sha256', this.key).update(`${purpose}:${value}`).digest('base64url');
  }

  private static same(expected: string, given: unknown): boolean {
    if (typeof given !== 'string' || given.length !== expected.length) return false;
    return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  }

  csrfFor(sessionToken: string): string {
    return this.sign('session', sessionToken);
  }

  validCsrf(sessionToken: string, given: unknown): boolean {
    return WebSessionService.same(this.csrfFor(sessionToken), given);
  }

  newLoginNonce(): string {
    return randomBytes(24).toString('base64url');
  }

  loginCsrfFor(nonce: string): string {
    return this.sign('login', nonce);
  }

  validLoginCsrf(nonce: string | undefined, given: unknown): boolean {
    return !!nonce && WebSessionService.same(this.loginCsrfFor(nonce), given);
  }

  cookie(name: string, value: string, maxAgeSeconds: number, httpOnly = true): string {
    return [
      `${name}=${encodeURIComponent(value)}`,
      'Path=/',
      `Max-Age=${maxAgeSeconds}`,
      'SameSite=Lax',
      ...(httpOnly ? ['HttpOnly'] : []),
      ...(this.secure ? ['Secure'] : []),
    ].join('; ');
  }

  sessionCookie(token: string, maxAgeSeconds: number): string {
    return this.cookie(SESSION_COOKIE, token, maxAgeSeconds);
  }

  clearSessionCookie(): string {
    return this.cookie(SESSION_COOKIE, '', 0);
  }
}
