import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { Http } from '../support/http';
import { person } from '../support/people';
import { createNomination } from '../support/story';

jest.setTimeout(60_000);

const MAIN = path.join(__dirname, '../../dist/src/main.js');

describe('operations: health, metrics, request ids, roles, start-up failures', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers liveness and readiness without a token', async () => {
    const http = new Http(t.url);
    expect((await http.get('/health')).body).toEqual({ status: 'ok', role: 'all' });
    expect((await http.get('/health/ready')).body).toMatchObject({
      status: 'ok',
      checks: { queue: { backend: 'redis' } },
    });
  });

  it('exposes Prometheus metrics of transitions, HTTP latency and the outbox', async () => {
    const officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
    await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: 'PROVINCE-36' });
    const metrics = await new Http(t.url).get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain(
      'thidua_transitions_total{machine="nomination",event="CREATE",outcome="applied"} 1',
    );
    expect(metrics.body).toMatch(
      /thidua_http_request_duration_seconds_count\{method="POST",route="\/nominations",status="201"\} 1/,
    );
    expect(metrics.body).toContain('thidua_outbox_lag_seconds');
    expect(metrics.body).toContain('thidua_queue_jobs{queue="effects"');
  });

  it('echoes a request id, or makes one, and puts it in error bodies', async () => {
    const http = new Http(t.url);
    const given = await http.get('/nominations', { 'x-request-id': 'trace-123' });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    expect(given.body.error.requestId).toBe('trace-123');
    const made = await http.get('/nominations', { 'x-request-id': 'bad id with spaces' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves only operations routes in the worker role', async () => {
    const worker = await startTestApp({ queue: 'redis', role: 'worker' });
    try {
      const http = new Http(worker.url);
      expect((await http.get('/health')).body).toEqual({ status: 'ok', role: 'worker' });
      const api = await http.post('/auth/login', { email: 'x', password: 'y' });
      expect(api.status).toBe(404);
      expect(api.body.error.code).toBe('REQUEST.NOT_FOUND');
    } finally {
      await worker.close();
    }
  });

  describe('production defaults', () => {
    const open = async (env: Record<string, string>, work: (http: Http) => Promise<void>) => {
      const app = await startTestApp({ queue: 'redis', env: { NODE_ENV: 'production', ...env } });
      try {
        await work(new Http(app.url));
      } finally {
        await app.close();
      }
    };

    it('serves neither the API docs nor the metrics in production unless configured', async () => {
      await open({}, async (http) => {
        for (const path of ['/docs', '/docs/openapi.json', '/metrics']) {
          const res = await http.get(path);
          expect({ path, status: res.status, code: res.body?.error?.code }).toEqual({
            path,
            status: 404,
            code: 'REQUEST.NOT_FOUND',
          });
          expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'));
        }
        expect((await http.get('/health')).status).toBe(200);
      });
    });

    it('serves the metrics to the holder of METRICS_TOKEN only, and the docs when DOCS_PUBLIC=true', async () => {
      const token = 'metrics-token-0123456789';
      await open({ METRICS_TOKEN: token, DOCS_PUBLIC: 'true' }, async (http) => {
        for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${token}`, `Bearer ${token}x`]) {
          const res = await http.get('/metrics', authorization ? { authorization } : {});
          expect({ status: res.status, code: res.body?.error?.code }).toEqual({
            status: 401,
            code: 'AUTH.UNAUTHENTICATED',
          });
          expect(res.headers.get('www-authenticate')).toContain('Bearer');
        }
        const metrics = await http.get('/metrics', { authorization: `Bearer ${token}` });
        expect(metrics.status).toBe(200);
        expect(metrics.body).toContain('thidua_http_request_duration_seconds');
        expect((await http.get('/docs/openapi.json')).status).toBe(200);
      });
    });
  });

  describe('start-up fails with a message that says what to do, never a stack trace', () => {
    const start = (env: Record<string, string>) =>
      spawnSync(process.execPath, [MAIN], {
        env: { PATH: process.env.PATH!, ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });

    it('names every bad variable', () => {
      const run = start({ PORT: 'eighty', ROLE: 'boss', DATABASE_URL: 'mysql://x' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('PORT');
      expect(run.stderr).toContain('ROLE');
      expect(run.stderr).toContain('DATABASE_URL must be a postgres:// URL');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });

    it('refuses production without a JWT secret', () => {
      const run = start({ NODE_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/x' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('JWT_SECRET: must be set when NODE_ENV=production');
    });

    it('says how to reach PostgreSQL and Redis when they are not there', () => {
      const pg = start({
        DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/thidua',
        LOG_LEVEL: 'silent',
      });
      expect(pg.status).toBe(1);
      expect(pg.stderr).toContain(
        'Cannot connect to PostgreSQL at postgres://postgres:***@127.0.0.1:1/thidua',
      );
      expect(pg.stderr).not.toContain('secret');
      expect(pg.stderr).not.toMatch(/\n\s+at /);
      const redis = start({
        DATABASE_URL: t.config.databaseUrl,
        REDIS_URL: 'redis://127.0.0.1:1',
        LOG_LEVEL: 'silent',
      });
      expect(redis.status).toBe(1);
      expect(redis.stderr).toContain('Cannot reach Redis at redis://127.0.0.1:1');
      expect(redis.stderr).toContain('unset REDIS_URL to use the PostgreSQL queue backend');
    });
  });
});
