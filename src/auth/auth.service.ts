import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { interval, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { ChangeBus } from '../database/change-bus.service';
import { AuthErrors } from './auth.errors';
import { LoginThrottle } from './login-throttle.service';
import { hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { sessionKey, SessionsService, userSessionsKey } from './sessions.service';
import { UsersService, type UserView } from './users.service';

/** What a token says: who, and which session. Role and organisation are read from the user row at every check. */
interface TokenClaims {
  sub: string;
  sid: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A hash to verify against when the e-mail is unknown, so that the time taken does not reveal accounts.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

const VERIFIED_TOKEN_MS = 60_000;
const VERIFIED_TOKENS_MAX = 10_000;

export interface SignedIn {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** The password was a one-time one: until it is changed only `POST /me/password` (and sign-out) are allowed. */
  mustChangePassword: boolean;
  user: UserView;
}

@Injectable()
export class AuthService {
  /** Verified tokens by token, with their session: cleared through the change bus when a session is revoked. */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();
  /** Open streams waiting to hear that their session may have ended. */
  private readonly watchers = new Set<{ principal: Principal; changed: () => void }>();

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly config: AppConfig,
    private readonly bus: ChangeBus,
    private readonly dataSource: DataSource,
  ) {
    bus.subscribe('sessions', (key) => this.forget(key));
  }

  private forget(key: string | null): void {
    const concerns = (p: Principal) =>
      key === null || key === userSessionsKey(p.userId) || (!!p.sessionId && key === sessionKey(p.sessionId));
    for (const watcher of this.watchers) if (concerns(watcher.principal)) watcher.changed();
    if (key === null) {
      this.verified.clear();
      return;
    }
    for (const [token, entry] of this.verified) {
      if (
        userSessionsKey(entry.principal.userId) === key ||
        (entry.principal.sessionId && sessionKey(entry.principal.sessionId) === key)
      )
        this.verified.delete(token);
    }
  }

  async login(email: string, password: string, meta: { ip: string; userAgent?: string }): Promise<SignedIn> {
    const normalized = email.trim().toLowerCase();
    const reservation = await this.throttle.reserve(meta.ip, normalized);
    const user = await this.users.findByEmail(normalized);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummy()), password);
    if (!user || !ok || !user.active) throw AuthErrors.invalidCredentials();
    await this.throttle.succeeded(reservation);
    const expiresIn = this.config.env.JWT_TTL_SECONDS;
    const session = await this.sessions.open(user.id, expiresIn, meta);
    const claims: TokenClaims = { sub: user.id, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn,
      mustChangePassword: user.mustChangePassword,
      user: await this.users.view(user),
    };
  }

  /**
   * Emits once when the principal's session has ended (revoked, expired, account locked), for responses that
   * outlive the request that checked it (the inbox's event stream): checked again on every change of its sessions
   * heard on the bus, and every `pollMs` in case the bus missed one.
   */
  sessionEnds(principal: Principal, pollMs = 25_000): Observable<void> {
    return new Observable<void>((observer) => {
      let done = false;
      const check = async () => {
        if (done || !principal.sessionId) return;
        const live = await this.sessions.live(principal.sessionId, principal.userId).catch(() => undefined);
        if (live === null && !done) {
          done = true;
          observer.next();
          observer.complete();
        }
      };
      const watcher = { principal, changed: () => void check() };
      this.watchers.add(watcher);
      const timer = interval(pollMs).subscribe(() => void check());
      return () => {
        done = true;
        this.watchers.delete(watcher);
        timer.unsubscribe();
      };
    });
  }

  /** Ends the caller's session at once, on every replica. */
  async logout(principal: Principal): Promise<void> {
    if (!principal.sessionId) return;
    await this.dataSource.transaction((tx) =>
      this.sessions.revoke(tx, principal.userId, principal.sessionId!, 'signed_out'),
    );
  }

  /**
   * The principal of a token, or an error for a forged, expired or malformed one, or one whose session has ended
   * or whose user is locked. A verified token is remembered for a minute at most (never past its expiry), and
   * only while the change bus is connected and nothing changed sessions during the check: every revocation is
   * announced on the bus, so no process serves a revoked session from its cache.
   */
  async verify(token: string): Promise<Principal> {
    if (this.bus.reliable) {
      const known = this.verified.get(token);
      if (known && Date.now() < known.until) return { ...known.principal };
      if (known) this.verified.delete(token);
    }
    let claims: TokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw AuthErrors.invalidToken();
    }
    if (
      typeof claims?.sub !== 'string' ||
      typeof claims.sid !== 'string' ||
      !UUID.test(claims.sub) ||
      !UUID.test(claims.sid)
    )
      throw AuthErrors.invalidToken();
    const mark = this.bus.mark('sessions');
    const session = await this.sessions.live(claims.sid, claims.sub);
    if (!session) throw AuthErrors.sessionEnded();
    const principal: Principal = {
      userId: session.userId,
      email: session.email,
      fullName: session.fullName,
      role: session.role,
      organizationId: session.organizationId,
      locale: session.locale,
      sessionId: session.sessionId,
      mustChangePassword: session.mustChangePassword,
    };
    const until = Math.min(
      Date.now() + VERIFIED_TOKEN_MS,
      (claims.exp ?? 0) * 1000,
      session.expiresAt.getTime(),
    );
    if (until > Date.now() && this.bus.fresh('sessions', mark)) {
      if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.clear();
      this.verified.set(token, { principal, until });
    }
    return { ...principal };
  }
}
