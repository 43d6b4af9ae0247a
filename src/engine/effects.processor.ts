import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { MetricsService } from '../ops/metrics.service';
import { EFFECTS_QUEUE } from '../queue/queue.constants';
import type { OutboxRecord } from './effect-handler';
import { EffectHandlersRegistry } from './effect-handlers.registry';
import { IDEMPOTENT_JOB_LOCKS } from '../queue/queue.constants';
import { sql } from './sql';

export interface EffectJob {
  outboxId: string;
}

/** Delivers an outbox row to its handler and marks it done in the same transaction; a redelivery is a no-op. */
@Processor(EFFECTS_QUEUE, { concurrency: 16, ...IDEMPOTENT_JOB_LOCKS })
export class EffectsProcessor extends WorkerHost {
  private readonly logger = new Logger(EffectsProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: EffectHandlersRegistry,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  async process(job: Job<EffectJob>): Promise<string> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      // Claim the row and mark it done in one statement: a concurrent delivery waits on the row and then finds it
      // done; if the handler fails, the transaction rolls back and the row is pending again.
      const { rows } = await sql<Record<string, unknown>>(
        tx,
        `UPDATE workflow_outbox o SET status = 'done', done_at = now(), attempts = attempts + 1
          WHERE o.id = $1 AND o.status = 'pending'
          RETURNING o.id, o.instance_id, o.history_id, o.effect_type, o.payload, o.created_at,
                    (SELECT i.machine_id FROM workflow_instances i WHERE i.id = o.instance_id) AS machine_id`,
        [job.data.outboxId],
      );
      const row = rows[0];
      if (!row) return 'skipped';
      const handler = this.handlers.get(row.effect_type as string);
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
      return 'delivered';
    });
    this.metrics.jobs.inc({ queue: EFFECTS_QUEUE, outcome });
    return outcome;
  }

  /** Without a listener an 'error' event (for example a job lost with the queue's store) would crash the process. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ error: error.message }, 'effects worker error');
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<EffectJob> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.metrics.jobs.inc({ queue: EFFECTS_QUEUE, outcome: final ? 'dead' : 'retry' });
    this.logger.warn(
      { outboxId: job.data.outboxId, attempt: job.attemptsMade, final, error: error.message },
      'effect delivery failed',
    );
    await this.dataSource
      .query(
        `UPDATE workflow_outbox SET attempts = $2, last_error = $3, status = CASE WHEN $4 THEN 'dead' ELSE status END
          WHERE id = $1 AND status = 'pending'`,
        [job.data.outboxId, job.attemptsMade, error.message.slice(0, 2000), final],
      )
      .catch((e: Error) => this.logger.error({ error: e.message }, 'could not record a failed delivery'));
  }
}
