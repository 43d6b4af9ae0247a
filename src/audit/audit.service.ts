import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/errors';
import { currentRequestId } from '../common/request-context';
import { canonicalJson } from '../engine/canonical-json';
import { GENESIS_HASH } from '../engine/history-chain';
import { AUDIT_ACTIONS, type AuditAction } from './audit-actions';
import { AuditEntryEntity } from './audit-entry.entity';

/** Who did it: a signed-in person, or a command run on the server (the first administrator, a migration). */
export type AuditActor = Pick<Principal, 'userId' | 'email' | 'role' | 'organizationId'> | { system: string };

export interface AuditInput {
  actor: AuditActor;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  reason?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: Record<string, unknown>;
  action: AuditAction;
  actionLabel: { vi: string; en: string };
  targetType: string;
  targetId: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

/** Serialises writers of the one chain (an arbitrary constant). */
const AUDIT_LOCK = 7_201_523_002;

const actorJson = (actor: AuditActor): Record<string, unknown> =>
  'system' in actor
    ? { kind: 'system', id: actor.system }
    : {
        kind: 'user',
        userId: actor.userId,
        email: actor.email,
        role: actor.role,
        organizationId: actor.organizationId,
      };

interface Chained {
  seq: number;
  at: Date;
  actor: Record<string, unknown>;
  action: string;
  targetType: string;
  targetId: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  prevHash: string;
}

export function hashAuditEntry(e: Chained): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        v: 1,
        seq: e.seq,
        at: e.at.toISOString(),
        actor: e.actor,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        reason: e.reason,
        before: e.before,
        after: e.after,
        requestId: e.requestId,
        prevHash: e.prevHash,
      }),
    )
    .digest('hex');
}

const toView = (row: AuditEntryEntity): AuditEntryView => ({
  seq: Number(row.seq),
  at: new Date(row.at).toISOString(),
  actor: row.actor,
  action: row.action as AuditAction,
  actionLabel: AUDIT_ACTIONS[row.action as AuditAction] ?? { vi: row.action, en: row.action },
  targetType: row.targetType,
  targetId: row.targetId,
  reason: row.reason,
  before: row.before,
  after: row.after,
  requestId: row.requestId,
});

/**
 * The audit log of administrative acts. An act is recorded in the transaction that performs it, so it is logged
 * exactly when it happens: a rolled-back act leaves no entry, and no act commits without its entry.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, input: AuditInput): Promise<void> {
    if (!tx.queryRunner?.isTransactionActive) throw new Error('AuditService.record needs a transaction');
    if (!(input.action in AUDIT_ACTIONS)) throw new Error(`unknown audit action ${input.action}`);
    // The lock first, in a statement of its own: the tail is read after it is granted, with a snapshot taken then
    // (in one statement the snapshot would predate the wait, and see a tail another writer has since extended).
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_LOCK]);
    const [tail] = (await tx.query(`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`)) as {
      seq: string;
      hash: string;
    }[];
    const last = { seq: tail?.seq ?? null, hash: tail?.hash ?? null };
    const entry: Chained = {
      seq: Number(last.seq ?? 0) + 1,
      at: new Date(),
      actor: actorJson(input.actor),
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      reason: input.reason ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      requestId: currentRequestId() ?? null,
      prevHash: last.hash ?? GENESIS_HASH,
    };
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor, action, target_type, target_id, reason, before, after, request_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        entry.seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.targetType,
        entry.targetId,
        entry.reason,
        entry.before,
        entry.after,
        entry.requestId,
        entry.prevHash,
        hashAuditEntry(entry),
      ],
    );
  }

  /** Newest first; `cursor` is the `nextCursor` of the previous page. */
  async list(query: {
    action?: string;
    targetType?: string;
    targetId?: string;
    actorUserId?: string;
    cursor?: string;
    limit?: number;
  }): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    let before: number | null = null;
    if (query.cursor) {
      before = /^\d{1,15}$/.test(query.cursor) ? Number(query.cursor) : NaN;
      if (!Number.isSafeInteger(before)) {
        throw new DomainError(
          'invalid',
          'REQUEST.INVALID_CURSOR',
          'The cursor is not one this API returned',
          {
            fields: [{ field: 'cursor', problems: ['unknown cursor'] }],
          },
        );
      }
    }
    const rows = (await this.dataSource.getRepository(AuditEntryEntity).query(
      `SELECT seq, at, actor, action, target_type AS "targetType", target_id AS "targetId", reason, before, after,
              request_id AS "requestId"
         FROM audit_log
        WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR target_type = $2)
          AND ($3::text IS NULL OR target_id = $3) AND ($4::text IS NULL OR actor->>'userId' = $4)
          AND ($5::bigint IS NULL OR seq < $5)
        ORDER BY seq DESC LIMIT $6`,
      [
        query.action ?? null,
        query.targetType ?? null,
        query.targetId ?? null,
        query.actorUserId ?? null,
        before,
        limit + 1,
      ],
    )) as AuditEntryEntity[];
    const page = rows.slice(0, limit);
    return {
      items: page.map(toView),
      nextCursor: rows.length > limit ? String(page[page.length - 1].seq) : null,
    };
  }

  /** Recomputes the chain from the first entry: a changed, removed or inserted entry breaks it. */
  async verify(): Promise<{ valid: boolean; length: number; problems: { seq: number; reason: string }[] }> {
    const problems: { seq: number; reason: string }[] = [];
    let prev = GENESIS_HASH;
    let expected = 1;
    let after = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT seq, at, actor, action, target_type, target_id, reason, before, after, request_id, prev_hash, hash
           FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 1000`,
        [after],
      )) as {
        seq: string;
        at: Date;
        actor: Record<string, unknown>;
        action: string;
        target_type: string;
        target_id: string | null;
        reason: string | null;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
        request_id: string | null;
        prev_hash: string;
        hash: string;
      }[];
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== expected) problems.push({ seq, reason: 'sequence_gap' });
        if (r.prev_hash !== prev) problems.push({ seq, reason: 'broken_link' });
        const hash = hashAuditEntry({
          seq,
          at: new Date(r.at),
          actor: r.actor,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          reason: r.reason,
          before: r.before,
          after: r.after,
          requestId: r.request_id,
          prevHash: r.prev_hash,
        });
        if (hash !== r.hash) problems.push({ seq, reason: 'hash_mismatch' });
        prev = r.hash;
        expected = seq + 1;
        after = seq;
      }
      if (rows.length < 1000) break;
    }
    return { valid: problems.length === 0, length: expected - 1, problems };
  }
}
