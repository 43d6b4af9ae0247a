import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One administrative act: who, when, what, on what, why, the values before and after. Append-only (a trigger
 * refuses UPDATE and DELETE) and hash-chained in one chain, like the workflow history.
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_target', ['targetType', 'targetId', 'seq'])
@Index('audit_log_action', ['action', 'seq'])
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb' })
  actor!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 40 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'varchar', length: 200, nullable: true })
  targetId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
