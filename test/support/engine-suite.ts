import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DomainError } from '../../src/common/errors';
import { SYSTEM_ACTOR } from '../../src/engine/actor';
import { requestHash } from '../../src/engine/idempotency.service';
import { IdempotencyService } from '../../src/engine/idempotency.service';
import { EffectHandlersRegistry } from '../../src/engine/effect-handlers.registry';
import { EFFECT_JOB_OPTIONS, OutboxRelay } from '../../src/engine/outbox-relay.service';
import { MetricsService } from '../../src/ops/metrics.service';
import { selectQueueBackend } from '../../src/queue/queue-connection';
import { DELIVERIES_QUEUE, EFFECTS_QUEUE, TIMERS_QUEUE } from '../../src/queue/queue.constants';
import { startTestApp, type TestApp, type TestAppOptions } from './app';
import { eventually } from './eventually';
import { nominationIn, OFFICER } from './nomination-driver';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the engine to refuse');
}

/**
 * The engine's contract, run against a real PostgreSQL and a real queue backend. The integration tests run it
 * on Redis and on BullMQ's PostgreSQL backend; the e2e test runs it on the embedded PostgreSQL.
 */
export function engineSuite(
  options: () => TestAppOptions & { wipeQueue(app: TestApp): Promise<void> },
): void {
  let t: TestApp;

  beforeAll(async () => {
    const { wipeQueue: _, ...appOptions } = options();
    t = await startTestApp({ ...appOptions, role: 'all' });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Everything `send()` writes for an instance, to prove that a refused event wrote nothing. */
  async function footprint(id: string) {
    const [row] = await t.dataSource.query(
      `SELECT i.version, i.state, i.head_hash,
              (SELECT count(*)::int FROM workflow_history h WHERE h.instance_id = i.id) AS history,
              (SELECT count(*)::int FROM workflow_outbox o WHERE o.instance_id = i.id) AS outbox,
              (SELECT count(*)::int FROM workflow_timers m WHERE m.instance_id = i.id) AS timers,
              (SELECT count(*)::int FROM idempotency_keys) AS keys
         FROM workflow_instances i WHERE i.id = $1`,
      [id],
    );
    return row as Record<string, unknown>;
  }

  it('creates an instance with its first history row and a valid chain', async () => {
    const id = await nominationIn(t.engine, 'draft');
    const { instance } = await t.engine.read(id);
    expect(instance).toMatchObject({
      id,
      machineId: 'nomination',
      machineVersion: 2,
      state: 'draft',
      version: 1,
    });
    expect(instance.label.vi).toBe('Dự thảo (chờ chuyển)');
    const history = await t.engine.history(id);
    expect(history.map((h) => [h.seq, h.eventType, h.fromState, h.toState])).toEqual([
      [1, 'CREATE', null, 'draft'],
    ]);
    await expect(t.engine.verify(id)).resolves.toMatchObject({ valid: true, length: 1 });
  });

  it('applies an accepted event: new state, version + 1, one history row, its effects in the outbox', async () => {
    const id = await nominationIn(t.engine, 'draft');
    const result = await t.engine.send(
      id,
      { type: 'SUBMIT', dossier: { kinds: ['proposal', 'achievementReport'] } },
      {
        actor: OFFICER,
        expectedVersion: 1,
      },
    );
    expect(result.instance).toMatchObject({ state: 'submitted', version: 2 });
    expect(result.history).toMatchObject({
      seq: 2,
      eventType: 'SUBMIT',
      fromState: 'draft',
      toState: 'submitted',
    });
    expect(result.allowedEvents).toEqual(['ACCEPT', 'RETURN', 'WITHDRAW']);
    const outbox = await t.dataSource.query(
      `SELECT effect_type, payload FROM workflow_outbox WHERE instance_id = $1`,
      [id],
    );
    expect(outbox).toEqual([
      {
        effect_type: 'notify',
        payload: {
          template: 'nomination.submitted',
          eventType: 'SUBMIT',
          fromState: 'draft',
          toState: 'submitted',
        },
      },
    ]);
    await expect(t.engine.verify(id)).resolves.toMatchObject({ valid: true, length: 2 });
  });

  it('refuses an event the state does not accept with the allowed events, and writes nothing', async () => {
    const id = await nominationIn(t.engine, 'submitted');
    const before = await footprint(id);
    const error = await refusal(t.engine.send(id, { type: 'APPRAISAL_PASSED' }, { actor: OFFICER }));
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('WORKFLOW.TRANSITION_NOT_ALLOWED');
    expect(error.details).toEqual({
      state: 'submitted',
      event: 'APPRAISAL_PASSED',
      allowedEvents: ['ACCEPT', 'RETURN', 'WITHDRAW'],
    });
    expect(await footprint(id)).toEqual(before);
  });

  it("refuses an event whose guard fails with that guard's code, and writes nothing", async () => {
    const id = await nominationIn(t.engine, 'draft');
    const before = await footprint(id);
    const error = await refusal(
      t.engine.send(id, { type: 'SUBMIT', dossier: { kinds: ['proposal'] } }, { actor: OFFICER }),
    );
    expect(error.code).toBe('NOMINATION.DOSSIER_INCOMPLETE');
    const quota = await nominationIn(t.engine, 'selected');
    const overQuota = await refusal(
      t.engine.send(
        quota,
        { type: 'FORWARD', minutesAttached: true, quota: { used: 1, limit: 1 } },
        { actor: OFFICER },
      ),
    );
    expect(overQuota.code).toBe('NOMINATION.QUOTA_EXCEEDED');
    expect(await footprint(id)).toEqual(before);
  });

  it('answers a stale expected version with a precondition failure, and writes nothing', async () => {
    const id = await nominationIn(t.engine, 'submitted');
    const before = await footprint(id);
    const error = await refusal(
      t.engine.send(id, { type: 'ACCEPT' }, { actor: OFFICER, expectedVersion: 1 }),
    );
    expect(error.kind).toBe('precondition_failed');
    expect(error.details).toEqual({ expectedVersion: 1, currentVersion: 2 });
    expect(await footprint(id)).toEqual(before);
  });

  it('refuses system events from people and events the entitlement denies, and writes nothing', async () => {
    const id = await nominationIn(t.engine, 'accepted');
    const before = await footprint(id);
    const system = await refusal(
      t.engine.send(id, { type: 'VOTE_OPENED', sessionId: 's' }, { actor: OFFICER }),
    );
    expect(system.kind).toBe('forbidden');
    const denied = await refusal(
      t.engine.send(
        id,
        { type: 'WITHDRAW', reason: 'r' },
        { actor: OFFICER, entitled: (type) => type !== 'WITHDRAW' },
      ),
    );
    expect(denied).toMatchObject({ kind: 'forbidden', code: 'WORKFLOW.ACTOR_NOT_ENTITLED' });
    expect(await footprint(id)).toEqual(before);
    await expect(
      t.engine.send(id, { type: 'VOTE_OPENED', sessionId: 's' }, { actor: SYSTEM_ACTOR }),
    ).resolves.toMatchObject({
      instance: { state: 'voting' },
    });
  });

  it('commits all or nothing when the transaction fails between its writes', async () => {
    const id = await nominationIn(t.engine, 'selected');
    const before = await footprint(id);
    // The timer row is written after the snapshot, history and outbox rows: fail there.
    await t.dataSource.query(`
      CREATE OR REPLACE FUNCTION test_fail_timer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.instance_id = '${id}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_fail_timer BEFORE INSERT ON workflow_timers FOR EACH ROW EXECUTE FUNCTION test_fail_timer();`);
    try {
      await expect(
        t.engine.send(
          id,
          { type: 'FORWARD', minutesAttached: true, quota: { used: 0, limit: 1 } },
          { actor: OFFICER },
        ),
      ).rejects.toThrow('injected failure');
    } finally {
      await t.dataSource.query(
        `DROP TRIGGER test_fail_timer ON workflow_timers; DROP FUNCTION test_fail_timer();`,
      );
    }
    expect(await footprint(id)).toEqual(before);
    await expect(t.engine.verify(id)).resolves.toMatchObject({ valid: true });
  });

  it('commits nothing when its connection is killed between writes', async () => {
    const id = await nominationIn(t.engine, 'selected');
    const before = await footprint(id);
    await t.dataSource.query(`
      CREATE OR REPLACE FUNCTION test_stall_timer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.instance_id = '${id}' THEN PERFORM pg_sleep(30); END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_stall_timer BEFORE INSERT ON workflow_timers FOR EACH ROW EXECUTE FUNCTION test_stall_timer();`);
    const killer = new Client({ connectionString: t.config.databaseUrl });
    await killer.connect();
    try {
      const sending = t.engine.send(
        id,
        { type: 'FORWARD', minutesAttached: true, quota: { used: 0, limit: 1 } },
        {
          actor: OFFICER,
        },
      );
      const outcome = sending.then(
        () => 'committed',
        () => 'failed',
      );
      await eventually(async () => {
        const { rowCount } = await killer.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event = 'PgSleep' AND pid <> pg_backend_pid()`,
        );
        expect(rowCount).toBe(1);
      });
      expect(await outcome).toBe('failed');
    } finally {
      await killer.query(
        `DROP TRIGGER test_stall_timer ON workflow_timers; DROP FUNCTION test_stall_timer();`,
      );
      await killer.end();
    }
    expect(await footprint(id)).toEqual(before);
  });

  it('serialises 50 concurrent events on one instance: no lost or duplicated history, a valid chain', async () => {
    const id = await nominationIn(t.engine, 'submitted');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.engine.send(id, { type: 'REMINDER', key: `k${i}` }, { actor: SYSTEM_ACTOR }),
      ),
    );
    expect(results.map((r) => r.instance.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 3),
    );
    const history = await t.engine.history(id);
    expect(history.map((h) => h.seq)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    expect(new Set(history.slice(2).map((h) => h.event.key)).size).toBe(50);
    await expect(t.engine.verify(id)).resolves.toEqual({ valid: true, length: 52, problems: [] });
    expect(await footprint(id)).toMatchObject({ version: 52, history: 52, outbox: 51 });
  });

  it('lets exactly one of 50 concurrent events with the same expected version through', async () => {
    const id = await nominationIn(t.engine, 'submitted');
    const settled = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        t.engine.send(id, { type: 'ACCEPT' }, { actor: OFFICER, expectedVersion: 2 }),
      ),
    );
    const fulfilled = settled.filter((s) => s.status === 'fulfilled');
    const codes = settled.flatMap((s) => (s.status === 'rejected' ? [(s.reason as DomainError).code] : []));
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual(Array(49).fill('WORKFLOW.VERSION_MISMATCH'));
    expect(await footprint(id)).toMatchObject({ version: 3, history: 3, state: 'accepted' });
  });

  it('replays an idempotent command, and refuses the same key with another request', async () => {
    const id = await nominationIn(t.engine, 'submitted');
    const idempotency = t.get(IdempotencyService);
    const key = randomUUID();
    const run = (event: { type: string; reason?: string }) =>
      t.engine.transaction((tx) =>
        idempotency.execute(
          tx,
          { principal: OFFICER.id, key, requestHash: requestHash({ id, event }) },
          200,
          () => t.engine.sendIn(tx, id, event, { actor: OFFICER }),
        ),
      );
    const [first, second] = await Promise.all([
      run({ type: 'RETURN', reason: 'x' }),
      run({ type: 'RETURN', reason: 'x' }),
    ]);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(second.body).toEqual(first.body);
    const before = await footprint(id);
    expect(before).toMatchObject({ version: 3, history: 3 });
    const reused = await refusal(run({ type: 'RETURN', reason: 'another reason' }));
    expect(reused).toMatchObject({ kind: 'unprocessable', code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(await footprint(id)).toEqual(before);
  });

  it('delivers every outbox row exactly once, even with two relays draining at once', async () => {
    const second = new Queue(EFFECTS_QUEUE, {
      connection: selectQueueBackend(t.config) as never,
      prefix: t.config.env.QUEUE_PREFIX,
    });
    const secondTimers = new Queue(TIMERS_QUEUE, {
      connection: selectQueueBackend(t.config) as never,
      prefix: t.config.env.QUEUE_PREFIX,
    });
    const secondDeliveries = new Queue(DELIVERIES_QUEUE, {
      connection: selectQueueBackend(t.config) as never,
      prefix: t.config.env.QUEUE_PREFIX,
    });
    const rival = new OutboxRelay(
      t.dataSource,
      t.config,
      new MetricsService(),
      t.get(EffectHandlersRegistry),
      second,
      secondTimers,
      secondDeliveries,
    );
    try {
      const ids = await Promise.all(Array.from({ length: 20 }, () => nominationIn(t.engine, 'submitted')));
      await Promise.all([t.relay.drain(), rival.drain(), t.relay.drain(), rival.drain()]);
      const rows: { id: string }[] = await t.dataSource.query(
        `SELECT id FROM workflow_outbox WHERE instance_id = ANY($1::uuid[])`,
        [ids],
      );
      expect(rows).toHaveLength(20);
      await eventually(async () => {
        const pending = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM workflow_outbox WHERE instance_id = ANY($1::uuid[]) AND status <> 'done'`,
          [ids],
        );
        expect(pending[0].n).toBe(0);
      });
      // A delivery marks its row done with attempts + 1 in the handler's transaction; a second one would skip it.
      const attempts = await t.dataSource.query(
        `SELECT attempts FROM workflow_outbox WHERE instance_id = ANY($1::uuid[])`,
        [ids],
      );
      expect(attempts).toEqual(Array(20).fill({ attempts: 1 }));
    } finally {
      await second.close();
      await secondTimers.close();
      await secondDeliveries.close();
    }
  });

  it('retries a failed delivery and then delivers it once', async () => {
    // The first attempt to mark the row done fails (a sequence is not rolled back with the transaction).
    await t.dataSource.query(`
      CREATE SEQUENCE test_fail_once;
      CREATE FUNCTION test_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.status = 'done' AND nextval('test_fail_once') = 1 THEN RAISE EXCEPTION 'injected delivery failure'; END IF;
      RETURN NEW; END $$;
      CREATE TRIGGER test_fail_once BEFORE UPDATE ON workflow_outbox FOR EACH ROW EXECUTE FUNCTION test_fail_once();`);
    try {
      const id = await nominationIn(t.engine, 'submitted');
      await eventually(async () => {
        const [row] = await t.dataSource.query(
          `SELECT status, attempts, last_error FROM workflow_outbox WHERE instance_id = $1`,
          [id],
        );
        expect(row).toEqual({ status: 'done', attempts: 2, last_error: 'injected delivery failure' });
      }, 15_000);
    } finally {
      await t.dataSource.query(
        `DROP TRIGGER test_fail_once ON workflow_outbox; DROP FUNCTION test_fail_once(); DROP SEQUENCE test_fail_once;`,
      );
    }
  });

  it('fires timers back into the engine as events, reminder first', async () => {
    const id = await nominationIn(t.engine, 'centralAppraisal');
    const dueDate = new Date(Date.now() + 4000).toISOString();
    await t.engine.send(
      id,
      { type: 'REQUEST_SUPPLEMENT', reason: 'add the minutes', dueDate },
      { actor: OFFICER },
    );
    // The reminder is planned in office hours of a working day, or not at all when none comes before the
    // deadline (a deadline seconds away on a Sunday): whichever holds now, the timers then fire in due order.
    const planned = (await t.dataSource.query(
      `SELECT due_at FROM workflow_timers WHERE instance_id = $1 AND key = 'response:reminder'`,
      [id],
    )) as { due_at: Date }[];
    if (planned.length === 0) {
      await t.dataSource.query(
        `INSERT INTO workflow_timers (id, instance_id, key, event, started_at, due_at, created_history_id)
         SELECT gen_random_uuid(), instance_id, 'response:reminder', '{"type":"REMINDER","key":"response"}', now(),
                now() + interval '1 second', created_history_id
           FROM workflow_timers WHERE instance_id = $1 AND key = 'response'`,
        [id],
      );
      await t.dataSource.query(`SELECT pg_notify('thidua_outbox', '')`);
    } else {
      const local = new Date(new Date(planned[0].due_at).getTime() + 7 * 3600_000);
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(local.getUTCHours()).toBeLessThan(17);
      expect([0, 6]).not.toContain(local.getUTCDay());
    }
    await eventually(async () => {
      const { instance } = await t.engine.read(id);
      expect(instance.context.overdue).toBe(true);
    }, 15_000);
    const history = await t.engine.history(id);
    expect(history.slice(-2).map((h) => [h.eventType, h.actor.id])).toEqual([
      ['REMINDER', 'system:timer'],
      ['DEADLINE', 'system:timer'],
    ]);
    const timers = await t.dataSource.query(
      `SELECT key, status, outcome FROM workflow_timers WHERE instance_id = $1 AND key LIKE 'response%' ORDER BY key`,
      [id],
    );
    expect(timers).toEqual([
      { key: 'response', status: 'fired', outcome: 'fired' },
      { key: 'response:reminder', status: 'fired', outcome: 'fired' },
    ]);
  });

  it('cancels a timer when its state is left, so it never fires', async () => {
    const id = await nominationIn(t.engine, 'centralAppraisal');
    await t.engine.send(id, { type: 'APPRAISAL_PASSED' }, { actor: OFFICER });
    const timers = await t.dataSource.query(
      `SELECT key, status FROM workflow_timers WHERE instance_id = $1 ORDER BY key`,
      [id],
    );
    expect(timers).toEqual([
      { key: 'appraisal', status: 'cancelled' },
      { key: 'appraisal:reminder', status: 'cancelled' },
    ]);
  });

  it('brings back a pending row whose job the queue has finished: it is delivered again, once', async () => {
    const id = await nominationIn(t.engine, 'submitted');
    await eventually(async () => {
      const [row] = await t.dataSource.query(`SELECT status FROM workflow_outbox WHERE instance_id = $1`, [
        id,
      ]);
      expect(row.status).toBe('done');
    });
    const [{ id: outboxId }] = await t.dataSource.query(
      `SELECT id FROM workflow_outbox WHERE instance_id = $1`,
      [id],
    );
    // The relay delivered it without a job; a job of the row that ran anyway (enqueued by a reconciliation while
    // the relay held the row) completes as a no-op.
    await t.effectsQueue.add(
      'deliver',
      { outboxId: String(outboxId) },
      { ...EFFECT_JOB_OPTIONS, jobId: `outbox-${outboxId}` },
    );
    await eventually(async () => {
      expect(await (await t.effectsQueue.getJob(`outbox-${outboxId}`))?.getState()).toBe('completed');
    });
    const inbox = async () =>
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE outbox_id = $1`, [
          outboxId,
        ])
      )[0].n as number;
    const delivered = await inbox();
    // The row is pending again while its job is completed (as after a lost commit, or a job failed by stalls):
    // adding a job with the same id is a no-op, so only a rescue can move it.
    await t.dataSource.query(
      `UPDATE workflow_outbox SET status = 'pending', enqueued_at = now() - interval '5 minutes' WHERE id = $1`,
      [outboxId],
    );
    await t.relay.reconcile();
    await eventually(async () => {
      const [row] = await t.dataSource.query(`SELECT status FROM workflow_outbox WHERE id = $1`, [outboxId]);
      expect(row.status).toBe('done');
    }, 20_000);
    expect(await inbox()).toBe(delivered);
  });

  it('keeps a timer when the queue loses everything, and fires it after reconciliation', async () => {
    const id = await nominationIn(t.engine, 'centralAppraisal');
    const dueDate = new Date(Date.now() + 4000).toISOString();
    await t.engine.send(
      id,
      { type: 'REQUEST_SUPPLEMENT', reason: 'add the minutes', dueDate },
      { actor: OFFICER },
    );
    await eventually(async () => {
      const [row] = await t.dataSource.query(
        `SELECT enqueued_at FROM workflow_timers WHERE instance_id = $1 AND key = 'response'`,
        [id],
      );
      expect(row.enqueued_at).not.toBeNull();
    });
    await options().wipeQueue(t);
    const [timer] = await t.dataSource.query(
      `SELECT id FROM workflow_timers WHERE instance_id = $1 AND key = 'response'`,
      [id],
    );
    expect(await t.timersQueue.getJob(`timer-${timer.id}`)).toBeUndefined();
    const reconciled = await t.relay.reconcile();
    expect(reconciled.timers).toBeGreaterThanOrEqual(1);
    await eventually(async () => {
      const { instance } = await t.engine.read(id);
      expect(instance.context.overdue).toBe(true);
    }, 20_000);
    const fired = await t.dataSource.query(`SELECT status FROM workflow_timers WHERE id = $1`, [timer.id]);
    expect(fired).toEqual([{ status: 'fired' }]);
  });

  it('refuses to update history, and the verifier reports a row altered behind its back', async () => {
    const id = await nominationIn(t.engine, 'accepted');
    await expect(
      t.dataSource.query(
        `UPDATE workflow_history SET event = '{"type":"ACCEPT","forged":true}' WHERE instance_id = $1 AND seq = 3`,
        [id],
      ),
    ).rejects.toThrow('append-only');
    await t.dataSource.transaction(async (tx) => {
      await tx.query(`ALTER TABLE workflow_history DISABLE TRIGGER workflow_history_append_only`);
      await tx.query(
        `UPDATE workflow_history SET event = '{"type":"ACCEPT","forged":true}' WHERE instance_id = $1 AND seq = 3`,
        [id],
      );
      await tx.query(`ALTER TABLE workflow_history ENABLE TRIGGER workflow_history_append_only`);
    });
    await expect(t.engine.verify(id)).resolves.toEqual({
      valid: false,
      length: 3,
      problems: [{ seq: 3, reason: 'hash_mismatch' }],
    });
  });
}

/** Loses every job: Redis `FLUSHDB` on the test's own Redis database, or an obliterated PostgreSQL queue. */
export async function flushRedis(t: TestApp): Promise<void> {
  const redis = new IORedis(t.config.env.REDIS_URL!);
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

export async function obliterateQueues(t: TestApp): Promise<void> {
  await t.effectsQueue.obliterate({ force: true });
  await t.timersQueue.obliterate({ force: true });
}
