import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the tests find the real services; defaults are this machine's PostgreSQL and Redis. */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEMPLATE_PREFIX = 'thidua_tpl_';
export const TEST_DATABASE_PREFIX = 'thidua_t_';

/**
 * The migrated template database for this checkout's migrations: its name carries a fingerprint of them, so
 * checkouts with different migrations (or runs at the same time) never rebuild each other's template.
 */
export function templateDatabase(): string {
  const dir = path.join(__dirname, '../../migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  return `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 24)}`;
}

export function databaseUrl(name: string, base = PG_ADMIN_URL): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
