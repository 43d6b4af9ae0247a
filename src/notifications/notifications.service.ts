import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Label } from '../../workflows';
import type { Principal } from '../auth/principal';
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
