import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import { AppConfig } from '../config/config';
import { INBOX_CHANNEL } from './notifications.service';

/**
 * Pushes "your inbox changed" to the browsers of the people concerned: one LISTEN connection per API process
 * hears every committed inbox write (whichever worker wrote it) and wakes the streams of those users.
 */
@Injectable()
export class NotificationStream implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationStream.name);
  private readonly subscribers = new Map<string, Set<Subject<void>>>();
  private client?: Client;
  private stopped = false;

  constructor(private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.runsApi) await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const set of this.subscribers.values()) for (const s of set) s.complete();
    await this.client?.end().catch(() => undefined);
  }

  /** Emits each time the user's inbox changes, until the client goes away. */
  changes(userId: string): Observable<void> {
    return new Observable<void>((observer) => {
      const subject = new Subject<void>();
      const subscription = subject.subscribe(observer);
      const set = this.subscribers.get(userId) ?? new Set();
      set.add(subject);
      this.subscribers.set(userId, set);
      return () => {
        subscription.unsubscribe();
        set.delete(subject);
        if (set.size === 0) this.subscribers.delete(userId);
      };
    });
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'thidua-inbox-stream',
    });
    // A connection can fail twice (an error event and a failed LISTEN): it is replaced once.
    let replaced = false;
    const replace = () => {
      if (replaced) return;
      replaced = true;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 1000).unref();
    };
    client.on('notification', (message) => {
      try {
        for (const userId of JSON.parse(message.payload ?? '[]') as string[]) {
          for (const subject of this.subscribers.get(userId) ?? []) subject.next();
        }
      } catch {
        // a payload that is not ours: ignore
      }
    });
    client.on('error', (error) => {
      this.logger.warn({ error: error.message }, 'inbox stream lost its connection; reconnecting');
      replace();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${INBOX_CHANNEL}`);
      if (!replaced) this.client = client;
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'inbox stream could not connect; retrying');
      replace();
    }
  }
}
