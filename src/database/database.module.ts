import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { ChangeBus } from './change-bus.service';
import { dataSourceOptions, runMigrationsLocked } from './data-source';
import { withoutPreparedStatements } from './one-trip-begin';

/** DATABASE_PREPARED_STATEMENTS of the configuration being built (the factory below cannot inject it). */
let prepared = true;

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        prepared = config.env.DATABASE_PREPARED_STATEMENTS;
        return {
          ...dataSourceOptions(config.databaseUrl, config.env.DATABASE_POOL_SIZE),
          migrationsRun: config.env.MIGRATIONS_RUN,
          retryAttempts: 0,
        };
      },
      // TypeORM's own migrationsRun takes no lock; run them here under an advisory lock instead.
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource({ ...options!, migrationsRun: false }).initialize();
        if (!prepared) withoutPreparedStatements(dataSource);
        if (options?.migrationsRun) {
          const applied = await runMigrationsLocked(dataSource);
          if (applied.length > 0) new Logger('Migrations').log({ applied }, 'applied migrations');
        }
        return dataSource;
      },
    }),
  ],
  providers: [ChangeBus],
  exports: [ChangeBus],
})
export class DatabaseModule {}
