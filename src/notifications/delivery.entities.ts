import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Role } from '../auth/roles';
import { OrganizationEntity } from '../organizations/organization.entity';

/** An organisation's subscription: notifications addressed to its people are POSTed, signed, to `url`. */
@Entity({ name: 'webhooks' })
@Index('webhooks_organization', ['organizationId'])
export class WebhookEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  /**
   * The role in which the webhook reads for its organisation: it is sent a notification only when someone of its
   * organisation in this role may read the subject (the API's scope rules), never more than its manager may.
   */
  @Column({ type: 'varchar', length: 24 })
  role!: Role;

  /** Notification templates delivered (`*` for all). */
  @Column({ type: 'text', array: true })
  events!: string[];

  /** The HMAC key; shown once, never returned or logged again. */
  @Column({ type: 'varchar', length: 200 })
  secret!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * One e-mail or webhook delivery of a notification, with a deterministic id (from the outbox row and the
 * recipient or webhook): however often the notification is handled, it is sent by one row.
 */
@Entity({ name: 'notification_deliveries' })
@Index('notification_deliveries_pending', ['createdAt'], { where: `status = 'pending'` })
@Index('notification_deliveries_webhook', ['webhookId', 'createdAt'])
export class NotificationDeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: 'email' | 'webhook';

  @Column({ name: 'outbox_id', type: 'bigint' })
  outboxId!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ name: 'webhook_id', type: 'uuid', nullable: true })
  webhookId!: string | null;

  @ManyToOne(() => WebhookEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'webhook_id' })
  webhook?: WebhookEntity;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 8, default: 'pending' })
  status!: 'pending' | 'sent' | 'dead';

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Bumped by a redelivery, so that the queue takes the job again under a new id. */
  @Column({ type: 'int', default: 0 })
  generation!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
