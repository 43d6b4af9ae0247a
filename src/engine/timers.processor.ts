import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { MetricsService } from '../ops/metrics.service';
import { TIMERS_QUEUE } from '../queue/queue.constants';
import { WorkflowEngine } from './workflow-engine.service';
import { IDEMPOTENT_JOB_LOCKS } from '../queue/queue.constants';

export interface TimerJob {
  timerId: string;
}

/** Fires a due timer back into the engine as an event; a timer fires at most once whatever the redeliveries. */
@Processor(TIMERS_QUEUE, { concurrency: 8, ...IDEMPOTENT_JOB_LOCKS })
export class TimersProcessor extends WorkerHost {
  private readonly logger = new Logger(TimersProcessor.name);

  constructor(
    private readonly engine: WorkflowEngine,
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  async process(job: Job<TimerJob>, token?: string): Promise<string> {
    const outcome = await this.engine.fireTimer(job.data.timerId);
    if (outcome === 'not_due' && token) {
      const [row] = (await this.dataSource.query(`SELECT due_at FROM workflow_timers WHERE id = $1`, [
        job.data.timerId,
      ])) as { due_at: Date }[];
      await job.moveToDelayed(row.due_at.getTime(), token);
      throw new DelayedError();
    }
    this.metrics.jobs.inc({ queue: TIMERS_QUEUE, outcome });
    return outcome;
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ error: error.message }, 'timers worker error');
  }
}
