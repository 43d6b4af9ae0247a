import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WorkflowInstanceEntity } from './workflow-instance.entity';

/** Append-only: a trigger refuses UPDATE and DELETE; each row carries the hash of the previous one. */
@Entity({ name: 'workflow_history' })
@Index('workflow_history_instance_seq', ['instanceId', 'seq'], { unique: true })
export class WorkflowHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId!: string;

  @ManyToOne(() => WorkflowInstanceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instance_id' })
  instance?: WorkflowInstanceEntity;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ name: 'machine_version', type: 'int' })
  machineVersion!: number;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType!: string;

  @Column({ type: 'jsonb' })
  event!: Record<string, unknown>;

  @Column({ name: 'from_state', type: 'varchar', length: 128, nullable: true })
  fromState!: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 128 })
  toState!: string;

  @Column({ type: 'jsonb' })
  actor!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
