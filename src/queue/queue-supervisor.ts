import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/config';
import { DELIVERIES_QUEUE, EFFECTS_QUEUE, TIMERS_QUEUE } from './queue.constants';

/**
 * Watches the application's queues and workers.
 *
 * A queue reports a lost connection as an `'error'` event; without a listener BullMQ prints it to the console.
 * It is logged here like the workers' errors.
 *
 * On BullMQ's PostgreSQL backend, start-up waits until every queue and worker is ready: each prepares its
 * connection once (schema check and migrations, the LISTEN connection), and that backend keeps a failed preparation
 * for good: a worker whose preparation failed (its connection was lost at that moment) retries in a tight loop that
 * never succeeds, using a core and delivering nothing. Waiting here turns such a failure into a failed start, which
 * the operator sees and a supervisor restarts, instead of a process that looks alive. On Redis a connection that
 * is not ready yet simply reconnects, so nothing is awaited there.
 */
@Injectable()
export class QueueSupervisor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(QueueSupervisor.name);

  constructor(
    private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
  ) {}

  private queues(): Queue[] {
    return [EFFECTS_QUEUE, TIMERS_QUEUE, DELIVERIES_QUEUE].map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
  }

  onModuleInit(): void {
    for (const queue of this.queues()) {
      queue.on('error', (error: Error) =>
        this.logger.warn({ queue: queue.name, error: error.message }, 'queue connection error'),
      );
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.queueBackend !== 'postgres') return;
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
    await Promise.all([...this.queues(), ...workers].map((q) => q.waitUntilReady()));
  }
}
