import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource, runMigrationsLocked } from '../../src/database/data-source';
import { databaseUrl, PG_ADMIN_URL, TEMPLATE_DATABASE, TEST_DATABASE_PREFIX } from './env';

/** A fingerprint of the migrations: the template database is rebuilt when they change. */
function migrationsFingerprint(): string {
  const dir = path.join(__dirname, '../../migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 32);
}

/**
 * Builds a migrated template database once per run; each test file clones it (CREATE DATABASE … TEMPLATE),
 * which takes a fraction of a second and isolates files running in parallel.
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
  try {
    const fingerprint = migrationsFingerprint();
    const { rows } = await admin.query(
      `SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`,
      [TEMPLATE_DATABASE],
    );
    const stale = await admin.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [
      TEST_DATABASE_PREFIX,
    ]);
    for (const row of stale.rows as { datname: string }[]) {
      await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    }
    if (rows[0]?.note === fingerprint) return;
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    const dataSource = await createDataSource(databaseUrl(TEMPLATE_DATABASE), 2).initialize();
    try {
      await runMigrationsLocked(dataSource);
    } finally {
      await dataSource.destroy();
    }
    await admin.query(`COMMENT ON DATABASE ${TEMPLATE_DATABASE} IS '${fingerprint}'`);
  } finally {
    await admin.end();
  }
}
