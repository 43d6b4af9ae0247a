import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { referenceId } from '../../migrations/1764150000001-reference-data';
import { GENESIS_HASH, hashEntry, type ChainedEntry } from '../../src/engine/history-chain';
import { TEST_POLICY } from './nomination-driver';
import { CLUSTER, orgId } from './people';

export interface SyntheticStep {
  event: string;
  to: string;
  /** Local time in Hanoi, e.g. '2024-03-04 09:00'. */
  at: string;
  payload?: Record<string, unknown>;
}

const hanoi = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

/**
 * Writes a nomination with a known history (times chosen by the test), through the same tables and the same hash
 * chain as the engine: reports can then be compared with figures computed by hand.
 */
export async function syntheticNomination(
  dataSource: DataSource,
  input: { award: string; province: string; year: number; steps: SyntheticStep[]; rejectedAt?: string },
): Promise<string> {
  const id = randomUUID();
  const created = hanoi(input.steps[0].at);
  const last = input.steps[input.steps.length - 1];
  let prev = GENESIS_HASH;
  let from: string | null = null;
  const entries: (ChainedEntry & { hash: string })[] = [];
  const actor = { kind: 'user', id: 'synthetic' };
  for (const [i, step] of [
    { event: 'CREATE', to: 'draft', at: input.steps[0].at },
    ...input.steps,
  ].entries()) {
    const entry: ChainedEntry = {
      instanceId: id,
      seq: i + 1,
      machineVersion: 1,
      eventType: step.event,
      event: { type: step.event, ...('payload' in step ? step.payload : {}) },
      fromState: from,
      toState: step.to,
      actor,
      createdAt: hanoi(step.at),
      prevHash: prev,
    };
    const hash = hashEntry(entry);
    entries.push({ ...entry, hash });
    prev = hash;
    from = step.to;
  }
  const final = ['awarded', 'rejected', 'withdrawn', 'notSelected'].includes(last.to);
  const context = {
    nominationId: id,
    route: 'cluster',
    policy: TEST_POLICY,
    returns: 0,
    supplements: 0,
    lastReason: null,
    overdue: false,
    consultation: false,
    vote: null,
    rejectedAt: input.rejectedAt ?? null,
    decision: null,
  };
  const at = (event: string) => input.steps.find((s) => s.event === event);
  await dataSource.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO workflow_instances (id, machine_id, machine_version, state, snapshot, version, head_hash, created_at, updated_at)
       VALUES ($1, 'nomination', 1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        last.to,
        { value: last.to, context, status: final ? 'done' : 'active' },
        entries.length,
        prev,
        created,
        hanoi(last.at),
      ],
    );
    await tx.query(
      `INSERT INTO nominations (id, award_type, year, route, cluster_id, nominating_org_id, nominee_kind, nominee_org_id, nominee_name,
         nominee_key, summary, policy_id, state, search_text, created_by, created_at, updated_at, submitted_at, forwarded_at, decided_at, rejected_stage)
       SELECT $1, $2, $3, 'cluster', $4, $5, 'collective', $5, o.name_vi, $14, 'synthetic', $6, $7, lower(o.name_en),
              gen_random_uuid(), $8, $9, $10, $11, $12, $13
         FROM organizations o WHERE o.id = $5`,
      [
        id,
        input.award,
        input.year,
        CLUSTER,
        orgId(input.province),
        referenceId('policy', `${input.award}@2`),
        last.to,
        created,
        hanoi(last.at),
        at('SUBMIT') ? hanoi(at('SUBMIT')!.at) : null,
        at('FORWARD') ? hanoi(at('FORWARD')!.at) : null,
        final ? hanoi(last.at) : null,
        input.rejectedAt ?? null,
        `org:${orgId(input.province)}:${id}`,
      ],
    );
    for (const e of entries) {
      await tx.query(
        `INSERT INTO workflow_history (instance_id, seq, machine_version, event_type, event, from_state, to_state, actor, created_at, prev_hash, hash)
         VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, e.seq, e.eventType, e.event, e.fromState, e.toState, e.actor, e.createdAt, e.prevHash, e.hash],
      );
    }
  });
  return id;
}
