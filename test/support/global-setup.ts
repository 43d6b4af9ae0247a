import { Client } from 'pg';
import { createDataSource, runMigrationsLocked } from '../../src/database/data-source';
import { databaseUrl, PG_ADMIN_URL, TEMPLATE_PREFIX, TEST_DATABASE_PREFIX, templateDatabase } from './env';

const DAY_SECONDS = 86_400;
/** Serialises template building between test runs that start at the same time. */
const TEMPLATE_LOCK = 0x7468_6964;

/**
 * Builds a migrated template database once per set of migrations; each test file clones it (CREATE DATABASE …
 * TEMPLATE), which takes a fraction of a second and isolates files running in parallel. Databases that a run
 * left behind (killed before its teardown) are dropped after a day; younger ones may belong to a run in progress.
 */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The tests need PostgreSQL at ${PG_ADMIN_URL} (${(error as Error).message}). Start it (see .ci/run) or set TEST_PG_ADMIN_URL.`,
      { cause: error },
    );
  }
  const now = Math.floor(Date.now() / 1000);
  const template = templateDatabase();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const { rows } = await admin.query<{ datname: string; note: string | null }>(
      `SELECT datname, shobj_description(oid, 'pg_database') AS note FROM pg_database
        WHERE starts_with(datname, $1) OR starts_with(datname, $2)`,
      [TEST_DATABASE_PREFIX, TEMPLATE_PREFIX],
    );
    for (const { datname, note } of rows) {
      const created = datname.startsWith(TEST_DATABASE_PREFIX)
        ? Number(datname.slice(TEST_DATABASE_PREFIX.length).split('_')[0])
        : Number(note?.split(' ')[1] ?? 0);
      if (datname !== template && now - created > DAY_SECONDS) {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
    if (rows.some((row) => row.datname === template && row.note?.startsWith('ready '))) return;
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
    const dataSource = await createDataSource(databaseUrl(template), 2).initialize();
    try {
      await runMigrationsLocked(dataSource);
    } finally {
      await dataSource.destroy();
    }
    await admin.query(`COMMENT ON DATABASE ${template} IS 'ready ${now}'`);
  } finally {
    await admin.end();
  }
}
