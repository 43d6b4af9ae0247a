import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/config';
import { selectQueueBackend } from './queue-connection';
import { QueueSupervisor } from './queue-supervisor';
import { DELIVERIES_QUEUE, EFFECTS_QUEUE, TIMERS_QUEUE } from './queue.constants';

/** BullMQ on Redis or on PostgreSQL (see `selectQueueBackend`), with the application's queues. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue(
      { name: EFFECTS_QUEUE },
      { name: TIMERS_QUEUE },
      { name: DELIVERIES_QUEUE },
    );
    return {
      module: QueueModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: selectQueueBackend(config) as never,
            prefix: config.env.QUEUE_PREFIX,
          }),
        }),
        queues,
      ],
      providers: [QueueSupervisor],
      exports: [queues],
    };
  }
}
