import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ChangeBus } from '../database/change-bus.service';
import { AuthErrors } from './auth.errors';
import type { Role } from './roles';

/** Why a session ended; stored with it and shown to its owner. */
export type RevokeReason =
  | 'signed_out'
  | 'revoked_by_user'
  | 'revoked_by_admin'
  | 'account_locked'
  | 'password_changed'
  | 'password_reset'
  | 'role_changed';

export interface SessionView {
  id: string;
  createdAt: string;
  expiresAt: string;
  createdIp: string | null;
  userAgent: string | null;
  current: boolean;
}

/** A live session with what its user is now (role and organisation come from the user row, not the token). */
export interface LiveSession {
  sessionId: string;
  expiresAt: Date;
  userId: string;
  email: string;
  fullName: string;
  role: Role;
  organizationId: string;
  locale: 'vi' | 'en';
  mustChangePassword: boolean;
}

/** Cache keys of the 'sessions' topic: one session, or every session of a user. */
export const sessionKey = (sessionId: string) => `session:${sessionId}`;
export const userSessionsKey = (userId: string) => `user:${userId}`;

/**
 * Server-side sessions. Every revocation is announced on the change bus inside the revoking transaction, so the
 * caches of verified tokens in every process drop the session when it commits.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: ChangeBus,
  ) {}

  async open(
    userId: string,
    ttlSeconds: number,
    meta: { ip?: string; userAgent?: string },
  ): Promise<{ id: string; expiresAt: Date }> {
    const id = randomUUID();
    const [row] = (await this.dataSource.query(
      `INSERT INTO auth_sessions (id, user_id, expires_at, created_ip, user_agent)
       VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5) RETURNING expires_at`,
      [id, userId, ttlSeconds, meta.ip?.slice(0, 64) ?? null, meta.userAgent?.slice(0, 300) ?? null],
    )) as { expires_at: Date }[];
    return { id, expiresAt: new Date(row.expires_at) };
  }

  /** The session if it is live (not revoked, not expired) and its user is active; null otherwise. */
  async live(sessionId: string, userId: string): Promise<LiveSession | null> {
    const [row] = (await this.dataSource.query(
      `SELECT s.id, s.expires_at, u.id AS user_id, u.email, u.full_name, u.role, u.organization_id, u.locale,
              u.must_change_password
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    )) as {
      id: string;
      expires_at: Date;
      user_id: string;
      email: string;
      full_name: string;
      role: Role;
      organization_id: string;
      locale: string;
      must_change_password: boolean;
    }[];
    if (!row) return null;
    return {
      sessionId: row.id,
      expiresAt: new Date(row.expires_at),
      userId: row.user_id,
      email: row.email,
      fullName: row.full_name,
      role: row.role,
      organizationId: row.organization_id,
      locale: row.locale === 'en' ? 'en' : 'vi',
      mustChangePassword: row.must_change_password,
    };
  }

  /** Revokes every live session of a user (but `keep`, when given); returns how many. */
  async revokeAll(tx: EntityManager, userId: string, reason: RevokeReason, keep?: string): Promise<number> {
    const rows = (await tx.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND ($3::uuid IS NULL OR id <> $3)
        RETURNING id`,
      [userId, reason, keep ?? null],
    )) as unknown[];
    await this.bus.publish('sessions', userSessionsKey(userId), tx);
    return countOf(rows);
  }

  /** Revokes one session of a user; false when it is not theirs or already ended. */
  async revoke(tx: EntityManager, userId: string, sessionId: string, reason: RevokeReason): Promise<boolean> {
    const result = (await tx.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = $3
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
      [sessionId, userId, reason],
    )) as unknown[];
    await this.bus.publish('sessions', sessionKey(sessionId), tx);
    return countOf(result) > 0;
  }

  /** A user ends one of their own sessions (404 when it is not theirs or has ended). */
  async revokeOwn(userId: string, sessionId: string): Promise<void> {
    const done = await this.dataSource.transaction((tx) =>
      this.revoke(tx, userId, sessionId, 'revoked_by_user'),
    );
    if (!done) throw AuthErrors.sessionNotFound(sessionId);
  }

  /** A user ends every session but the one they are using ("sign out everywhere else"). */
  async revokeOthers(userId: string, current?: string): Promise<{ revoked: number }> {
    const revoked = await this.dataSource.transaction((tx) =>
      this.revokeAll(tx, userId, 'revoked_by_user', current),
    );
    return { revoked };
  }

  async list(userId: string, currentSessionId?: string): Promise<SessionView[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, created_at, expires_at, created_ip, user_agent FROM auth_sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        ORDER BY created_at DESC LIMIT 200`,
      [userId],
    )) as {
      id: string;
      created_at: Date;
      expires_at: Date;
      created_ip: string | null;
      user_agent: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      createdIp: r.created_ip,
      userAgent: r.user_agent,
      current: r.id === currentSessionId,
    }));
  }
}

/** Rows of an UPDATE … RETURNING as TypeORM's postgres driver answers it ([rows, count] or rows). */
function countOf(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return result.length;
}
