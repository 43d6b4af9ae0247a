import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { createApp } from './app.factory';
import { createRootLogger } from './common/logger';
import { AppConfig, ConfigError, loadEnv } from './config/config';
import { describeStartupError } from './database/startup-errors';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { assertRedisReachable } from './queue/redis-check';

const SHUTDOWN_TIMEOUT_MS = 30_000;

function fail(message: string): never {
  process.stderr.write(`\nthidua could not start:\n${message}\n\n`);
  process.exit(1);
}

async function bootstrap(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger: Logger = createRootLogger(env.LOG_LEVEL);

  let embedded: EmbeddedDatabase | undefined;
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining HTTP, finishing running jobs, closing pools');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    await app?.close().catch((e: Error) => logger.error({ error: e.message }, 'error while closing'));
    await embedded
      ?.stop()
      .catch((e: Error) => logger.error({ error: e.message }, 'error stopping PostgreSQL'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // Interrupted from a terminal, the embedded PostgreSQL (same process group) stops at the same time as the
  // service: its connections then end with "terminating connection", which is expected while stopping.
  process.on('uncaughtException', (error: Error & { code?: string }) => {
    if (
      stopping &&
      (error.code === '57P01' || /terminat|ECONNRESET|Connection terminated/i.test(error.message))
    ) {
      logger.warn({ error: error.message }, 'the database went away while stopping');
      return;
    }
    logger.fatal({ error: error.message, stack: error.stack }, 'uncaught exception');
    process.exit(1);
  });

  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      logger.info('DATABASE_URL is not set: starting the embedded PostgreSQL');
      embedded = await startEmbeddedPostgres(env.DATA_DIR, logger);
      databaseUrl = embedded.url;
    }
    const config = new AppConfig(env, databaseUrl, embedded !== undefined);
    if (env.REDIS_URL) await assertRedisReachable(env.REDIS_URL);
    app = await createApp(config, logger);
    await app.listen({ port: env.PORT, host: env.HOST });
    const url = await app.getUrl();
    const base = config.env.PUBLIC_URL ?? url.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
    logger.info(
      { role: env.ROLE, queue: config.queueBackend, database: embedded ? 'embedded' : 'external' },
      'thidua is running',
    );
    if (config.runsApi) {
      process.stdout.write(
        `\n  thidua is running (${env.ROLE}, database: ${embedded ? 'embedded PostgreSQL' : 'PostgreSQL'}, queue: ${config.queueBackend})\n` +
          `  Web:       ${base}/app\n` +
          (config.docsPublic ? `  API docs:  ${base}/docs\n` : '') +
          `  Health:    ${base}/health/ready\n\n`,
      );
    }
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    fail(describeStartupError(error, env));
  }
}

void bootstrap();
