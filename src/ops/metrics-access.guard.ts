import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError, notFound } from '../common/errors';
import { AppConfig } from '../config/config';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `/metrics` tells an outsider how busy the service is and where it fails: with METRICS_TOKEN set it needs that
 * token as a bearer token (401 otherwise); in production without one it is not served (404, as for any unknown
 * path); elsewhere it is public, for a local Prometheus.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.config.metricsAccess;
    if (access === 'public') return true;
    if (access === 'off') throw notFound('REQUEST.NOT_FOUND', 'Metrics are not served here');
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    // Compared as digests: equal lengths for timingSafeEqual, and no early exit on the first differing byte.
    if (given && timingSafeEqual(digest(given), digest(access.token))) return true;
    void context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('www-authenticate', 'Bearer realm="metrics"');
    throw new DomainError('unauthenticated', 'AUTH.UNAUTHENTICATED', 'Metrics need the metrics bearer token');
  }
}
