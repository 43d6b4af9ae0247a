import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addressKey } from '../common/client-address';
import { AuthErrors } from './auth.errors';

interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * The three counters of failed sign-ins. An attacker who guesses one account's password from one address meets
 * the first; one who spreads guesses over many accounts from one address meets the second; one who spreads them
 * over many addresses (a botnet) meets the third. The third also lets anyone lock an account out from every
 * address by failing on purpose, so it is higher and its window shorter: keeping an account locked costs 20
 * wrong passwords every five minutes, and its owner waits five minutes at most once the attack stops.
 */
export const SIGN_IN_LIMITS = {
  accountFromAddress: { max: 5, windowSeconds: 15 * 60 },
  address: { max: 30, windowSeconds: 15 * 60 },
  account: { max: 20, windowSeconds: 5 * 60 },
} as const;

/** What a sign-in holds while its password is checked: released as a success, or kept as a failure. */
export interface Reservation {
  keys: Limit[];
}

/**
 * Limits failed sign-ins in PostgreSQL (every replica sees the same counts). An attempt is counted BEFORE its
 * password is checked: one `INSERT … ON CONFLICT DO UPDATE … RETURNING` takes the next number of every counter
 * at once, so of 16 concurrent wrong passwords at most the limit are ever checked. A success gives its
 * reservation back (and clears its account-from-address counter); a refused attempt takes nothing.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly dataSource: DataSource) {}

  private limits(address: string, email: string): Limit[] {
    const ip = addressKey(address);
    return [
      { key: `pair:${ip}|${email}`, ...SIGN_IN_LIMITS.accountFromAddress },
      { key: `addr:${ip}`, ...SIGN_IN_LIMITS.address },
      { key: `acct:${email}`, ...SIGN_IN_LIMITS.account },
    ];
  }

  /** Counts the attempt on every counter, or refuses it (429, nothing counted) when one is full. */
  async reserve(ip: string, email: string): Promise<Reservation> {
    const keys = this.limits(ip, email);
    const rows = (await this.dataSource.query(
      `INSERT INTO login_attempts AS a (key, window_start, failures, window_seconds)
       SELECT k, now(), 1, w FROM unnest($1::text[], $2::int[]) AS t(k, w)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN a.window_start > now() - make_interval(secs => EXCLUDED.window_seconds)
                         THEN a.failures + 1 ELSE 1 END,
         window_start = CASE WHEN a.window_start > now() - make_interval(secs => EXCLUDED.window_seconds)
                             THEN a.window_start ELSE now() END,
         window_seconds = EXCLUDED.window_seconds
       RETURNING key, failures,
         ceil(extract(epoch FROM window_start + make_interval(secs => window_seconds) - now()))::int AS retry`,
      [keys.map((k) => k.key), keys.map((k) => k.windowSeconds)],
    )) as { key: string; failures: number; retry: number }[];
    const over = rows.filter((row) => row.failures > keys.find((k) => k.key === row.key)!.max);
    if (over.length > 0) {
      await this.release(keys);
      throw AuthErrors.tooManyAttempts(Math.max(1, ...over.map((row) => row.retry)));
    }
    return { keys };
  }

  /** The password was right: the attempt was not a failure, and this address has proven itself for the account. */
  async succeeded(reservation: Reservation): Promise<void> {
    const [pair, ...others] = reservation.keys;
    await this.dataSource.query(
      `WITH cleared AS (DELETE FROM login_attempts WHERE key = $1)
       UPDATE login_attempts SET failures = greatest(failures - 1, 0) WHERE key = ANY($2)`,
      [pair.key, others.map((k) => k.key)],
    );
  }

  private async release(keys: Limit[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_attempts SET failures = greatest(failures - 1, 0) WHERE key = ANY($1)`,
      [keys.map((k) => k.key)],
    );
  }
}
