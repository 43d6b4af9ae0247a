import { Injectable } from '@nestjs/common';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { countRoundTrips, roundTrips } from './round-trips';

type Collector = () => Promise<void>;

const reportedRoundTrips = new Map<string, number>();

/** Prometheus metrics of this process, served at /metrics. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly collectors: Collector[] = [];

  readonly transitions = new Counter({
    name: 'thidua_transitions_total',
    help: 'Workflow events by machine, event type and outcome (applied, refused, forbidden, stale)',
    labelNames: ['machine', 'event', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'thidua_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly jobs = new Counter({
    name: 'thidua_jobs_total',
    help: 'Queue jobs processed by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly outboxPending = new Gauge({
    name: 'thidua_outbox_pending',
    help: 'Outbox rows not yet delivered',
    registers: [this.registry],
  });

  readonly outboxLag = new Gauge({
    name: 'thidua_outbox_lag_seconds',
    help: 'Age of the oldest outbox row not yet delivered',
    registers: [this.registry],
  });

  readonly timerLag = new Gauge({
    name: 'thidua_timer_lag_seconds',
    help: 'How long the most overdue pending timer has been due',
    registers: [this.registry],
  });

  readonly queueDepth = new Gauge({
    name: 'thidua_queue_jobs',
    help: 'Jobs in the queue by queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly deadLetters = new Gauge({
    name: 'thidua_dead_letters',
    help: 'Work that failed every attempt and waits for a person: notify effects, timers, e-mails and webhooks',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly roundTrips = new Counter({
    name: 'thidua_round_trips_total',
    help: 'Statements sent to PostgreSQL and commands sent to Redis, by store and origin (request, background)',
    labelNames: ['store', 'origin'] as const,
    registers: [this.registry],
    collect() {
      for (const { store, origin, count } of roundTrips()) {
        const reported = reportedRoundTrips.get(`${store}:${origin}`) ?? 0;
        if (count > reported) this.inc({ store, origin }, count - reported);
        reportedRoundTrips.set(`${store}:${origin}`, count);
      }
    },
  });

  constructor() {
    countRoundTrips();
    collectDefaultMetrics({ register: this.registry, prefix: 'thidua_' });
  }

  /** Registers a function that refreshes gauges just before a scrape. */
  onCollect(collector: Collector): void {
    this.collectors.push(collector);
  }

  async render(): Promise<string> {
    await Promise.allSettled(this.collectors.map((c) => c()));
    return this.registry.metrics();
  }
}
