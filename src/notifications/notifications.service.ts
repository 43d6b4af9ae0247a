import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Label } from '../../workflows';
import type { Principal } from '../auth/principal';
import type { Role } from '../auth/roles';
import type { Standing } from '../organizations/standing.service';
import { DomainError } from '../common/errors';
import { keysetPage } from '../common/pagination';
import type { AudienceContext } from './audience.service';
import { NotificationEntity } from './notification.entity';
import type { Audience, RecipientRule } from './recipients';

/** What a notification is about, as the module owning the subject describes it. */
export interface NotificationSubject {
  type: string;
  id: string;
  title: Label;
  stateLabel: Label;
  /** Path of the subject in the web interface. */
  path: string;
  context: AudienceContext;
  /** The audiences that must act in the subject's current state. */
  mustAct: RecipientRule[];
  /**
   * Whether someone of this standing may read the subject, by the owning module's own scope rules (those of its
   * API reads): a webhook receives a notification only when its organisation, in the webhook's role, may.
   */
  visibleTo(standing: Standing): boolean;
}

/**
 * Describes an instance for a notification. `atState` is the state the notifying transition led to: who must act
 * is decided for that state, not for a later one the instance may have reached before the delivery.
 */
export type SubjectResolver = (
  tx: EntityManager,
  instanceId: string,
  atState?: string,
) => Promise<NotificationSubject | null>;

export interface NotificationView {
  id: string;
  template: string;
  title: string;
  titles: Label;
  link: string;
  subject: { type: string; id: string };
  createdAt: string;
  read: boolean;
}

/** The channel on which inbox writes wake the live streams (the payload lists the users concerned). */
export const INBOX_CHANNEL = 'thidua_inbox';

/** A message about an administrative act (no workflow transition, hence no outbox row behind it). */
export interface AdministrativeNotice {
  /** Everyone of these organisations (and of their successors) that is active is told. */
  organizationIds: string[];
  /** Only the people of these roles (all roles when absent). */
  roles?: Role[];
  template: string;
  subject: { type: string; id: string };
  title: Label;
  /** Path in the web interface. */
  path: string;
}

/**
 * The wake-ups of the live inbox streams for these people: JSON arrays of their ids, each kept well under
 * PostgreSQL's 8000-byte limit on a NOTIFY payload (a notice to hundreds of people is several of them).
 */
export function inboxWakeUps(userIds: string[]): string[] {
  const chunks: string[] = [];
  const per = 150; // 150 ids of 36 characters and their quotes and commas: about 5,900 bytes
  for (let i = 0; i < userIds.length; i += per) chunks.push(JSON.stringify(userIds.slice(i, i + per)));
  return chunks;
}

/** A UUID derived from the outbox row and the recipient: the same delivery always yields the same id. */
export function notificationId(outboxId: string, userId: string): string {
  const h = createHash('sha256').update(`${outboxId}:${userId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

@Injectable()
export class NotificationsService {
  private readonly subjects = new Map<string, SubjectResolver>();

  constructor(private readonly dataSource: DataSource) {}

  /** A module that owns a machine tells how to describe its instances in notifications. */
  registerSubject(machineId: string, resolver: SubjectResolver): void {
    this.subjects.set(machineId, resolver);
  }

  subjectResolver(machineId: string): SubjectResolver | undefined {
    return this.subjects.get(machineId);
  }

  /**
   * Tells people of an administrative act in their inbox, in the transaction that performs the act: they hear of
   * it exactly when it commits. Returns how many were told.
   */
  async inform(tx: EntityManager, notice: AdministrativeNotice, publicUrl: string): Promise<number> {
    const rows = (await tx.query(
      `WITH RECURSIVE heirs(id, successor_id) AS (
         SELECT id, successor_id FROM organizations WHERE id = ANY($1::uuid[])
         UNION SELECT o.id, o.successor_id FROM organizations o JOIN heirs h ON o.id = h.successor_id),
       people AS (
         SELECT DISTINCT u.id FROM users u JOIN heirs h ON u.organization_id = h.id JOIN organizations o ON o.id = h.id
          WHERE u.active AND (o.valid_to IS NULL OR o.valid_to >= current_date)
            AND ($8::text[] IS NULL OR u.role = ANY($8::text[])))
       INSERT INTO notifications (id, user_id, template, subject_type, subject_id, title_vi, title_en, link, outbox_id, created_at)
       SELECT gen_random_uuid(), p.id, $2, $3, $4, $5, $6, $7, NULL, now() FROM people p
       RETURNING user_id`,
      [
        notice.organizationIds,
        notice.template,
        notice.subject.type,
        notice.subject.id,
        notice.title.vi.slice(0, 300),
        notice.title.en.slice(0, 300),
        `${publicUrl}${notice.path}`,
        notice.roles ?? null,
      ],
    )) as { user_id: string }[];
    if (rows.length > 0) {
      await tx.query(`SELECT count(pg_notify($1, chunk)) FROM unnest($2::text[]) AS chunk`, [
        INBOX_CHANNEL,
        inboxWakeUps(rows.map((r) => r.user_id)),
      ]);
    }
    return rows.length;
  }

  async list(principal: Principal, query: { unread?: boolean; cursor?: string; limit?: number }) {
    const limit = query.limit ?? 20;
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.user_id = :user', { user: principal.userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    const { page, nextCursor } = await keysetPage(qb, 'n', query.cursor, limit);
    return {
      items: page.map((n) => this.view(n, principal.locale)),
      nextCursor,
      unread: await this.unreadCount(principal),
    };
  }

  async unreadCount(principal: Principal): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [principal.userId],
    )) as { n: number }[];
    return row.n;
  }

  async markRead(principal: Principal, id: string): Promise<NotificationView> {
    const found = await this.dataSource
      .getRepository(NotificationEntity)
      .findOneBy({ id, userId: principal.userId });
    if (!found) throw new DomainError('not_found', 'NOTIFICATION.NOT_FOUND', `No notification ${id}`);
    if (!found.readAt) {
      found.readAt = new Date();
      await this.dataSource.getRepository(NotificationEntity).update({ id }, { readAt: found.readAt });
    }
    return this.view(found, principal.locale);
  }

  async markAllRead(principal: Principal): Promise<{ updated: number }> {
    const result = await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [principal.userId],
    );
    return { updated: Array.isArray(result) ? Number(result[1] ?? 0) : 0 };
  }

  view(n: NotificationEntity, locale: 'vi' | 'en'): NotificationView {
    return {
      id: n.id,
      template: n.template,
      title: locale === 'en' ? n.titleEn : n.titleVi,
      titles: { vi: n.titleVi, en: n.titleEn },
      link: n.link,
      subject: { type: n.subjectType, id: n.subjectId },
      createdAt: new Date(n.createdAt).toISOString(),
      read: n.readAt !== null,
    };
  }
}

export type { Audience };
