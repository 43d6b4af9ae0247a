import type { ModuleMetadata, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { createRootLogger } from '../../src/common/logger';
import { AppConfig, loadEnv } from '../../src/config/config';
import { OutboxRelay } from '../../src/engine/outbox-relay.service';
import { WorkflowEngine } from '../../src/engine/workflow-engine.service';
import { EFFECTS_QUEUE, TIMERS_QUEUE } from '../../src/queue/queue.constants';
import { createTestDatabase, type TestDatabase } from './database';
import { REDIS_URL } from './env';

export interface TestAppOptions {
  queue: 'redis' | 'postgres';
  role?: 'api' | 'worker' | 'all';
  /** Use this database instead of a fresh clone of the template (the caller owns it). */
  databaseUrl?: string;
  /** Redis logical database; a test that flushes Redis uses one of its own. */
  redisDb?: number;
  env?: Record<string, string>;
  imports?: ModuleMetadata['imports'];
  /** The queues belong to another test app (same prefix): leave them when closing. */
  sharedQueues?: boolean;
  /** Collects every log line (at trace level) instead of discarding them. */
  logLines?: string[];
  providers?: ModuleMetadata['providers'];
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  url: string;
  dataSource: DataSource;
  engine: WorkflowEngine;
  relay: OutboxRelay;
  effectsQueue: Queue;
  timersQueue: Queue;
  get<T>(type: Type<T> | string | symbol): T;
  close(): Promise<void>;
}

/** Starts the real application (same factory as `main.ts`) on a fresh database and a real queue backend. */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  let database: TestDatabase | undefined;
  const databaseUrl = options.databaseUrl ?? (database = await createTestDatabase()).url;
  const env = loadEnv({
    NODE_ENV: 'test',
    ROLE: options.role ?? 'all',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '20',
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_MS: '200',
    RECONCILE_INTERVAL_MS: '60000',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...(options.queue === 'redis' ? { REDIS_URL: `${REDIS_URL}/${options.redisDb ?? 0}` } : {}),
    ...options.env,
  });
  const config = new AppConfig(env, databaseUrl, false);
  const lines = options.logLines;
  const logger = lines
    ? createRootLogger('trace', { write: (line: string) => void lines.push(line) })
    : createRootLogger(env.LOG_LEVEL);
  const app = await createApp(config, logger, { imports: options.imports, providers: options.providers });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const effectsQueue = app.get<Queue>(getQueueToken(EFFECTS_QUEUE));
  const timersQueue = app.get<Queue>(getQueueToken(TIMERS_QUEUE));
  return {
    app,
    config,
    url,
    dataSource: app.get(DataSource),
    engine: app.get(WorkflowEngine),
    relay: app.get(OutboxRelay),
    effectsQueue,
    timersQueue,
    get: <T>(type: Type<T> | string | symbol) => app.get<T>(type as never),
    close: async () => {
      await Promise.allSettled([
        effectsQueue.obliterate({ force: true }),
        timersQueue.obliterate({ force: true }),
      ]);
      await app.close();
      await database?.drop();
    },
  };
}
