import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity';

/**
 * One message in one person's inbox. The id is derived from the outbox row and the recipient, so a delivery
 * that runs twice inserts it once.
 */
@Entity({ name: 'notifications' })
@Index('notifications_user_created', ['userId', 'createdAt'])
@Index('notifications_user_unread', ['userId', 'subjectId'], { where: 'read_at IS NULL' })
export class NotificationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ name: 'title_vi', type: 'varchar', length: 300 })
  titleVi!: string;

  @Column({ name: 'title_en', type: 'varchar', length: 300 })
  titleEn!: string;

  @Column({ type: 'varchar', length: 500 })
  link!: string;

  /** The notify effect it delivers; null for a notice of an administrative act. */
  @Column({ name: 'outbox_id', type: 'bigint', nullable: true })
  outboxId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
