import { AppConfig, loadEnv } from '../../../src/config/config';
import { WebSessionService } from '../../../src/web/web-session.service';

const SECRET = 'unit-secret-unit-secret-unit-secret-0123';
const service = (publicUrl?: string, secret = SECRET) =>
  new WebSessionService(
    new AppConfig(
      loadEnv({ JWT_SECRET: secret, ...(publicUrl ? { PUBLIC_URL: publicUrl } : {}) }),
      'postgres://x@y/z',
      false,
    ),
  );

describe('the web session', () => {
  it('derives the CSRF token from the session token and checks it in constant time', () => {
    const s = service();
    const token = s.csrfFor('jwt-a');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.validCsrf('jwt-a', token)).toBe(true);
    expect(s.validCsrf('jwt-b', token)).toBe(false);
    expect(s.validCsrf('jwt-a', `${token}x`)).toBe(false);
    expect(s.validCsrf('jwt-a', undefined)).toBe(false);
    expect(s.validCsrf('jwt-a', [token])).toBe(false);
    // Another secret (another deployment) gives another token; every replica of one deployment agrees.
    expect(service(undefined, `${SECRET}-other`).csrfFor('jwt-a')).not.toBe(token);
    expect(service().csrfFor('jwt-a')).toBe(token);
  });

  it('binds the sign-in form to its own nonce', () => {
    const s = service();
    const nonce = s.newLoginNonce();
    expect(s.validLoginCsrf(nonce, s.loginCsrfFor(nonce))).toBe(true);
    expect(s.validLoginCsrf(s.newLoginNonce(), s.loginCsrfFor(nonce))).toBe(false);
    expect(s.validLoginCsrf(undefined, s.loginCsrfFor(nonce))).toBe(false);
    // A session token's CSRF value is not a sign-in token for the same string.
    expect(s.validLoginCsrf(nonce, s.csrfFor(nonce))).toBe(false);
  });

  it('sets an httpOnly, SameSite=Lax cookie, Secure only when the public URL is https', () => {
    expect(service('http://localhost:3000').sessionCookie('jwt', 60)).toBe(
      'thidua_session=jwt; Path=/; Max-Age=60; SameSite=Lax; HttpOnly',
    );
    expect(service('https://thidua.gov.vn').sessionCookie('jwt', 60)).toBe(
      'thidua_session=jwt; Path=/; Max-Age=60; SameSite=Lax; HttpOnly; Secure',
    );
    expect(service().clearSessionCookie()).toContain('Max-Age=0');
  });
});
