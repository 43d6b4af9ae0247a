import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed logins per key (address, and address + e-mail) in a sliding window; shared by every replica. */
@Entity({ name: 'login_attempts' })
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 320 })
  key!: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'int' })
  failures!: number;
}
