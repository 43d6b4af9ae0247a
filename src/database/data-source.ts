import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { ResilientClient } from './resilient-client';

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      // Every pooled connection keeps an error listener from birth: see ResilientClient.
      Client: ResilientClient,
      max: poolSize,
      application_name: 'thidua',
      // How long a command waits for a pooled connection (and for a new connection to be established): a burst
      // of requests queues for the pool rather than failing. A server that is down refuses at once (503), so this
      // only bounds waiting under load or for an unreachable host.
      connectionTimeoutMillis: 10_000,
      idle_in_transaction_session_timeout: 60_000,
    },
  };
}

/** Arbitrary constant: the advisory lock that serialises migrations between replicas starting together. */
const MIGRATION_LOCK = 7_201_523_001;

/** Runs pending migrations while holding an advisory lock, so two replicas cannot migrate at once. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}
