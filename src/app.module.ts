import { type DynamicModule, type ModuleMetadata, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AwardsModule } from './awards/awards.module';
import { CalendarModule } from './calendar/calendar.module';
import { ClustersModule } from './clusters/clusters.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DocumentsModule } from './documents/documents.module';
import { EngineModule } from './engine/engine.module';
import { FilesModule } from './files/files.module';
import { DecisionsModule } from './decisions/decisions.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NominationsModule } from './nominations/nominations.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { OpsModule } from './ops/ops.module';
import { QueueModule } from './queue/queue.module';
import { ReportsModule } from './reports/reports.module';
import { SeedModule } from './seed/seed.module';
import { VotingModule } from './voting/voting.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  /** `extra` lets tests add providers (for example an effect handler) to the real application graph. */
  static forRoot(
    config: AppConfig,
    extra: Pick<ModuleMetadata, 'imports' | 'providers'> = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        AuditModule,
        QueueModule.forRoot(),
        OpsModule,
        CalendarModule,
        EngineModule.forRoot({ worker: config.runsWorker }),
        FilesModule,
        OrganizationsModule,
        AuthModule,
        AwardsModule,
        NotificationsModule.forRoot({ worker: config.runsWorker }),
        NominationsModule,
        DocumentsModule,
        MeetingsModule,
        VotingModule,
        DecisionsModule,
        ClustersModule,
        ReportsModule,
        SeedModule,
        WebModule,
        ...(extra.imports ?? []),
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        ...(extra.providers ?? []),
      ],
    };
  }
}
