import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { MetricsService } from '../ops/metrics.service';
import { EFFECTS_QUEUE } from '../queue/queue.constants';
import { EffectHandlersRegistry } from './effect-handlers.registry';
import { IDEMPOTENT_JOB_LOCKS } from '../queue/queue.constants';
import { deliverEffects } from './effect-delivery';

export interface EffectJob {
  outboxId: string;
}

/**
 * Delivers an outbox row to its handler and marks it done in the same transaction; a redelivery is a no-op. The
 * relay delivers most rows itself; a job is the way of those it could not (see `OutboxRelay.deliverDirectly`).
 */
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
    const delivered = await this.dataSource.transaction((tx) =>
      deliverEffects(tx, this.handlers, { ids: [job.data.outboxId] }),
    );
    const outcome = delivered > 0 ? 'delivered' : 'skipped';
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
