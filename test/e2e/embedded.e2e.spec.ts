import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, chmodSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { engineSuite, obliterateQueues } from '../support/engine-suite';
import { eventually } from '../support/eventually';
import { Http } from '../support/http';

jest.setTimeout(120_000);

const MAIN = path.join(__dirname, '../../dist/src/main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The application started the way `npm start` starts it: no DATABASE_URL (an embedded PostgreSQL under
 * DATA_DIR) and no REDIS_URL (BullMQ's PostgreSQL backend), with the demo seeded.
 */
describe('the embedded default, started like `npm start`', () => {
  let app: ChildProcess;
  let dataDir: string;
  let http: Http;
  let stdout = '';
  let exit: Promise<number | null>;

  beforeAll(async () => {
    if (!existsSync(MAIN))
      throw new Error('dist/src/main.js is missing: run `npm run build` first (npm test does)');
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'thidua-embedded-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its directory
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: path.join(dataDir, '.data'),
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    delete env.NODE_ENV;
    app = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    app.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    app.stderr!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    exit = new Promise((resolve) => app.on('exit', (code) => resolve(code)));
    http = new Http(`http://127.0.0.1:${port}`);
    const exited = exit.then((code) => {
      throw new Error(`the application exited (${code}) before it was ready:\n${stdout.slice(-3000)}`);
    });
    const ready = eventually(
      async () => {
        const res = await http.get('/health/ready').catch(() => ({ status: 0 }));
        expect(res.status).toBe(200);
      },
      90_000,
      250,
    );
    await Promise.race([ready, exited]);
    exited.catch(() => undefined);
  });

  afterAll(async () => {
    if (app && app.exitCode === null) app.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /health/ready with the database and the PostgreSQL queue backend up', async () => {
    const res = await http.get('/health/ready');
    expect(res.body).toEqual({
      status: 'ok',
      checks: { database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } },
    });
  });

  it('serves its OpenAPI document', async () => {
    const res = await http.get('/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/nominations', '/nominations/{id}/events', '/health/ready']),
    );
  });

  it('prints the demo passwords once and the demo data is there', async () => {
    expect(stdout).toContain('thidua is running');
    const match = /namdinh\.officer@demo\.thidua\.vn\s+NOMINATOR\s+(\S+)/.exec(stdout);
    expect(match).not.toBeNull();
    const login = await http.post('/auth/login', {
      email: 'namdinh.officer@demo.thidua.vn',
      password: match![1],
    });
    expect(login.status).toBe(200);
    const list = await http.as(login.body.accessToken).get('/nominations');
    expect(
      list.body.items.map((n: { nominee: { name: string }; state: string }) => [n.nominee.name, n.state]),
    ).toEqual([['Nam Định', 'submitted']]);
  });

  describe('the engine suite on the embedded PostgreSQL', () => {
    let url: string;
    beforeAll(async () => {
      const port = readFileSync(path.join(dataDir, '.data/pg/postmaster.pid'), 'utf8').split('\n')[3].trim();
      const { password } = JSON.parse(
        readFileSync(path.join(dataDir, '.data/embedded-postgres.json'), 'utf8'),
      );
      const admin = new Client({
        host: '127.0.0.1',
        port: Number(port),
        user: 'postgres',
        password,
        database: 'postgres',
      });
      await admin.connect();
      await admin.query('CREATE DATABASE engine_suite');
      await admin.end();
      url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/engine_suite`;
    });
    engineSuite(() => ({ queue: 'postgres', databaseUrl: url, wipeQueue: obliterateQueues }));
  });

  it('shuts down cleanly on SIGTERM and stops its PostgreSQL', async () => {
    const pid = Number(readFileSync(path.join(dataDir, '.data/pg/postmaster.pid'), 'utf8').split('\n')[0]);
    app.kill('SIGTERM');
    const code = await exit;
    if (code !== 0) console.log(stdout.slice(-3000));
    expect(code).toBe(0);
    await eventually(() => {
      expect(() => process.kill(pid, 0)).toThrow();
    }, 15_000);
  });
});
