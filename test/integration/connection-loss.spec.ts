import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AppConfig, loadEnv } from '../../src/config/config';
import { createDataSource } from '../../src/database/data-source';
import { selectQueueBackend } from '../../src/queue/queue-connection';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { startPgProxy, type PgProxy } from '../support/pg-proxy';

jest.setTimeout(60_000);

/**
 * A process must survive the loss of any PostgreSQL connection it holds, whatever the connection was doing. An
 * uncaught exception here fails the test (and, in the service, kills the process).
 */
describe('losing a PostgreSQL connection', () => {
  let db: TestDatabase;
  let proxy: PgProxy;
  let dataSource: DataSource;

  beforeAll(async () => {
    // No application here: keep Nest's console logger quiet about the broken connections these tests make.
    Logger.overrideLogger(false);
    db = await createTestDatabase();
    proxy = await startPgProxy(db.url);
    dataSource = await createDataSource(proxy.url(db.url), 4).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await proxy?.close();
    await db?.drop();
  });

  async function backendPid(run: (sql: string) => Promise<{ pid: number }[]>): Promise<number> {
    const [{ pid }] = await run('SELECT pg_backend_pid() AS pid');
    return pid;
  }

  async function terminate(pid: number): Promise<void> {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
  }

  it('survives a new pooled connection that is terminated as it becomes ready', async () => {
    // The pool's only connection is held by a transaction, so the next query opens a new one: the ambushed one.
    const holder = dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query('SELECT 1');
    const ambushed = proxy.ambushNext();
    const outcome = await dataSource.query('SELECT 1 AS one').then(
      () => 'answered',
      (error: Error) => error.message,
    );
    await ambushed;
    expect(outcome).toMatch(/not queryable|terminat|Connection/i);
    await holder.rollbackTransaction();
    await holder.release();
    // The broken connection left the pool: the next queries are answered.
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    const runners = await Promise.all([1, 2, 3].map(() => dataSource.query('SELECT 2 AS two')));
    expect(runners).toEqual([[{ two: 2 }], [{ two: 2 }], [{ two: 2 }]]);
  });

  it('survives a checked-out connection terminated while its transaction waits for something else', async () => {
    const outcome = await dataSource
      .transaction(async (tx) => {
        const pid = await backendPid((sql) => tx.query(sql));
        // Idle in transaction, as while a relay transaction waits for the queue.
        await terminate(pid);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await tx.query('SELECT 1');
        return 'committed';
      })
      .catch((error: Error) => error.name);
    expect(outcome).not.toBe('committed');
    expect(await dataSource.query('SELECT 3 AS three')).toEqual([{ three: 3 }]);
  });

  it('survives an idle pooled connection that is terminated', async () => {
    const pid = await backendPid((sql) => dataSource.query(sql));
    await terminate(pid);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await dataSource.query('SELECT 4 AS four')).toEqual([{ four: 4 }]);
  });

  it("survives the queue backend's connection terminated as it becomes ready", async () => {
    const url = proxy.url(db.url);
    const config = new AppConfig(loadEnv({ DATABASE_URL: url }), url, false);
    const ambushed = proxy.ambushNext();
    const queue = new Queue('connection-loss', { connection: selectQueueBackend(config) as never });
    try {
      const outcome = await queue.waitUntilReady().then(
        () => 'ready',
        (error: Error) => error.message,
      );
      await ambushed;
      expect(outcome).toMatch(/not queryable|terminat|Connection/i);
    } finally {
      await queue.close().catch(() => undefined);
    }
  });
});

describe.each(['redis', 'postgres'] as const)('the service losing its connections (queue on %s)', (queue) => {
  let t: TestApp;
  const LISTENERS = ['thidua-relay', 'thidua-changes', 'thidua-inbox-stream'];

  beforeAll(async () => {
    t = await startTestApp({ queue });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The backends of the service's database by application name (this test's own connection excluded). */
  async function backends(): Promise<Record<string, number[]>> {
    const admin = new Client({ connectionString: t.config.databaseUrl, application_name: 'connection-loss' });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ name: string; pid: number }>(
        `SELECT application_name AS name, pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      const byName: Record<string, number[]> = {};
      for (const { name, pid } of rows) (byName[name] ??= []).push(pid);
      return byName;
    } finally {
      await admin.end();
    }
  }

  async function terminateAll(): Promise<number[]> {
    const admin = new Client({ connectionString: t.config.databaseUrl, application_name: 'connection-loss' });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
        rows.map((r) => r.pid),
      ]);
      return rows.map((r) => r.pid);
    } finally {
      await admin.end();
    }
  }

  it('keeps running when every connection it holds is terminated, and listens again once per channel', async () => {
    await eventually(async () => {
      const names = await backends();
      for (const name of LISTENERS) expect(names[name]).toHaveLength(1);
    }, 20_000);
    for (let round = 0; round < 3; round++) {
      const before = await terminateAll();
      await eventually(
        async () => {
          const names = await backends();
          for (const name of LISTENERS) {
            expect(names[name]).toHaveLength(1);
            expect(before).not.toContain(names[name][0]);
          }
          const ready = await fetch(`${t.url}/health/ready`);
          expect(ready.status).toBe(200);
        },
        30_000,
        200,
      );
    }
    // Commands work again.
    const res = await fetch(`${t.url}/health/ready`);
    expect(((await res.json()) as { status: string }).status).toBe('ok');
  });
});

describe('the service reconnecting its LISTEN connections', () => {
  let db: TestDatabase;
  let proxy: PgProxy;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    proxy = await startPgProxy(db.url);
    t = await startTestApp({ queue: 'redis', databaseUrl: proxy.url(db.url) });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await db?.drop();
  });

  async function listeners(): Promise<Record<string, number>> {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ name: string; n: number }>(
        `SELECT application_name AS name, count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name IN ('thidua-relay', 'thidua-inbox-stream')
          GROUP BY 1`,
      );
      return Object.fromEntries(rows.map((r) => [r.name, r.n]));
    } finally {
      await admin.end();
    }
  }

  it('replaces a lost connection once even when its replacement is lost as it connects', async () => {
    await eventually(async () =>
      expect(await listeners()).toEqual({ 'thidua-relay': 1, 'thidua-inbox-stream': 1 }),
    );
    // Both are terminated; the first connection each makes to come back is terminated as it becomes ready.
    const ambushes = [proxy.ambushNext(), proxy.ambushNext()];
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name IN ('thidua-relay', 'thidua-inbox-stream')`,
    );
    await admin.end();
    await Promise.all(ambushes);
    await eventually(
      async () => expect(await listeners()).toEqual({ 'thidua-relay': 1, 'thidua-inbox-stream': 1 }),
      20_000,
      200,
    );
    // A second replacement of the same connection would arrive a second after the first.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await listeners()).toEqual({ 'thidua-relay': 1, 'thidua-inbox-stream': 1 });
  });
});
