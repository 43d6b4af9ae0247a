import { spawnSync } from 'node:child_process';
import { eventually } from '../../support/eventually';
import { query, VERIFY_CLI } from './processes';
import type { Ledger } from './world';

export interface Verdict {
  checked: number;
  violations: string[];
}

function verdict(): Verdict {
  return { checked: 0, violations: [] };
}

function check(v: Verdict, ok: boolean, message: () => string): void {
  v.checked++;
  if (!ok) v.violations.push(message());
}

/** Every transition acknowledged with a 2xx is in the database, with its history row. */
export async function ackedTransitionsPersisted(dbUrl: string, ledger: Ledger, v = verdict()) {
  const ids = [...ledger.acked.keys()];
  const rows = await query<{ instance_id: string; seq: number; event_type: string }>(
    dbUrl,
    `SELECT instance_id, seq, event_type FROM workflow_history WHERE instance_id = ANY($1::uuid[])`,
    [ids],
  );
  const have = new Map(rows.map((r) => [`${r.instance_id}:${r.seq}`, r.event_type]));
  for (const [id, list] of ledger.acked) {
    for (const { version, event } of list) {
      const found = have.get(`${id}:${version}`);
      check(
        v,
        found === event,
        () => `acked ${event} v${version} of ${id} is ${found ?? 'missing'} in history`,
      );
    }
  }
  return v;
}

/** No history without its state: each instance's state and version are those of its last history row, no gaps. */
export async function statesMatchHistory(dbUrl: string, v = verdict()) {
  const rows = await query<{
    id: string;
    state: string;
    version: number;
    n: number;
    max: number;
    last: string;
  }>(
    dbUrl,
    `SELECT i.id, i.state, i.version, count(h.*)::int AS n, max(h.seq)::int AS max,
            (SELECT to_state FROM workflow_history l WHERE l.instance_id = i.id ORDER BY seq DESC LIMIT 1) AS last
       FROM workflow_instances i LEFT JOIN workflow_history h ON h.instance_id = i.id
      GROUP BY i.id`,
  );
  for (const r of rows) {
    check(
      v,
      r.version === r.max && r.n === r.max && r.state === r.last,
      () =>
        `instance ${r.id}: state ${r.state} v${r.version}, history ${r.n} rows up to ${r.max} ending ${r.last}`,
    );
  }
  const orphans = await query<{ n: number }>(
    dbUrl,
    `SELECT count(*)::int AS n FROM workflow_history h
      WHERE NOT EXISTS (SELECT 1 FROM workflow_instances i WHERE i.id = h.instance_id)`,
  );
  check(v, orphans[0].n === 0, () => `${orphans[0].n} history rows without an instance`);
  // A nomination's read model follows its instance.
  const drift = await query<{ id: string }>(
    dbUrl,
    `SELECT n.id FROM nominations n JOIN workflow_instances i ON i.id = n.id WHERE n.state <> i.state`,
  );
  check(
    v,
    drift.length === 0,
    () => `nominations whose state differs from their instance: ${drift.map((d) => d.id)}`,
  );
  return v;
}

/** Every chain verifies, by the CLI (which reads the database itself). */
export function chainsVerify(dbUrl: string, v = verdict()): Verdict {
  const run = spawnSync(process.execPath, [VERIFY_CLI], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: dbUrl },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report: { instances: number; invalid: unknown[] } | undefined;
  try {
    report = JSON.parse(run.stdout.slice(0, run.stdout.lastIndexOf('}') + 1));
  } catch {
    report = undefined;
  }
  check(
    v,
    run.status === 0,
    () => `verify-history exited ${run.status}: ${run.stdout.slice(-2000)} ${run.stderr}`,
  );
  v.checked += report?.instances ?? 0;
  return v;
}

/**
 * Every notify effect is delivered once: all outbox rows done (none dead), each one in the inbox of at least one
 * person, never twice for the same person.
 */
export async function deliveredOnce(dbUrl: string, timeoutMs: number, v = verdict()) {
  await eventually(
    async () => {
      const [row] = await query<{ n: number }>(
        dbUrl,
        `SELECT count(*)::int AS n FROM workflow_outbox WHERE status = 'pending'`,
      );
      if (row.n > 0) throw new Error(`${row.n} outbox rows still pending after ${timeoutMs} ms`);
    },
    timeoutMs,
    250,
  ).catch(() => undefined);
  const outbox = await query<{
    id: string;
    status: string;
    template: string;
    inbox: number;
    distinct_users: number;
  }>(
    dbUrl,
    `SELECT o.id, o.status, o.payload->>'template' AS template,
            (SELECT count(*)::int FROM notifications n WHERE n.outbox_id = o.id) AS inbox,
            (SELECT count(DISTINCT n.user_id)::int FROM notifications n WHERE n.outbox_id = o.id) AS distinct_users
       FROM workflow_outbox o WHERE o.effect_type = 'notify'`,
  );
  for (const o of outbox) {
    check(v, o.status === 'done', () => `outbox ${o.id} (${o.template}) is ${o.status}`);
    check(v, o.inbox > 0, () => `outbox ${o.id} (${o.template}) reached no inbox`);
    check(v, o.inbox === o.distinct_users, () => `outbox ${o.id} (${o.template}) delivered twice to someone`);
  }
  const strays = await query<{ n: number }>(
    dbUrl,
    // Notices of administrative acts have no outbox row (outbox_id is null); every other inbox row must have one.
    `SELECT count(*)::int AS n FROM notifications n
      WHERE n.outbox_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM workflow_outbox o WHERE o.id = n.outbox_id)`,
  );
  check(v, strays[0].n === 0, () => `${strays[0].n} inbox rows without an outbox row`);
  return { verdict: v, effects: outbox.length };
}

/**
 * Every due timer fires once: none pending past its due time (with a grace), and one history event per fired
 * timer (the deadline and its reminder).
 */
export async function timersFiredOnce(dbUrl: string, timeoutMs: number, v = verdict()) {
  // Wait for the timers the load set to fall due (those due within the settling time).
  const [{ wait }] = await query<{ wait: number }>(
    dbUrl,
    `SELECT coalesce(extract(epoch FROM max(due_at) - now()) * 1000, 0)::float AS wait FROM workflow_timers
      WHERE status = 'pending' AND due_at < now() + make_interval(secs => $1::float / 1000)`,
    [timeoutMs / 2],
  );
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  await eventually(
    async () => {
      const [row] = await query<{ n: number }>(
        dbUrl,
        `SELECT count(*)::int AS n FROM workflow_timers WHERE status = 'pending' AND due_at < now()`,
      );
      if (row.n > 0) throw new Error(`${row.n} due timers not fired`);
    },
    timeoutMs,
    250,
  ).catch(() => undefined);
  const late = await query<{ id: string; key: string; due_at: Date }>(
    dbUrl,
    `SELECT id, key, due_at FROM workflow_timers WHERE status = 'pending' AND due_at < now() - interval '2 seconds'`,
  );
  check(
    v,
    late.length === 0,
    () => `${late.length} due timers never fired (${late.slice(0, 3).map((t) => t.key)})`,
  );
  const fired = await query<{ instance_id: string; key: string; type: string; events: number }>(
    dbUrl,
    `SELECT t.instance_id, t.key, t.event->>'type' AS type,
            (SELECT count(*)::int FROM workflow_history h
              WHERE h.instance_id = t.instance_id AND h.event_type = t.event->>'type'
                AND h.actor->>'id' = 'system:timer'
                AND (t.event->>'type' <> 'REMINDER' OR h.event->>'key' = t.event->>'key')) AS events
       FROM workflow_timers t WHERE t.status = 'fired' AND t.outcome = 'fired'`,
  );
  for (const t of fired) {
    check(v, t.events === 1, () => `timer ${t.key} of ${t.instance_id} fired ${t.events} times`);
  }
  return { verdict: v, fired: fired.length };
}

/** Every invariant of the suite, for one database after a scenario's load. */
export async function allInvariants(
  dbUrl: string,
  ledger: Ledger,
  options: { settleMs?: number } = {},
): Promise<{ checked: number; violations: string[]; effects: number; timers: number }> {
  const v = verdict();
  const settle = options.settleMs ?? 60_000;
  const timers = await timersFiredOnce(dbUrl, settle, v);
  const effects = await deliveredOnce(dbUrl, settle, v);
  await ackedTransitionsPersisted(dbUrl, ledger, v);
  await statesMatchHistory(dbUrl, v);
  chainsVerify(dbUrl, v);
  for (const bad of ledger.bad.slice(0, 20)) {
    v.violations.push(`${bad.what} answered ${bad.status}: ${JSON.stringify(bad.body).slice(0, 300)}`);
  }
  if (ledger.bad.length > 20) v.violations.push(`… and ${ledger.bad.length - 20} more bad answers`);
  for (const failed of ledger.failedFlows) v.violations.push(`a flow of the load failed: ${failed}`);
  v.checked += ledger.requests;
  return { checked: v.checked, violations: v.violations, effects: effects.effects, timers: timers.fired };
}
