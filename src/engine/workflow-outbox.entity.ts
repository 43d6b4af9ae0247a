import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WorkflowInstanceEntity } from './workflow-instance.entity';

/** An effect committed with a transition, waiting to be delivered through the queue (job id = `outbox-<id>`). */
@Entity({ name: 'workflow_outbox' })
@Index('workflow_outbox_pending', ['id'], { where: `status = 'pending'` })
@Index('workflow_outbox_instance', ['instanceId'])
export class WorkflowOutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId!: string;

  @ManyToOne(() => WorkflowInstanceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instance_id' })
  instance?: WorkflowInstanceEntity;

  @Column({ name: 'history_id', type: 'bigint' })
  historyId!: string;

  @Column({ name: 'effect_type', type: 'varchar', length: 64 })
  effectType!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: 'pending' | 'done' | 'dead';

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;
}
