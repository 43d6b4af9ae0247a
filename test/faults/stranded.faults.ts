import { createPostgresBackend, type Job, Queue, setDefaultBackendFactory, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { EFFECT_JOB_OPTIONS } from '../../src/engine/outbox-relay.service';
import { redisOptions } from '../../src/queue/queue-connection';
import { EFFECTS_QUEUE, outboxJobId } from '../../src/queue/queue.constants';
import { eventually } from '../support/eventually';
import { freePort, query } from './support/processes';
import { finish, startStack, type Stack } from './support/stack';
import { scale } from './support/summary';
import { sleep } from './support/until';
import { call, runLoad } from './support/world';

/** The queue connection of the test process, for the backend the stack's processes use. */
function queueConnection(stack: Stack, backend: 'redis' | 'postgres'): Record<string, unknown> {
  if (backend === 'redis') {
    setDefaultBackendFactory();
    return redisOptions(stack.redis.url) as Record<string, unknown>;
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  return { connectionString: stack.dbUrl, migrate: true, max: 2 };
}

/**
 * A job that stalls more often than its limit lands in the failed set while its outbox row stays pending; the job
 * id exists, so enqueueing the row again is a no-op. Reconciliation must still bring the row back, once.
 */
describe.each(['redis', 'postgres'] as const)('fault: jobs stall past their limit (%s)', (backend) => {
  let stack: Stack;
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack({ apis: 1, workers: 1, queue: backend });
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('brings every stalled-out notification back and delivers it once', async () => {
    const [worker] = stack.workers;
    // With the worker down, the API's commits wait in the outbox, never enqueued.
    await worker.kill('SIGKILL');
    await runLoad({
      apis: stack.apiUrls,
      cast: stack.cast,
      nominations: scale(12, 4),
      concurrency: 4,
      ledger: stack.ledger,
    });
    const rows = await query<{ id: string }>(
      stack.dbUrl,
      `SELECT id FROM workflow_outbox WHERE status = 'pending' AND enqueued_at IS NULL ORDER BY id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(scale(12, 4) * 4);

    // Enqueue them as the relay does (an hour ago, so that the next reconciliation looks at them), then take each
    // job with a worker that never finishes it and lets its lock run out: the queue's stall check finds every one
    // past its limit (maxStalledCount 0), and sends it back to wait marked to fail, as a worker that froze or died
    // too often leaves it. The next worker to take it fails it for good.
    const connection = queueConnection(stack, backend);
    const prefix = stack.env.QUEUE_PREFIX;
    const queue = new Queue(EFFECTS_QUEUE, { connection, prefix });
    await queue.addBulk(
      rows.map((r) => ({
        name: 'deliver',
        data: { outboxId: String(r.id) },
        opts: { ...EFFECT_JOB_OPTIONS, jobId: outboxJobId(r.id) },
      })),
    );
    await query(
      stack.dbUrl,
      `UPDATE workflow_outbox SET enqueued_at = now() - interval '1 hour' WHERE id = ANY($1::bigint[])`,
      [rows.map((r) => r.id)],
    );
    const staller = new Worker(EFFECTS_QUEUE, null, {
      connection,
      prefix,
      autorun: false,
      lockDuration: 300,
      stalledInterval: 300,
      maxStalledCount: 0,
    });
    const token = randomUUID();
    for (let taken = 0; taken < rows.length;) {
      const job = (await staller.getNextJob(token, { block: false })) as Job | undefined;
      if (job) taken++;
      else await sleep(50);
    }
    await eventually(
      async () => {
        // The check a worker runs on its stall timer (private in BullMQ's types).
        await (staller as unknown as { moveStalledJobsToWait(): Promise<void> }).moveStalledJobsToWait();
        for (const r of rows) {
          const job = (await queue.getJob(outboxJobId(r.id)))!;
          expect(await job.getState()).toBe('waiting');
          expect(job.deferredFailure).toMatch(/stalled more than allowable limit/);
        }
      },
      30_000,
      400,
    );
    await staller.close(true);

    // The service's worker comes back: it fails each of these jobs on taking it, and reconciliation must replace
    // them although their ids exist.
    await worker.start();
    await eventually(
      async () => {
        const [{ pending }] = await query<{ pending: number }>(
          stack.dbUrl,
          `SELECT count(*)::int AS pending FROM workflow_outbox WHERE status = 'pending' AND id = ANY($1::bigint[])`,
          [rows.map((r) => r.id)],
        );
        expect(pending).toBe(0);
      },
      90_000,
      500,
    );
    await queue.close();
    const violations = await finish(stack, `stalled-past-limit-${backend}`, rows.length, started, {
      details: { stalledOut: rows.length },
    });
    expect(violations).toEqual([]);
  });
});

/** A TCP port that accepts connections and closes them at once: an SMTP server or a webhook target that is down. */
async function refusingServer(): Promise<{ server: Server; port: number }> {
  const port = await freePort();
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port };
}

/** Deliveries whose target stays down longer than all their retries are dead-lettered and shown, never dropped. */
describe('fault: the SMTP server and a webhook target are down for longer than every retry', () => {
  let stack: Stack;
  let smtp: { server: Server; port: number };
  let hook: { server: Server; port: number };
  const started = Date.now();

  beforeAll(async () => {
    smtp = await refusingServer();
    hook = await refusingServer();
    stack = await startStack({
      apis: 1,
      workers: 1,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        DELIVERY_ATTEMPTS: '3',
        DELIVERY_BACKOFF_MS: '100',
      },
    });
  });
  afterAll(async () => {
    await stack?.teardown();
    smtp?.server.close();
    hook?.server.close();
  });

  it('dead-letters every e-mail and webhook delivery and shows them, while the inbox gets everything', async () => {
    const api = stack.apis[0].url;
    const created = await call(api, 'POST', '/webhooks', {
      token: stack.cast.approver.token,
      body: { url: `http://127.0.0.1:${hook.port}/hook`, events: ['*'] },
    });
    expect(created.status).toBe(201);
    await runLoad({
      apis: stack.apiUrls,
      cast: stack.cast,
      nominations: scale(8, 3),
      concurrency: 4,
      ledger: stack.ledger,
    });
    // Every delivery ends: none is left pending, none was sent (the targets never answered).
    await eventually(
      async () => {
        const [row] = await query<{ pending: number }>(
          stack.dbUrl,
          `SELECT count(*)::int AS pending FROM notification_deliveries WHERE status = 'pending'`,
        );
        expect(row.pending).toBe(0);
      },
      120_000,
      250,
    );
    const deliveries = await query<{ channel: string; status: string; attempts: number; n: number }>(
      stack.dbUrl,
      `SELECT channel, status, attempts, count(*)::int AS n FROM notification_deliveries
        GROUP BY channel, status, attempts ORDER BY channel`,
    );
    expect(deliveries.map((d) => d.channel)).toEqual(['email', 'webhook']);
    for (const d of deliveries) expect(d).toMatchObject({ status: 'dead', attempts: 3 });
    const dead = Object.fromEntries(deliveries.map((d) => [d.channel, d.n]));

    // The subscriber sees its dead deliveries with the reason; the operator sees every dead letter in the metrics.
    const listed = await call(api, 'GET', `/webhooks/${created.body.id}/deliveries?limit=200`, {
      token: stack.cast.approver.token,
    });
    expect(listed.status).toBe(200);
    const items = listed.body.items as { status: string; lastError: string | null }[];
    expect(items.length).toBe(dead.webhook);
    for (const item of items) {
      expect(item.status).toBe('dead');
      expect(item.lastError).toBeTruthy();
    }
    const metrics = await fetch(`${stack.workers[0].url}/metrics`).then((r) => r.text());
    expect(metrics).toContain(`thidua_dead_letters{kind="email"} ${dead.email}`);
    expect(metrics).toContain(`thidua_dead_letters{kind="webhook"} ${dead.webhook}`);

    const violations = await finish(stack, 'targets-down', 2, started, { details: dead });
    expect(violations).toEqual([]);
  });
});
