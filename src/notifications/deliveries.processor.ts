import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { MetricsService } from '../ops/metrics.service';
import { DELIVERIES_QUEUE } from '../queue/queue.constants';
import { NotificationDeliveryEntity, WebhookEntity } from './delivery.entities';
import { type Mail, MailerService } from './mailer.service';
import { DeliveryFailure, WebhookSender } from './webhook-sender.service';

/**
 * Sends one e-mail or webhook delivery. External effects are at least once: a worker killed after sending and
 * before recording sends again, with the same Message-ID or delivery id so that the receiver can drop it.
 */
@Processor(DELIVERIES_QUEUE, { concurrency: 8 })
export class DeliveriesProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliveriesProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: MailerService,
    private readonly webhooks: WebhookSender,
    private readonly metrics: MetricsService,
  ) {
    super();
  }

  async process(job: Job<{ deliveryId: string }>): Promise<string> {
    const repo = this.dataSource.getRepository(NotificationDeliveryEntity);
    const delivery = await repo.findOneBy({ id: job.data.deliveryId });
    if (!delivery || delivery.status !== 'pending') return 'skipped';
    let status: number | null = null;
    try {
      if (delivery.channel === 'email') {
        await this.mailer.send(delivery.payload as unknown as Mail);
      } else {
        const hook = await this.dataSource
          .getRepository(WebhookEntity)
          .findOneBy({ id: delivery.webhookId! });
        if (!hook || !hook.active) {
          await repo.update(
            { id: delivery.id, status: 'pending' },
            { status: 'dead', lastError: 'webhook removed or inactive' },
          );
          return 'inactive';
        }
        status = await this.webhooks.send(hook, delivery.id, delivery.payload);
      }
    } catch (error) {
      const failure = error as DeliveryFailure;
      await repo.update(
        { id: delivery.id },
        {
          attempts: () => 'attempts + 1',
          lastError: failure.message.slice(0, 1000),
          responseStatus: failure.status ?? null,
        },
      );
      throw error;
    }
    await repo.update(
      { id: delivery.id, status: 'pending' },
      {
        status: 'sent',
        sentAt: new Date(),
        attempts: () => 'attempts + 1',
        responseStatus: status,
        lastError: null,
      },
    );
    this.metrics.jobs.inc({ queue: DELIVERIES_QUEUE, outcome: `${delivery.channel}:sent` });
    return 'sent';
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ deliveryId: string }> | undefined): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.metrics.jobs.inc({ queue: DELIVERIES_QUEUE, outcome: 'dead' });
    await this.dataSource
      .getRepository(NotificationDeliveryEntity)
      .update({ id: job.data.deliveryId, status: 'pending' }, { status: 'dead' })
      .catch((e: Error) => this.logger.error({ error: e.message }, 'could not dead-letter a delivery'));
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ error: error.message }, 'deliveries worker error');
  }
}
