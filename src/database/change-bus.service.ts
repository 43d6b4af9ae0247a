import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';

export const CHANGES_CHANNEL = 'thidua_changes';

/** What a cache depends on. A change of one clears the caches of that topic in every process. */
export type ChangeTopic = 'sessions' | 'organizations' | 'policies' | 'calendar';

type Handler = (key: string | null) => void;

const PING = 'ping';
const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 10_000;

/**
 * Tells every process (API and worker replicas) that data behind a cache changed, through PostgreSQL's
 * LISTEN/NOTIFY: a change published inside a transaction reaches the others when it commits, and never when it
 * rolls back. The publishing process clears its own caches at once.
 *
 * A cache may keep a value only while the bus is connected (it would miss changes otherwise) and only if no change
 * of its topic arrived while the value was being read: `mark()` before the read, `fresh()` after it.
 */
@Injectable()
export class ChangeBus implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeBus.name);
  private readonly handlers = new Map<ChangeTopic, Set<Handler>>();
  private readonly generations = new Map<ChangeTopic, number>();
  private client?: Client;
  private readonly dead = new WeakSet<Client>();
  private heartbeatTimer?: NodeJS.Timeout;
  private ping?: { key: string; sentAt: number };
  private pings = 0;
  private connected = false;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.heartbeatTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.connected = false;
    clearInterval(this.heartbeatTimer);
    await this.client?.end().catch(() => undefined);
  }

  /**
   * A connection can go quiet without an error (a half-open TCP connection, a pooler in front of PostgreSQL, an
   * UNLISTEN): the bus sends itself a ping through the pool and, when it does not hear it back in time, counts
   * the connection as lost — caches are cleared and bypassed until it listens again. Returns whether it is alive.
   */
  async heartbeat(now = Date.now()): Promise<boolean> {
    if (!this.connected || !this.client) return false;
    if (this.ping) {
      if (now - this.ping.sentAt <= HEARTBEAT_TIMEOUT_MS) return true;
      this.logger.warn('change bus did not hear its own ping: reconnecting, caches bypassed meanwhile');
      this.ping = undefined;
      this.lost(this.client);
      return false;
    }
    const key = `${process.pid}:${++this.pings}:${Math.random().toString(36).slice(2)}`;
    this.ping = { key, sentAt: now };
    await this.dataSource
      .query(`SELECT pg_notify($1, $2)`, [CHANGES_CHANNEL, JSON.stringify({ t: PING, k: key })])
      .catch(() => undefined);
    return true;
  }

  /** Whether changes made elsewhere reach this process now. */
  get reliable(): boolean {
    return this.connected;
  }

  subscribe(topic: ChangeTopic, handler: Handler): void {
    const set = this.handlers.get(topic) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(topic, set);
  }

  /** A mark to take before reading what a cache will keep. */
  mark(topic: ChangeTopic): number {
    return this.generations.get(topic) ?? 0;
  }

  /** Whether a value read since `mark` may be kept: the bus is connected and nothing of the topic changed since. */
  fresh(topic: ChangeTopic, mark: number): boolean {
    return this.connected && this.mark(topic) === mark;
  }

  /**
   * Announces a change. Pass the transaction that makes it: the other processes hear of it when it commits.
   * Without one, the announcement is sent at once.
   */
  async publish(topic: ChangeTopic, key: string | null = null, tx?: EntityManager): Promise<void> {
    this.deliver(topic, key);
    const payload = JSON.stringify({ t: topic, k: key });
    await (tx ?? this.dataSource.manager).query(`SELECT pg_notify($1, $2)`, [CHANGES_CHANNEL, payload]);
  }

  private deliver(topic: ChangeTopic, key: string | null): void {
    this.generations.set(topic, this.mark(topic) + 1);
    for (const handler of this.handlers.get(topic) ?? []) {
      try {
        handler(key);
      } catch (error) {
        this.logger.error({ topic, error: (error as Error).message }, 'a cache failed to clear');
      }
    }
  }

  /** Every cache forgets everything: used when changes may have been missed (the connection was lost). */
  private deliverAll(): void {
    for (const topic of this.handlers.keys()) this.deliver(topic, null);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'thidua-changes',
    });
    client.on('notification', (message) => {
      try {
        const { t, k } = JSON.parse(message.payload ?? '{}') as {
          t?: ChangeTopic | typeof PING;
          k?: string | null;
        };
        if (t === PING) {
          if (k === this.ping?.key) this.ping = undefined;
        } else if (t) this.deliver(t, k ?? null);
      } catch {
        // not one of ours
      }
    });
    client.on('error', (error) => {
      this.logger.warn(
        { error: error.message },
        'change bus lost its connection; caches are bypassed until it is back',
      );
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
      this.connected = true;
      // Whatever was cached before may have changed while nobody listened.
      this.deliverAll();
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'change bus could not connect; retrying');
      this.lost(client);
    }
  }

  private lost(client: Client): void {
    if (this.dead.has(client)) return;
    this.dead.add(client);
    this.ping = undefined;
    if (this.client === client) this.client = undefined;
    this.connected = false;
    this.deliverAll();
    client.end().catch(() => undefined);
    if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
  }
}
