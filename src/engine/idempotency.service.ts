import { deferWrite } from '../database/one-trip-begin';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';
import { EngineErrors } from './engine.errors';
import { sql } from './sql';

export interface IdempotencyRequest {
  /** Who sent it: keys are scoped to the caller, so two users may use the same key. */
  principal: string;
  key: string;
  /** Hash of what identifies the request: method, route, target and body. */
  requestHash: string;
}

export interface Replayable<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export function requestHash(parts: unknown): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

/**
 * `Idempotency-Key` handling inside the command's transaction. The key row is inserted first: a concurrent
 * request with the same key waits on it and then sees the stored response; a refused command rolls the key
 * back with everything else, so it can be retried.
 */
@Injectable()
export class IdempotencyService {
  async execute<T>(
    tx: EntityManager,
    request: IdempotencyRequest | undefined,
    status: number,
    work: () => Promise<T>,
  ): Promise<Replayable<T>> {
    if (!request) return { status, body: await work(), replayed: false };
    const claimed = await sql(
      tx,
      `INSERT INTO idempotency_keys (principal, key, request_hash, status_code, response)
       VALUES ($1, $2, $3, 0, 'null') ON CONFLICT DO NOTHING RETURNING key`,
      [request.principal, request.key, request.requestHash],
    );
    if (claimed.rows.length === 0) {
      const { rows } = await sql<{ request_hash: string; status_code: number; response: T }>(
        tx,
        `SELECT request_hash, status_code, response FROM idempotency_keys WHERE principal = $1 AND key = $2`,
        [request.principal, request.key],
      );
      const prior = rows[0];
      if (!prior) throw EngineErrors.idempotencyInProgress();
      if (prior.request_hash !== request.requestHash) throw EngineErrors.idempotencyKeyReused();
      return { status: prior.status_code, body: prior.response, replayed: true };
    }
    const body = await work();
    // The answer is kept with the command's COMMIT (or its next statement), not in a round trip of its own.
    const keep = `UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE principal = $1 AND key = $2`;
    const params = [request.principal, request.key, status, JSON.stringify(body)];
    if (!deferWrite(tx, keep, params)) await sql(tx, keep, params);
    return { status, body, replayed: false };
  }
}
