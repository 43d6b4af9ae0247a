import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkflowInstanceEntity } from './workflow-instance.entity';

/** A deadline: fired back into the engine as an event by a delayed job (job id = `timer-<id>`). */
@Entity({ name: 'workflow_timers' })
@Index('workflow_timers_pending_key', ['instanceId', 'key'], { unique: true, where: `status = 'pending'` })
@Index('workflow_timers_pending_due', ['dueAt'], { where: `status = 'pending'` })
export class WorkflowTimerEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId!: string;

  @ManyToOne(() => WorkflowInstanceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instance_id' })
  instance?: WorkflowInstanceEntity;

  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'jsonb' })
  event!: Record<string, unknown>;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: 'pending' | 'fired' | 'cancelled';

  @Column({ name: 'created_history_id', type: 'bigint' })
  createdHistoryId!: string;

  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome!: string | null;
}
