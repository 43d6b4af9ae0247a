import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditActor, AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/config';
import { MailerService } from '../notifications/mailer.service';
import { AuthErrors } from './auth.errors';
import { LoginThrottle } from './login-throttle.service';
import { passwordProblems } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';

export const RESET_PATH = '/app/password-reset';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const RESET_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedReset {
  expiresAt: string;
  /** Sent to the user's address (SMTP_URL set); the link is then not in the answer. */
  emailed: boolean;
  /** Shown once, when it was not e-mailed: the administrator hands it over. */
  link?: string;
}

/**
 * Passwords after the first: a user changes their own (knowing the current one), an administrator issues a
 * one-time reset link (only its sha256 is stored; it expires and works once), and using it sets a new password.
 * Each change ends the sessions that knew the old password and is recorded in the audit log.
 */
@Injectable()
export class AccountPasswordsService {
  private readonly logger = new Logger(AccountPasswordsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  private async setPassword(tx: EntityManager, userId: string, password: string): Promise<void> {
    await tx.query(
      `UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now() WHERE id = $1`,
      [userId, await hashPassword(password)],
    );
  }

  /**
   * Changes the caller's password. Every other session of the account ends; the one that made the change goes on
   * (its holder has just proven the password, and is not signed out under their own hands). A wrong current
   * password counts as a failed sign-in, so a stolen session cannot be used to guess it.
   */
  async changeOwn(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<{ otherSessionsEnded: number }> {
    const reservation = await this.throttle.reserve(ip, principal.email);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: principal.userId });
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword)))
      throw AuthErrors.wrongPassword();
    await this.throttle.succeeded(reservation);
    const problems = passwordProblems(newPassword, user.email);
    if (problems.length > 0) throw AuthErrors.weakPassword('newPassword', problems);
    return this.dataSource.transaction(async (tx) => {
      await this.setPassword(tx, user.id, newPassword);
      const ended = await this.sessions.revokeAll(tx, user.id, 'password_changed', principal.sessionId);
      await this.audit.record(tx, {
        actor: principal,
        action: 'user.password.change',
        targetType: 'user',
        targetId: user.id,
        after: { otherSessionsEnded: ended },
      });
      return { otherSessionsEnded: ended };
    });
  }

  /**
   * A new one-time reset link for a user (an older unused one stops working). E-mailed when SMTP is configured,
   * otherwise returned once for the administrator to hand over.
   */
  async issueReset(actor: AuditActor, userId: string): Promise<IssuedReset> {
    const token = randomBytes(32).toString('base64url');
    const hours = this.config.env.PASSWORD_RESET_TTL_HOURS;
    const { user, expiresAt } = await this.dataSource.transaction(async (tx) => {
      const found = await tx.getRepository(UserEntity).findOneBy({ id: userId });
      if (!found) throw AuthErrors.userNotFound(userId);
      await tx.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
        userId,
      ]);
      const [row] = (await tx.query(
        `INSERT INTO password_resets (id, user_id, token_hash, expires_at, created_by)
         VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5) RETURNING expires_at`,
        [randomUUID(), userId, sha256(token), hours, 'userId' in actor ? actor.userId : null],
      )) as { expires_at: Date }[];
      const at = new Date(row.expires_at).toISOString();
      await this.audit.record(tx, {
        actor,
        action: 'user.password.reset.issue',
        targetType: 'user',
        targetId: userId,
        after: { expiresAt: at, emailed: this.mailer.enabled },
      });
      return { user: found, expiresAt: at };
    });
    const link = `${this.config.publicUrl.replace(/\/$/, '')}${RESET_PATH}/${token}`;
    if (this.mailer.enabled) {
      try {
        await this.mailer.send(resetMail(user, link, expiresAt));
        return { expiresAt, emailed: true };
      } catch (error) {
        this.logger.warn(
          { userId, error: (error as Error).message },
          'the reset link could not be e-mailed; it is shown to the administrator instead',
        );
      }
    }
    return { expiresAt, emailed: false, link };
  }

  /** The account a reset link is for, while it is usable. */
  async inspectReset(token: string): Promise<{ email: string }> {
    if (!RESET_TOKEN.test(token)) throw AuthErrors.resetLinkInvalid();
    const [row] = (await this.dataSource.query(
      `SELECT u.email FROM password_resets r JOIN users u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.active`,
      [sha256(token)],
    )) as { email: string }[];
    if (!row) throw AuthErrors.resetLinkInvalid();
    return row;
  }

  /** Sets a new password with a reset link: the link is used up and every session of the account ends. */
  async reset(token: string, newPassword: string): Promise<void> {
    if (!RESET_TOKEN.test(token)) throw AuthErrors.resetLinkInvalid();
    await this.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query(
        `SELECT r.id, u.id AS user_id, u.email, u.role, u.organization_id
           FROM password_resets r JOIN users u ON u.id = r.user_id
          WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.active
          FOR UPDATE OF r`,
        [sha256(token)],
      )) as {
        id: string;
        user_id: string;
        email: string;
        role: Principal['role'];
        organization_id: string;
      }[];
      if (!row) throw AuthErrors.resetLinkInvalid();
      const problems = passwordProblems(newPassword, row.email);
      if (problems.length > 0) throw AuthErrors.weakPassword('newPassword', problems);
      await tx.query(`UPDATE password_resets SET used_at = now() WHERE id = $1`, [row.id]);
      await this.setPassword(tx, row.user_id, newPassword);
      const ended = await this.sessions.revokeAll(tx, row.user_id, 'password_reset');
      await this.audit.record(tx, {
        actor: { userId: row.user_id, email: row.email, role: row.role, organizationId: row.organization_id },
        action: 'user.password.reset.use',
        targetType: 'user',
        targetId: row.user_id,
        after: { sessionsEnded: ended },
      });
    });
  }
}

function resetMail(user: UserEntity, link: string, expiresAt: string) {
  const until = new Date(expiresAt).toISOString().replace('T', ' ').slice(0, 16);
  const vi = `Quản trị hệ thống đã cấp cho tài khoản ${user.email} một liên kết đặt lại mật khẩu, dùng được một lần đến ${until} (UTC):\n\n${link}\n\nNếu bạn không yêu cầu, hãy báo cho quản trị hệ thống.`;
  const en = `An administrator issued a one-time password reset link for ${user.email}, valid until ${until} UTC:\n\n${link}\n\nIf you did not ask for it, tell your administrator.`;
  const text = user.locale === 'en' ? `${en}\n\n---\n\n${vi}` : `${vi}\n\n---\n\n${en}`;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    to: user.email,
    subject: user.locale === 'en' ? 'Reset your thidua password' : 'Đặt lại mật khẩu thidua',
    text,
    html: `<pre>${escape(text)}</pre>`,
    messageId: `password-reset-${randomUUID()}`,
  };
}
