'use strict';

const { createHash, randomUUID } = require('node:crypto');
const { Pool } = require('pg');
const { percentile } = require('./stats');
const { sleep } = require('./server');

const REASON = 'Hồ sơ thiếu bản tóm tắt thành tích (benchmark)';

/** The next step of the cycle for a nomination in `state`: who sends which event, and where it leads. */
function nextStep(d) {
  return d.state === 'submitted'
    ? { client: d.leader, body: { type: 'RETURN', payload: { reason: REASON } }, to: 'returned' }
    : { client: d.officer, body: { type: 'RESUBMIT' }, to: 'submitted' };
}

async function stepOnce(d) {
  const { client, body, to } = nextStep(d);
  const res = await client.post(`/nominations/${d.id}/events`, body);
  if (res.status === 200) d.state = to;
  else if (res.status === 409 && res.body?.error?.details?.state) d.state = res.body.error.details.state;
  return res;
}

function summarize(latencies, count, errors, seconds) {
  return {
    transitions: count,
    errors,
    seconds,
    perSecond: count / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

/** Closed loop over HTTP: each client drives its own nomination round the cycle as fast as it answers. */
async function httpClosedLoop(drivers, seconds) {
  const latencies = [];
  let errors = 0;
  const firstErrors = [];
  const started = Date.now();
  const end = started + seconds * 1000;
  await Promise.all(
    drivers.map(async (d) => {
      while (Date.now() < end) {
        const res = await stepOnce(d);
        if (res.status === 200) latencies.push(res.ms);
        else {
          errors++;
          if (firstErrors.length < 3)
            firstErrors.push(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  if (firstErrors.length) process.stderr.write(`  http errors: ${firstErrors.join('\n    ')}\n`);
  return summarize(latencies, latencies.length, errors, elapsed);
}

/**
 * The floor: the same writes with `pg` alone, at the same concurrency, on the same tables — lock the instance, update
 * its snapshot and version, insert a hash-chained history row and an outbox row, commit. The outbox rows are marked
 * as already enqueued so that the service's relay leaves them alone; they are marked done afterwards.
 */
class Floor {
  constructor(databaseUrl, concurrency) {
    this.pool = new Pool({ connectionString: databaseUrl, max: concurrency });
    this.concurrency = concurrency;
    this.instances = [];
  }

  async prepare(snapshot) {
    this.snapshot = snapshot;
    for (let i = 0; i < this.concurrency; i++) {
      const id = randomUUID();
      await this.pool.query(
        `INSERT INTO workflow_instances (id, machine_id, machine_version, state, snapshot, version, head_hash, created_at, updated_at)
         VALUES ($1, 'nomination', 1, 'submitted', $2, 1, $3, now(), now())`,
        [id, snapshot, '0'.repeat(64)],
      );
      this.instances.push({ id, version: 1, head: '0'.repeat(64), state: 'submitted' });
    }
  }

  async step(raw, inst, actor) {
    // Counts its statements (each one a round trip), for the comparison with the service's.
    const client = {
      query: (...args) => {
        this.statements++;
        return raw.query(...args);
      },
    };
    const to = inst.state === 'submitted' ? 'returned' : 'submitted';
    const event = to === 'returned' ? { type: 'RETURN', reason: REASON } : { type: 'RESUBMIT' };
    await client.query('BEGIN');
    try {
      const { rows } = await client.query(`SELECT * FROM workflow_instances WHERE id = $1 FOR UPDATE`, [
        inst.id,
      ]);
      const row = rows[0];
      const seq = row.version + 1;
      const now = new Date();
      const hash = createHash('sha256')
        .update(
          JSON.stringify({
            instanceId: inst.id,
            seq,
            event,
            fromState: row.state,
            toState: to,
            actor,
            createdAt: now.toISOString(),
            prevHash: row.head_hash,
          }),
        )
        .digest('hex');
      const snapshot = { ...row.snapshot, value: to };
      await client.query(
        `UPDATE workflow_instances SET state = $2, snapshot = $3, version = $4, head_hash = $5, updated_at = $6 WHERE id = $1`,
        [inst.id, to, snapshot, seq, hash, now],
      );
      const { rows: h } = await client.query(
        `INSERT INTO workflow_history (instance_id, seq, machine_version, event_type, event, from_state, to_state, actor, created_at, prev_hash, hash)
         VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [inst.id, seq, event.type, event, row.state, to, actor, now, row.head_hash, hash],
      );
      await client.query(
        `INSERT INTO workflow_outbox (instance_id, history_id, effect_type, payload, enqueued_at) VALUES ($1, $2, 'notify', $3, now())`,
        [inst.id, h[0].id, { template: to === 'returned' ? 'nomination.returned' : 'nomination.submitted' }],
      );
      await client.query('COMMIT');
      inst.state = to;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Drives the first `count` instances (all by default), one client each, for `seconds`. */
  async run(seconds, count = this.instances.length) {
    this.statements = 0;
    const latencies = [];
    const started = Date.now();
    const end = started + seconds * 1000;
    const actor = { kind: 'user', id: randomUUID(), role: 'CLUSTER_LEADER', organizationId: randomUUID() };
    await Promise.all(
      this.instances.slice(0, count).map(async (inst) => {
        const client = await this.pool.connect();
        try {
          while (Date.now() < end) {
            const t = process.hrtime.bigint();
            await this.step(client, inst, actor);
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          }
        } finally {
          client.release();
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    await this.pool.query(
      `UPDATE workflow_outbox SET status = 'done', done_at = now() WHERE instance_id = ANY($1::uuid[])`,
      [this.instances.map((i) => i.id)],
    );
    return {
      ...summarize(latencies, latencies.length, 0, elapsed),
      statementsPerTransition: this.statements / latencies.length,
    };
  }

  end() {
    return this.pool.end();
  }
}

/**
 * Open loop: transitions issued at a steady `rate` per second whatever the answers, each to an idle nomination;
 * then the lag from each transition's history row to its inbox rows, and the notify effects that never arrived.
 */
async function notificationLag(db, drivers, rate, seconds, drainTimeoutMs = 60_000) {
  const idle = [...drivers];
  const waiting = [];
  let sent = 0;
  let accepted = 0;
  let errors = 0;
  let late = 0;
  const latencies = [];
  const inflight = new Set();
  const [{ t0 }] = (await db.query(`SELECT clock_timestamp() AS t0`)).rows;
  const started = Date.now();
  const total = Math.round(rate * seconds);
  const fire = (d) => {
    const p = stepOnce(d)
      .then((res) => {
        if (res.status === 200) {
          accepted++;
          latencies.push(res.ms);
        } else errors++;
      })
      .catch(() => errors++)
      .finally(() => {
        inflight.delete(p);
        if (waiting.length > 0) {
          waiting.shift();
          late++;
          fire(d);
        } else idle.push(d);
      });
    inflight.add(p);
  };
  while (sent < total) {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate));
    for (; sent < due; sent++) {
      const d = idle.shift();
      if (d) fire(d);
      else waiting.push(1);
    }
    await sleep(2);
  }
  while (inflight.size > 0 || waiting.length > 0) await sleep(5);
  const elapsed = (Date.now() - started) / 1000;
  const [{ t1 }] = (await db.query(`SELECT clock_timestamp() AS t1`)).rows;

  // Every notify effect of the window must become inbox rows: wait for the relay and the workers to finish.
  const pendingSql = `SELECT count(*)::int AS n FROM workflow_outbox o JOIN workflow_history h ON h.id = o.history_id
     WHERE h.created_at BETWEEN $1 AND $2 AND o.effect_type = 'notify' AND o.status = 'pending'`;
  const drainStart = Date.now();
  while (Date.now() - drainStart < drainTimeoutMs) {
    const [{ n }] = (await db.query(pendingSql, [t0, t1])).rows;
    if (n === 0) break;
    await sleep(200);
  }
  const { rows } = await db.query(
    `WITH effects AS (
       SELECT o.id, h.created_at AS at,
              (SELECT min(n.created_at) FROM notifications n WHERE n.outbox_id = o.id) AS delivered
         FROM workflow_outbox o JOIN workflow_history h ON h.id = o.history_id
        WHERE h.created_at BETWEEN $1 AND $2 AND o.effect_type = 'notify')
     SELECT count(*)::int AS effects,
            count(delivered)::int AS delivered,
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered - at)) * 1000)::float AS p50,
            (percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered - at)) * 1000)::float AS p99,
            (max(extract(epoch FROM delivered - at)) * 1000)::float AS max
       FROM effects`,
    [t0, t1],
  );
  const r = rows[0];
  return {
    rate,
    seconds: elapsed,
    achievedPerSecond: accepted / elapsed,
    accepted,
    errors,
    late,
    requestP50: percentile(latencies, 0.5),
    requestP99: percentile(latencies, 0.99),
    effects: r.effects,
    delivered: r.delivered,
    lost: accepted - r.delivered,
    lagP50: r.p50,
    lagP99: r.p99,
    lagMax: r.max,
  };
}

module.exports = { httpClosedLoop, Floor, notificationLag, stepOnce };
