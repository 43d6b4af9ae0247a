import type { EntityManager } from 'typeorm';
import type { OutboxRecord } from './effect-handler';
import type { EffectHandlersRegistry } from './effect-handlers.registry';
import { sql } from './sql';

const DONE = `SET status = 'done', done_at = now(), attempts = attempts + 1`;
const RETURNING = `RETURNING o.id, o.instance_id, o.history_id, o.effect_type, o.payload, o.created_at,
          (SELECT i.machine_id FROM workflow_instances i WHERE i.id = o.instance_id) AS machine_id`;

/**
 * Claims outbox rows and marks them done in one statement, then runs their handlers in the same transaction: the
 * handlers' writes commit with the mark or not at all, so a row is delivered once however often it is tried. A
 * concurrent delivery of a row waits on it and then finds it done. `ids`: those rows (a queue job's); `next`: up
 * to that many rows never enqueued, in order, skipping those another relay holds. Returns how many were delivered.
 */
export async function deliverEffects(
  tx: EntityManager,
  handlers: EffectHandlersRegistry,
  claim: { ids: string[] } | { next: number },
): Promise<number> {
  const { rows } = await sql<Record<string, unknown>>(
    tx,
    'ids' in claim
      ? `UPDATE workflow_outbox o ${DONE} WHERE o.id = ANY($1::bigint[]) AND o.status = 'pending' ${RETURNING}`
      : `UPDATE workflow_outbox o ${DONE}
          WHERE o.id IN (SELECT id FROM workflow_outbox WHERE status = 'pending' AND enqueued_at IS NULL
                          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) ${RETURNING}`,
    ['ids' in claim ? claim.ids : claim.next],
  );
  rows.sort((a, b) => Number(a.id) - Number(b.id));
  for (const row of rows) {
    const handler = handlers.get(row.effect_type as string);
    if (!handler) throw new Error(`no handler for effect ${String(row.effect_type)}`);
    const record: OutboxRecord = {
      id: String(row.id),
      instanceId: row.instance_id as string,
      historyId: String(row.history_id),
      effectType: row.effect_type as string,
      payload: row.payload as Record<string, unknown>,
      createdAt: row.created_at as Date,
      ...(typeof row.machine_id === 'string' ? { machineId: row.machine_id } : {}),
    };
    await handler.handle(record, tx);
  }
  return rows.length;
}
