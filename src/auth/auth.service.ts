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

@Injectable()
export class AuthService {
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

  /** The principal of a bearer token, or an error for a forged, expired or malformed one. */
  async verify(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw AuthErrors.invalidToken();
    }
    if (!claims?.sub || !claims.org || !(ROLES as readonly string[]).includes(claims.role))
      throw AuthErrors.invalidToken();
    return {
      userId: claims.sub,
      email: claims.email,
      role: claims.role,
      organizationId: claims.org,
      locale: claims.locale === 'en' ? 'en' : 'vi',
    };
  }
}
