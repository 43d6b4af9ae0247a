import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Sign-in attempts per key (an account, an address, an account from an address) in a fixed window that starts at
 * the first attempt; shared by every replica.
 */
@Entity({ name: 'login_attempts' })
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 320 })
  key!: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart!: Date;

  /** Failed password checks, and checks under way (reserved before the password is verified). */
  @Column({ type: 'int' })
  failures!: number;

  @Column({ name: 'window_seconds', type: 'int', default: 900 })
  windowSeconds!: number;
}
