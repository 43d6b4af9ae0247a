import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthErrors } from './auth.errors';

const WINDOW_SECONDS = 15 * 60;
const MAX_PER_ACCOUNT = 5;
const MAX_PER_ADDRESS = 30;

/**
 * Limits failed sign-ins per address and per address + e-mail within a 15-minute window. Kept in PostgreSQL so
 * that every API replica sees the same counts.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly dataSource: DataSource) {}

  private keys(ip: string, email: string) {
    return [
      { key: `ip:${ip}`, max: MAX_PER_ADDRESS },
      { key: `account:${ip}:${email}`, max: MAX_PER_ACCOUNT },
    ];
  }

  async assertAllowed(ip: string, email: string): Promise<void> {
    const keys = this.keys(ip, email);
    const rows: { key: string; failures: number; retry: number }[] = await this.dataSource.query(
      `SELECT key, failures, ceil(extract(epoch FROM window_start + interval '${WINDOW_SECONDS} seconds' - now()))::int AS retry
         FROM login_attempts WHERE key = ANY($1) AND window_start > now() - interval '${WINDOW_SECONDS} seconds'`,
      [keys.map((k) => k.key)],
    );
    for (const row of rows) {
      const limit = keys.find((k) => k.key === row.key)!.max;
      if (row.failures >= limit) throw AuthErrors.tooManyAttempts(Math.max(1, row.retry));
    }
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    for (const { key } of this.keys(ip, email)) {
      await this.dataSource.query(
        `INSERT INTO login_attempts (key, window_start, failures) VALUES ($1, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_attempts.window_start > now() - interval '${WINDOW_SECONDS} seconds'
                           THEN login_attempts.failures + 1 ELSE 1 END,
           window_start = CASE WHEN login_attempts.window_start > now() - interval '${WINDOW_SECONDS} seconds'
                               THEN login_attempts.window_start ELSE now() END`,
        [key],
      );
    }
  }

  async recordSuccess(ip: string, email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_attempts WHERE key = $1`, [`account:${ip}:${email}`]);
  }
}
