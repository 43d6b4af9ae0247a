import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/config';
import { AuthErrors } from './auth.errors';
import { LoginThrottle } from './login-throttle.service';
import { hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { ROLES, type Role } from './roles';
import { UsersService, type UserView } from './users.service';

interface TokenClaims {
  sub: string;
  email: string;
  role: Role;
  org: string;
  locale: 'vi' | 'en';
}

// A hash to verify against when the e-mail is unknown, so that the time taken does not reveal accounts.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

const VERIFIED_TOKEN_MS = 60_000;
const VERIFIED_TOKENS_MAX = 10_000;

@Injectable()
export class AuthService {
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly config: AppConfig,
  ) {}

  async login(
    email: string,
    password: string,
    ip: string,
  ): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number; user: UserView }> {
    const normalized = email.trim().toLowerCase();
    await this.throttle.assertAllowed(ip, normalized);
    const user = await this.users.findByEmail(normalized);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummy()), password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(ip, normalized);
      throw AuthErrors.invalidCredentials();
    }
    await this.throttle.recordSuccess(ip, normalized);
    const claims: TokenClaims = {
      sub: user.id,
      email: user.email,
      role: user.role,
      org: user.organizationId,
      locale: user.locale,
    };
    const expiresIn = this.config.env.JWT_TTL_SECONDS;
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return { accessToken, tokenType: 'Bearer', expiresIn, user: await this.users.view(user) };
  }

  /**
   * The principal of a bearer token, or an error for a forged, expired or malformed one. A verified token is
   * remembered for a minute at most (never past its expiry): a client sends the same token with every request, and
   * checking its signature costs more than the rest of a small request's authentication.
   */
  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.until) return { ...known.principal };
    if (known) this.verified.delete(token);
    let claims: TokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw AuthErrors.invalidToken();
    }
    if (!claims?.sub || !claims.org || !(ROLES as readonly string[]).includes(claims.role))
      throw AuthErrors.invalidToken();
    const principal: Principal = {
      userId: claims.sub,
      email: claims.email,
      role: claims.role,
      organizationId: claims.org,
      locale: claims.locale === 'en' ? 'en' : 'vi',
    };
    const until = Math.min(Date.now() + VERIFIED_TOKEN_MS, (claims.exp ?? 0) * 1000);
    if (until > Date.now()) {
      if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.clear();
      this.verified.set(token, { principal, until });
    }
    return { ...principal };
  }
}
