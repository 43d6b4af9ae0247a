import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/config';
import { ResilientClient } from '../database/resilient-client';

/** ioredis options from a redis:// URL, as BullMQ workers need them (no per-request retry limit). */
export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
  };
}

/**
 * Selects BullMQ's backend for the whole process: Redis when REDIS_URL is set, otherwise BullMQ's PostgreSQL
 * backend on the application's database (its own `bullmq` schema). Returns the `connection` option for queues
 * and workers.
 */
export function selectQueueBackend(config: AppConfig): RedisOptions | Record<string, unknown> {
  if (config.env.REDIS_URL) {
    setDefaultBackendFactory();
    return redisOptions(config.env.REDIS_URL);
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  // The backend's pool takes `pg.Pool` options: its connections keep an error listener from birth (see
  // ResilientClient).
  return { connectionString: config.databaseUrl, migrate: true, max: 4, Client: ResilientClient };
}
