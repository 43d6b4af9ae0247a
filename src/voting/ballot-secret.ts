import { createHmac } from 'node:crypto';
import { resolveJwtSecret } from '../auth/jwt-secret';
import type { AppConfig } from '../config/config';

/**
 * The secret that seals ballots while a round is open: BALLOT_SECRET when set, otherwise derived from the JWT
 * secret. It is never written to the database; every replica must have the same one, and it must not change while
 * a round is open (its sealed ballots could not be opened at the close).
 */
export function resolveBallotSecret(config: AppConfig): Buffer {
  const base = config.env.BALLOT_SECRET ?? resolveJwtSecret(config);
  return createHmac('sha256', base).update('thidua:ballot-secret').digest();
}
