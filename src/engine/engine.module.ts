import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CalendarModule } from '../calendar/calendar.module';
import { EffectHandlersRegistry } from './effect-handlers.registry';
import { EngineController } from './engine.controller';
import { HistoryVerifier } from './history-verifier.service';
import { EffectsProcessor } from './effects.processor';
import { IdempotencyService } from './idempotency.service';
import { OutboxRelay } from './outbox-relay.service';
import { TimersProcessor } from './timers.processor';
import { WorkflowEngine } from './workflow-engine.service';
import { WorkflowMigrationController } from './workflow-migration.controller';
import { WorkflowMigrationService } from './workflow-migration.service';

@Global()
@Module({})
export class EngineModule {
  /** The queue processors exist only in processes that run the worker role. */
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: EngineModule,
      imports: [DiscoveryModule, CalendarModule],
      controllers: [EngineController, WorkflowMigrationController],
      providers: [
        WorkflowEngine,
        IdempotencyService,
        OutboxRelay,
        EffectHandlersRegistry,
        HistoryVerifier,
        WorkflowMigrationService,
        ...(options.worker ? [EffectsProcessor, TimersProcessor] : []),
      ],
      exports: [WorkflowEngine, IdempotencyService, OutboxRelay, HistoryVerifier],
    };
  }
}
