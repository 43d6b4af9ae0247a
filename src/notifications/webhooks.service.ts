import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { ROLE_LABELS, type Role } from '../auth/roles';
import { DomainError } from '../common/errors';
import { AppConfig } from '../config/config';
import { OUTBOX_CHANNEL } from '../engine/workflow-engine.service';
import { keysetPage } from '../common/pagination';
import { NotificationDeliveryEntity, WebhookEntity } from './delivery.entities';
import { webhookTargetProblem } from './network-guard';
import { NOTIFICATION_RULES } from './recipients';

const MANAGERS: Role[] = [
  'PROVINCE_APPROVER',
  'CLUSTER_LEADER',
  'CENTRAL_APPRAISER',
  'COUNCIL_SECRETARY',
  'PM_OFFICE',
  'PRESIDENT_OFFICE',
  'ADMIN',
];

const notFound = (what: string) => new DomainError('not_found', 'WEBHOOK.NOT_FOUND', `No ${what}`);

const view = (w: WebhookEntity) => ({
  id: w.id,
  organizationId: w.organizationId,
  role: w.role,
  roleLabel: ROLE_LABELS[w.role],
  url: w.url,
  events: w.events,
  active: w.active,
  createdAt: new Date(w.createdAt).toISOString(),
});

const deliveryView = (d: NotificationDeliveryEntity) => ({
  id: d.id,
  event: d.payload.event,
  status: d.status,
  attempts: d.attempts,
  responseStatus: d.responseStatus,
  lastError: d.lastError,
  createdAt: new Date(d.createdAt).toISOString(),
  sentAt: d.sentAt ? new Date(d.sentAt).toISOString() : null,
});

/** Organisations' webhook subscriptions, their delivery log, and redelivery on request. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  private assertManager(principal: Principal): void {
    if (!MANAGERS.includes(principal.role)) {
      throw new DomainError(
        'forbidden',
        'WEBHOOK.FORBIDDEN',
        "Your role may not manage your organisation's webhooks",
      );
    }
  }

  private async own(principal: Principal, id: string): Promise<WebhookEntity> {
    this.assertManager(principal);
    const hook = await this.dataSource.getRepository(WebhookEntity).findOneBy({ id });
    if (!hook || (principal.role !== 'ADMIN' && hook.organizationId !== principal.organizationId))
      throw notFound('webhook');
    return hook;
  }

  async create(
    principal: Principal,
    input: { url: string; events: string[]; secret?: string; organizationId?: string; role?: Role },
  ) {
    this.assertManager(principal);
    const unknown = input.events.filter((e) => e !== '*' && !(e in NOTIFICATION_RULES));
    if (unknown.length > 0) {
      throw new DomainError('invalid', 'WEBHOOK.UNKNOWN_EVENT', `Unknown events: ${unknown.join(', ')}`, {
        knownEvents: Object.keys(NOTIFICATION_RULES),
      });
    }
    const problem = await webhookTargetProblem(input.url, this.config.env.WEBHOOK_ALLOWED_HOSTS);
    if (problem)
      throw new DomainError(
        'unprocessable',
        'WEBHOOK.TARGET_NOT_ALLOWED',
        `This URL cannot be a webhook target: ${problem}`,
      );
    const { organizationId, role } = this.owner(principal, input);
    const secret = input.secret ?? randomBytes(24).toString('base64url');
    const entity: WebhookEntity = {
      id: randomUUID(),
      organizationId,
      role,
      url: input.url,
      events: [...new Set(input.events)],
      secret,
      active: true,
      createdBy: principal.userId,
      createdAt: new Date(),
    };
    await this.dataSource.transaction(async (tx) => {
      const [org] = (await tx.query(`SELECT name_vi FROM organizations WHERE id = $1`, [organizationId])) as {
        name_vi: string;
      }[];
      if (!org) {
        throw new DomainError(
          'unprocessable',
          'WEBHOOK.UNKNOWN_ORGANIZATION',
          `No organisation ${organizationId}`,
        );
      }
      await tx.getRepository(WebhookEntity).insert(entity);
      await this.audit.record(tx, {
        actor: principal,
        action: 'webhook.create',
        targetType: 'webhook',
        targetId: entity.id,
        after: {
          organization: { id: organizationId, name: org.name_vi },
          role,
          url: entity.url,
          events: entity.events,
          active: true,
        },
      });
    });
    return { ...view(entity), secret };
  }

  /**
   * Whose the webhook is and in which role it reads. A manager subscribes their own organisation in their own
   * role; an administrator may subscribe another organisation, naming the role (never the administrator's, which
   * would let the webhook read everything).
   */
  private owner(
    principal: Principal,
    input: { organizationId?: string; role?: Role },
  ): { organizationId: string; role: Role } {
    if (
      principal.role !== 'ADMIN' ||
      !input.organizationId ||
      input.organizationId === principal.organizationId
    ) {
      if (input.role && input.role !== principal.role) {
        throw new DomainError(
          'forbidden',
          'WEBHOOK.ROLE_NOT_YOURS',
          'A webhook reads in the role of who subscribes it',
          {
            fields: [{ field: 'role', problems: ['must be your own role'] }],
          },
        );
      }
      return { organizationId: principal.organizationId, role: principal.role };
    }
    if (!input.role || input.role === 'ADMIN') {
      throw new DomainError(
        'invalid',
        'WEBHOOK.ROLE_REQUIRED',
        "Name the role in which the organisation's webhook reads",
        {
          fields: [
            { field: 'role', problems: ['a role other than ADMIN is required for another organisation'] },
          ],
        },
      );
    }
    return { organizationId: input.organizationId, role: input.role };
  }

  async list(principal: Principal) {
    this.assertManager(principal);
    const where = principal.role === 'ADMIN' ? {} : { organizationId: principal.organizationId };
    return (
      await this.dataSource.getRepository(WebhookEntity).find({ where, order: { createdAt: 'DESC' } })
    ).map(view);
  }

  async setActive(principal: Principal, id: string, active: boolean) {
    await this.own(principal, id);
    return this.dataSource.transaction(async (tx) => {
      const hook = await tx
        .getRepository(WebhookEntity)
        .createQueryBuilder('w')
        .setLock('pessimistic_write')
        .where('w.id = :id', { id })
        .getOneOrFail();
      await tx.getRepository(WebhookEntity).update({ id }, { active });
      await this.audit.record(tx, {
        actor: principal,
        action: 'webhook.update',
        targetType: 'webhook',
        targetId: id,
        before: { url: hook.url, active: hook.active },
        after: { url: hook.url, active },
      });
      return view({ ...hook, active });
    });
  }

  async deliveries(principal: Principal, id: string, query: { cursor?: string; limit?: number }) {
    await this.own(principal, id);
    const limit = query.limit ?? 50;
    const qb = this.dataSource
      .getRepository(NotificationDeliveryEntity)
      .createQueryBuilder('d')
      .where('d.webhook_id = :id', { id });
    const { page, nextCursor } = await keysetPage(qb, 'd', query.cursor, limit);
    return { items: page.map(deliveryView), nextCursor };
  }

  /** Sends a delivery again (for example after a dead letter), as a new job of the same delivery. */
  async redeliver(principal: Principal, id: string, deliveryId: string) {
    await this.own(principal, id);
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(NotificationDeliveryEntity);
      const delivery = await repo.findOneBy({ id: deliveryId, webhookId: id });
      if (!delivery) throw notFound('delivery');
      await repo.update(
        { id: deliveryId },
        {
          status: 'pending',
          enqueuedAt: null,
          generation: () => 'generation + 1',
          lastError: null,
          sentAt: null,
        },
      );
      await tx.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
      return deliveryView({ ...delivery, status: 'pending', lastError: null, sentAt: null });
    });
  }
}
