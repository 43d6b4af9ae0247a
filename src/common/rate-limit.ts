import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import IORedis from 'ioredis';
import { AuthErrors } from '../auth/auth.errors';
import type { Principal } from '../auth/principal';
import { addressKey } from './client-address';
import { AppConfig } from '../config/config';
import { redisOptions } from '../queue/queue-connection';

/** What a limit protects; each has its own budget per minute (RATE_LIMIT_*). */
export type RateBucket = 'signIn' | 'uploads' | 'ballots' | 'exports';

const RATE_LIMIT_KEY = 'thidua:rate-limit';
const WINDOW_MS = 60_000;

type Limiter = (
  request: FastifyRequest,
) => Promise<
  | { isAllowed: true; key: string }
  | { isAllowed: false; key: string; isExceeded: boolean; ttlInSeconds: number; max: number }
>;

/** The plugin's decoration: a limiter that counts in the plugin's store (Redis, or this process's memory). */
type WithCreateRateLimit = FastifyInstance & {
  createRateLimit(options: {
    max: number;
    timeWindow: number;
    keyGenerator: (request: FastifyRequest) => string;
  }): Limiter;
};

/**
 * Registers @fastify/rate-limit with its Redis store when REDIS_URL is set (so that every replica counts the same
 * requests), in memory otherwise (the embedded default is one process). It adds no hook of its own
 * (`global: false`): the limits are applied by `RateLimitGuard` after authentication, so that they count per
 * user, and their refusals pass through the module's error filter (the API's envelope, a page for the web).
 * A store that fails lets requests through (`skipOnError`): the limits protect capacity, not data.
 */
export async function registerRateLimit(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  // Only processes that serve the API count requests.
  const redis =
    config.env.REDIS_URL && config.runsApi
      ? new IORedis({
          ...redisOptions(config.env.REDIS_URL),
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 3000,
        })
      : undefined;
  redis?.on('error', () => undefined);
  await app.register(fastifyRateLimit as never, {
    global: false,
    skipOnError: true,
    ...(redis ? { redis, nameSpace: `${config.env.QUEUE_PREFIX}:rate-limit:` } : {}),
  });
  if (redis) {
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onClose', async () => {
        await redis.quit().catch(() => redis.disconnect());
      });
  }
}

/**
 * Limits the route to the bucket's requests per minute per user (signed in) or per address (not signed in).
 * Over the limit: 429 with `Retry-After`.
 */
export const RateLimit = (bucket: RateBucket) =>
  applyDecorators(SetMetadata(RATE_LIMIT_KEY, bucket), UseGuards(RateLimitGuard));

/** One limiter per bucket and application, whichever module's guard asks first (their counts are shared). */
const LIMITERS = new WeakMap<FastifyInstance, Map<RateBucket, Limiter | null>>();

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly adapter: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  private maxOf(bucket: RateBucket): number {
    const env = this.config.env;
    return {
      signIn: env.RATE_LIMIT_SIGN_IN,
      uploads: env.RATE_LIMIT_UPLOADS,
      ballots: env.RATE_LIMIT_BALLOTS,
      exports: env.RATE_LIMIT_EXPORTS,
    }[bucket];
  }

  private limiter(bucket: RateBucket): Limiter | null {
    const fastify = this.adapter.httpAdapter.getInstance<WithCreateRateLimit>();
    const limiters = LIMITERS.get(fastify) ?? new Map<RateBucket, Limiter | null>();
    LIMITERS.set(fastify, limiters);
    if (!limiters.has(bucket)) {
      const max = this.maxOf(bucket);
      limiters.set(
        bucket,
        max > 0 && typeof fastify.createRateLimit === 'function'
          ? fastify.createRateLimit({
              max,
              timeWindow: WINDOW_MS,
              keyGenerator: (request) => {
                const principal = (request as FastifyRequest & { principal?: Principal }).principal;
                return `${bucket}:${principal ? `user:${principal.userId}` : `address:${addressKey(request.ip)}`}`;
              },
            })
          : null,
      );
    }
    return limiters.get(bucket)!;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const bucket = this.reflector.get<RateBucket | undefined>(RATE_LIMIT_KEY, context.getHandler());
    const limiter = bucket ? this.limiter(bucket) : null;
    if (!limiter) return true;
    const result = await limiter(context.switchToHttp().getRequest<FastifyRequest>());
    if (result.isAllowed || !result.isExceeded) return true;
    const retryAfter = Math.max(1, result.ttlInSeconds);
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw bucket === 'signIn' ? AuthErrors.tooManyAttempts(retryAfter) : AuthErrors.rateLimited(retryAfter);
  }
}
