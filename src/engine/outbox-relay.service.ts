import { transactionBegunWithFirstStatement } from '../database/one-trip-begin';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { MetricsService } from '../ops/metrics.service';
import {
  DELIVERIES_QUEUE,
  deliveryJobId,
  EFFECTS_QUEUE,
  outboxJobId,
  TIMERS_QUEUE,
  timerJobId,
} from '../queue/queue.constants';
import { deliverEffects } from './effect-delivery';
import { EffectHandlersRegistry } from './effect-handlers.registry';
import { sql } from './sql';
import { jobFacts, rescueAction } from './stranded-jobs';
import { OUTBOX_CHANNEL } from './workflow-engine.service';

const BATCH = 500;
/** Outbox rows the relay delivers itself in one transaction. */
const DIRECT_BATCH = 50;

/**
 * Completed jobs are kept an hour for the dashboard. On Redis at most 50,000 of them (trimming a sorted set by rank
 * is cheap); BullMQ's PostgreSQL backend trims by count with a statement that sorts every kept job of the queue
 * at each completion, so that deliveries slowed down as the table filled (the drain of a third benchmark run
 * took two minutes): there, age alone bounds them, which its index on the finishing time serves.
 */
export function keptCompleted(redis: boolean): JobsOptions['removeOnComplete'] {
  return redis ? { age: 3600, count: 50_000 } : { age: 3600 };
}

export const EFFECT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: keptCompleted(true),
  removeOnFail: { age: 14 * 24 * 3600 },
};

const TIMER_JOB_OPTIONS: JobsOptions = {
  attempts: 20,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: keptCompleted(true),
  removeOnFail: { age: 14 * 24 * 3600 },
};

const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

interface RelayRow {
  id: string;
  due_at?: Date;
  generation?: number;
}

/** A table of committed work and the queue that delivers it. */
interface RelaySource {
  name: 'outbox' | 'timers' | 'deliveries';
  table: string;
  columns: string;
  idType: 'bigint' | 'uuid';
  order: string;
  firstId: string;
  queue: Queue;
  jobs(rows: RelayRow[], now: number): { name: string; data: unknown; opts: JobsOptions }[];
  jobId(row: RelayRow): string;
  /** Pending rows whose job should have run by now (a job waiting or delayed is left alone anyway). */
  overdue: string;
  /** Records a row whose job failed every attempt ($1 the id, $2 the last error). */
  deadLetter: string;
}

/** How long after it should have run a pending row's job is looked at for a rescue. */
const STRANDED_AFTER = "interval '60 seconds'";
const RESCUE_BATCH = 200;

/**
 * Moves committed effects from PostgreSQL into the queue. Rows are claimed with `FOR UPDATE SKIP LOCKED`, so
 * any number of relays can run; the job id is the row id, so enqueueing twice is a no-op. It wakes on
 * NOTIFY from the committing transaction, polls as a fallback, and reconciles (re-enqueues everything still
 * pending) at start-up and periodically, because the queue's store may lose jobs.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private pollTimer?: NodeJS.Timeout;
  private reconcileTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private drainAgain = false;
  private stopped = true;
  private watchingQueue = false;
  private readonly sources: RelaySource[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
    private readonly handlers: EffectHandlersRegistry,
    @InjectQueue(EFFECTS_QUEUE) private readonly effects: Queue,
    @InjectQueue(TIMERS_QUEUE) private readonly timers: Queue,
    @InjectQueue(DELIVERIES_QUEUE) private readonly deliveries: Queue,
  ) {
    this.metrics.onCollect(() => this.collectMetrics());
    const env = config.env;
    const removeOnComplete = keptCompleted(!!env.REDIS_URL);
    this.sources = [
      {
        name: 'outbox',
        table: 'workflow_outbox',
        columns: 'id',
        idType: 'bigint',
        order: 'id',
        firstId: '0',
        queue: effects,
        jobId: (r) => outboxJobId(r.id),
        overdue: `enqueued_at < now() - ${STRANDED_AFTER}`,
        deadLetter: `UPDATE workflow_outbox SET status = 'dead', last_error = $2 WHERE id = $1 AND status = 'pending'`,
        jobs: (rows) =>
          rows.map((r) => ({
            name: 'deliver',
            data: { outboxId: String(r.id) },
            opts: { ...EFFECT_JOB_OPTIONS, removeOnComplete, jobId: outboxJobId(r.id) },
          })),
      },
      {
        name: 'timers',
        table: 'workflow_timers',
        columns: 'id, due_at',
        idType: 'uuid',
        order: 'due_at',
        firstId: FIRST_UUID,
        queue: timers,
        jobId: (r) => timerJobId(r.id),
        overdue: `due_at < now() - ${STRANDED_AFTER}`,
        deadLetter: `UPDATE workflow_timers SET status = 'dead', outcome = left($2, 32), closed_at = now()
                      WHERE id = $1 AND status = 'pending'`,
        jobs: (rows, now) =>
          rows.map((r) => ({
            name: 'fire',
            data: { timerId: r.id },
            opts: {
              ...TIMER_JOB_OPTIONS,
              removeOnComplete,
              jobId: timerJobId(r.id),
              delay: Math.max(0, r.due_at!.getTime() - now),
            },
          })),
      },
      {
        name: 'deliveries',
        table: 'notification_deliveries',
        columns: 'id, generation',
        idType: 'uuid',
        order: 'created_at',
        firstId: FIRST_UUID,
        queue: deliveries,
        jobId: (r) => deliveryJobId(r.id, r.generation!),
        overdue: `enqueued_at < now() - ${STRANDED_AFTER}`,
        deadLetter: `UPDATE notification_deliveries SET status = 'dead', last_error = $2 WHERE id = $1 AND status = 'pending'`,
        jobs: (rows) =>
          rows.map((r) => ({
            name: 'deliver',
            data: { deliveryId: r.id },
            opts: {
              jobId: deliveryJobId(r.id, r.generation!),
              attempts: env.DELIVERY_ATTEMPTS,
              backoff: { type: 'exponential', delay: env.DELIVERY_BACKOFF_MS },
              removeOnComplete,
              removeOnFail: { age: 14 * 24 * 3600 },
            },
          })),
      },
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsWorker) return;
    await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.reconcileWhenQueueReturns();
    await this.listen();
    await this.reconcile().catch((e: Error) =>
      this.logger.warn({ error: e.message }, 'start-up reconciliation failed'),
    );
    this.pollTimer = setInterval(() => void this.drain(), this.config.env.OUTBOX_POLL_MS);
    this.reconcileTimer = setInterval(
      () =>
        void this.reconcile().catch((e: Error) =>
          this.logger.warn({ error: e.message }, 'reconciliation failed'),
        ),
      this.config.env.RECONCILE_INTERVAL_MS,
    );
  }

  /**
   * A queue store that went away may come back empty (Redis restarted without persistence, a failover): reconcile
   * as soon as its connection is ready again rather than at the next periodic run, so that lost jobs and timers
   * are back within seconds.
   */
  private reconcileWhenQueueReturns(): void {
    if (this.watchingQueue) return;
    const backend = (
      this.effects as unknown as { getBackend?: () => { on?: (event: string, listener: () => void) => void } }
    ).getBackend?.();
    if (!backend?.on) return;
    this.watchingQueue = true;
    let lost = false;
    backend.on('close', () => {
      lost = true;
    });
    backend.on('ready', () => {
      if (!lost || this.stopped) return;
      lost = false;
      this.logger.warn('the queue store is back: re-enqueueing every pending effect and timer');
      void this.reconcile().catch((e: Error) =>
        this.logger.warn({ error: e.message }, 'reconciliation after the queue came back failed'),
      );
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.reconcileTimer);
    await this.draining?.catch(() => undefined);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Enqueues everything committed and not yet enqueued; concurrent calls share one run. */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.drainAgain = false;
          let moved: number;
          do {
            moved = 0;
            const waiting = await this.waiting();
            for (const source of this.sources) {
              if (!waiting.has(source.name)) continue;
              const direct = source.name === 'outbox' ? await this.deliverDirectly() : null;
              moved +=
                typeof direct === 'number'
                  ? direct
                  : (await this.relay(source, undefined, direct?.error)).count;
            }
          } while (moved > 0);
        } while (this.drainAgain);
      } catch (error) {
        this.logger.warn({ error: (error as Error).message }, 'outbox relay failed; will retry');
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  /**
   * Delivers the next committed effects here, in one transaction, without a queue job each: a notification costs
   * the statements that write its inbox rows and a share of one claim, instead of a job's round trips to the queue
   * and a transaction of its own. When the batch fails (a handler's error, a lost connection), nothing of it is
   * kept and the error tells the caller to enqueue those rows as jobs (recording the failed attempt), whose
   * retries, backoff and dead letters then take over.
   */
  private async deliverDirectly(): Promise<number | { error: string }> {
    try {
      // BEGIN travels with the claim; the handlers' writes whose answers are not needed, with the next statement.
      const delivered = await transactionBegunWithFirstStatement(this.dataSource, (tx) =>
        deliverEffects(tx, this.handlers, { next: DIRECT_BATCH }),
      );
      if (delivered > 0) this.metrics.jobs.inc({ queue: 'relay', outcome: 'delivered' }, delivered);
      return delivered;
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn(
        { error: message },
        'the relay could not deliver a batch of effects itself; enqueueing them as jobs',
      );
      return { error: message };
    }
  }

  /**
   * The sources with rows never enqueued, in one statement: a wake-up usually concerns one or two of them, and
   * claiming from each would take a transaction apiece.
   */
  private async waiting(): Promise<Set<RelaySource['name']>> {
    const [row] = (await this.dataSource.query(
      `SELECT ${this.sources
        .map(
          (s) =>
            `EXISTS (SELECT 1 FROM ${s.table} WHERE status = 'pending' AND enqueued_at IS NULL) AS "${s.name}"`,
        )
        .join(', ')}`,
    )) as Record<RelaySource['name'], boolean>[];
    return new Set(this.sources.map((s) => s.name).filter((name) => row[name]));
  }

  /** Re-enqueues every pending row of every source: a no-op for jobs the queue still has. */
  async reconcile(): Promise<{ outbox: number; timers: number; deliveries: number }> {
    const counts = { outbox: 0, timers: 0, deliveries: 0 };
    for (const source of this.sources) {
      for (let after: string | null = source.firstId; after !== null;) {
        const page = await this.relay(source, after);
        counts[source.name] += page.count;
        after = page.last;
      }
    }
    const rescued = await this.rescueStranded();
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`,
    );
    if (rescued.requeued + rescued.deadLettered > 0) {
      this.logger.warn(rescued, 'rescued pending rows whose jobs could not bring them further');
    }
    if (counts.outbox + counts.timers + counts.deliveries > 0) {
      this.logger.log(counts, 'reconciled pending effects with the queue');
    }
    return counts;
  }

  /**
   * Pending rows whose job is finished (completed, or failed without using its attempts: a job that stalled past
   * its limit) or missing can never move on through the queue, since a job id that exists is not added again:
   * their job is replaced by a new one. A job that failed every attempt dead-letters its row.
   */
  async rescueStranded(): Promise<{ requeued: number; deadLettered: number }> {
    const result = { requeued: 0, deadLettered: 0 };
    for (const source of this.sources) {
      const rows = (await this.dataSource.query(
        `SELECT ${source.columns} FROM ${source.table} WHERE status = 'pending' AND ${source.overdue}
          ORDER BY ${source.order} LIMIT ${RESCUE_BATCH}`,
      )) as RelayRow[];
      for (const row of rows) {
        const { job, facts } = await jobFacts(source.queue, source.jobId(row));
        const action = rescueAction(facts);
        if (action === 'leave') continue;
        if (action === 'deadLetter') {
          await this.dataSource.query(source.deadLetter, [
            row.id,
            (facts?.failedReason ?? 'failed').slice(0, 2000),
          ]);
          result.deadLettered++;
          continue;
        }
        // A job that cannot be removed is being worked on right now: it is looked at again next time.
        if (
          job &&
          !(await job.remove().then(
            () => true,
            () => false,
          ))
        )
          continue;
        await source.queue.addBulk(source.jobs([row], Date.now()));
        result.requeued++;
      }
    }
    return result;
  }

  /**
   * Moves one batch of a source into its queue. Without `after`: claims rows never enqueued (the normal path).
   * With `after`: the next page of every pending row after that id (reconciliation); `last` is null at the end.
   */
  private async relay(
    source: RelaySource,
    after?: string,
    failedAttempt?: string,
  ): Promise<{ count: number; last: string | null }> {
    return this.dataSource.transaction(async (tx) => {
      const { rows } = await sql<RelayRow>(
        tx,
        after === undefined
          ? `SELECT ${source.columns} FROM ${source.table} WHERE status = 'pending' AND enqueued_at IS NULL
              ORDER BY ${source.order} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`
          : `SELECT ${source.columns} FROM ${source.table} WHERE status = 'pending' AND id > $1
              ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        after === undefined ? [] : [after],
      );
      if (rows.length === 0) return { count: 0, last: null };
      await source.queue.addBulk(source.jobs(rows, Date.now()));
      // The first time a row was enqueued stays: how long its work has been waiting tells a stranded job.
      await sql(
        tx,
        failedAttempt === undefined
          ? `UPDATE ${source.table} SET enqueued_at = coalesce(enqueued_at, now()) WHERE id = ANY($1::${source.idType}[])`
          : `UPDATE ${source.table} SET enqueued_at = coalesce(enqueued_at, now()), attempts = attempts + 1, last_error = $2
              WHERE id = ANY($1::${source.idType}[])`,
        failedAttempt === undefined
          ? [rows.map((r) => r.id)]
          : [rows.map((r) => r.id), failedAttempt.slice(0, 2000)],
      );
      return { count: rows.length, last: String(rows[rows.length - 1].id) };
    });
  }

  /** A dedicated connection that LISTENs for commits with effects; reconnects after a database restart. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'thidua-relay',
    });
    // A connection can fail twice (an error event and a failed LISTEN): it is replaced once.
    let replaced = false;
    const replace = () => {
      if (replaced) return;
      replaced = true;
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    };
    client.on('notification', () => void this.drain());
    client.on('error', (error) => {
      this.logger.warn({ error: error.message }, 'relay listener lost its connection; reconnecting');
      replace();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (replaced) return;
      this.listener = client;
      void this.drain();
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'relay listener could not connect; retrying');
      replace();
    }
  }

  private async collectMetrics(): Promise<void> {
    const [outbox] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS lag
         FROM workflow_outbox WHERE status = 'pending'`,
    )) as { pending: number; lag: number }[];
    this.metrics.outboxPending.set(outbox.pending);
    this.metrics.outboxLag.set(outbox.lag);
    const [timer] = (await this.dataSource.query(
      `SELECT coalesce(extract(epoch FROM now() - min(due_at)), 0)::float AS lag
         FROM workflow_timers WHERE status = 'pending' AND due_at < now()`,
    )) as { lag: number }[];
    this.metrics.timerLag.set(timer.lag);
    const [dead] = (await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM workflow_outbox WHERE status = 'dead') AS effect,
              (SELECT count(*)::int FROM workflow_timers WHERE status = 'dead') AS timer,
              (SELECT count(*)::int FROM notification_deliveries WHERE status = 'dead' AND channel = 'email') AS email,
              (SELECT count(*)::int FROM notification_deliveries WHERE status = 'dead' AND channel = 'webhook') AS webhook`,
    )) as Record<string, number>[];
    for (const [kind, count] of Object.entries(dead)) this.metrics.deadLetters.set({ kind }, count);
    for (const queue of [this.effects, this.timers, this.deliveries]) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
      for (const [state, count] of Object.entries(counts)) {
        this.metrics.queueDepth.set({ queue: queue.name, state }, count);
      }
    }
  }
}
