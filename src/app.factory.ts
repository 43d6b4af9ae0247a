import type { ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyMultipart from '@fastify/multipart';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { DataSource } from 'typeorm';
import { buildOpenApiDocument } from './common/openapi/openapi';
import {
  createClientErrorHandler,
  frameworkErrors,
  MAX_PARAM_LENGTH,
  MAX_URL_LENGTH,
  refuse,
  uriTooLong,
} from './common/framework-errors';
import { parseJsonBody } from './common/json-body-parser';
import { drainUnreadBody } from './common/lingering-close';
import { JsonLogger } from './common/logger';
import { registerRateLimit } from './common/rate-limit';
import { requestContext } from './common/request-context';
import type { AppConfig } from './config/config';
import { MAX_DOCUMENT_BYTES } from './nominations/documents.service';
import { MetricsService } from './ops/metrics.service';
import { mountQueueDashboard } from './ops/queue-dashboard';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const OPERATIONS_ROUTES = new Set(['/health', '/health/ready', '/metrics']);
export const BODY_LIMIT = 1024 * 1024;
export const MAX_BODY_DEPTH = 32;

/** Whether a parsed body nests objects or arrays deeper than `max` levels (iterative: no recursion to overflow). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Builds the application exactly as `main.ts` runs it; tests use the same function. */
export async function createApp(
  config: AppConfig,
  logger: Logger,
  extra: Pick<ModuleMetadata, 'imports' | 'providers'> = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger.child({ component: 'http' }),
    // One line per request only when debugging: under load they would dominate the log.
    logController: new LogController({
      disableRequestLogging: config.env.LOG_LEVEL !== 'debug' && config.env.LOG_LEVEL !== 'trace',
    }),
    bodyLimit: BODY_LIMIT,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // X-Forwarded-For is believed only from the configured proxies (TRUST_PROXY); otherwise the connection's address.
    trustProxy: config.trustProxy,
    // Errors raised before any hook (a malformed URL, an over-long path segment, HTTP that Node's parser refuses)
    // answer in the error envelope too.
    frameworkErrors,
    clientErrorHandler: createClientErrorHandler(logger.child({ component: 'http' })),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, extra), adapter, {
    logger: new JsonLogger(logger.child({ component: 'nest' })),
    abortOnError: false,
  });
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, parseJsonBody);
  await app.register(fastifyMultipart as never, {
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });
  await registerRateLimit(app, config);
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON (and multipart for files): other bodies get 415 instead of reaching validation as text.
  fastify.removeContentTypeParser('text/plain');
  const metrics = app.get(MetricsService);

  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    if (request.url.length > MAX_URL_LENGTH) {
      refuse(request, reply, uriTooLong);
      return;
    }
    if (!config.runsApi && !OPERATIONS_ROUTES.has(request.url.split('?')[0])) {
      refuse(request, reply, {
        status: 404,
        code: 'REQUEST.NOT_FOUND',
        message: 'This process runs the worker role only',
      });
      return;
    }
    requestContext.enterWith({ requestId: request.id });
    done();
  });
  // A body nested thousands of levels deep would overflow the stack of validation (a 500): no request of the API
  // needs more than a few levels.
  fastify.addHook('preValidation', (request, reply, done) => {
    if (nestedDeeperThan(request.body, MAX_BODY_DEPTH)) {
      void reply.status(400).send({
        error: {
          code: 'REQUEST.INVALID',
          message: `The body is nested deeper than ${MAX_BODY_DEPTH} levels`,
          requestId: request.id,
        },
      });
      return;
    }
    done();
  });
  // An answer sent before the body was read (too large, wrong type, refused early) keeps the connection until the
  // body has arrived, so that the client can read it: see lingering-close.ts.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (drainUnreadBody(request.raw)) reply.removeHeader('connection');
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });

  if (config.runsApi) await mountQueueDashboard(app);
  if (config.runsApi && config.docsPublic) {
    const document = await buildOpenApiDocument(app, app.get(DataSource));
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  }
  return app;
}
