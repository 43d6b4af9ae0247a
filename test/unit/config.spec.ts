import { AppConfig, ConfigError, loadEnv } from '../../src/config/config';

describe('configuration', () => {
  it('has working defaults: the embedded database and the PostgreSQL queue', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      ROLE: 'all',
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './.data',
      NODE_ENV: 'development',
    });
    const config = new AppConfig(env, 'postgres://embedded', true);
    expect(config.queueBackend).toBe('postgres');
    expect(config.seedDemo).toBe(true);
    expect(config.runsApi && config.runsWorker).toBe(true);
  });

  it('reads and converts values', () => {
    const env = loadEnv({
      PORT: '8080',
      ROLE: 'worker',
      REDIS_URL: 'redis://r:6379/2',
      SEED_DEMO: 'false',
      DATABASE_URL: 'postgres://db/x',
    });
    const config = new AppConfig(env, env.DATABASE_URL!, false);
    expect(env.PORT).toBe(8080);
    expect(config.queueBackend).toBe('redis');
    expect(config.runsApi).toBe(false);
    expect(config.seedDemo).toBe(false);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadEnv({
        PORT: '99999',
        ROLE: 'boss',
        REDIS_URL: 'http://x',
        JWT_SECRET: 'short',
        DATABASE_POOL_SIZE: '0',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'ROLE', 'REDIS_URL', 'JWT_SECRET', 'DATABASE_POOL_SIZE'])
      expect(problems).toContain(name);
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(
      'JWT_SECRET: must be set when NODE_ENV=production',
    );
    expect(loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).NODE_ENV).toBe('production');
  });

  it('trusts no proxy by default, and only the listed addresses and ranges otherwise', () => {
    expect(new AppConfig(loadEnv({}), 'postgres://x', true).trustProxy).toBe(false);
    const env = loadEnv({ TRUST_PROXY: ' 10.0.0.0/8, 127.0.0.1 ,::1, fd00::/8' });
    expect(new AppConfig(env, 'postgres://x', true).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
    ]);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.local', '10.0.0.1/8/1', '::1/129']) {
      expect(() => loadEnv({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });

  it('reads the rate limits and the first administrator', () => {
    const env = loadEnv({ RATE_LIMIT_UPLOADS: '0', ADMIN_EMAIL: 'root@thidua.gov.vn' });
    expect(env).toMatchObject({
      RATE_LIMIT_UPLOADS: 0,
      RATE_LIMIT_SIGN_IN: 60,
      ADMIN_EMAIL: 'root@thidua.gov.vn',
      ADMIN_ORGANIZATION: 'BOARD',
    });
    expect(() => loadEnv({ ADMIN_EMAIL: 'not an address' })).toThrow(/ADMIN_EMAIL/);
    expect(() => loadEnv({ RATE_LIMIT_BALLOTS: '-1' })).toThrow(/RATE_LIMIT_BALLOTS/);
  });

  it('keeps the API docs and the metrics private in production unless configured', () => {
    const production = (extra: Record<string, string> = {}) =>
      new AppConfig(
        loadEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ...extra }),
        'postgres://db/x',
        false,
      );
    expect(production().docsPublic).toBe(false);
    expect(production().metricsAccess).toBe('off');
    expect(production({ DOCS_PUBLIC: 'true' }).docsPublic).toBe(true);
    expect(production({ METRICS_TOKEN: 'm'.repeat(16) }).metricsAccess).toEqual({ token: 'm'.repeat(16) });
    const development = new AppConfig(loadEnv({}), 'postgres://embedded', true);
    expect(development.docsPublic).toBe(true);
    expect(development.metricsAccess).toBe('public');
    expect(new AppConfig(loadEnv({ DOCS_PUBLIC: 'false' }), 'x', true).docsPublic).toBe(false);
    expect(() => loadEnv({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 16 characters');
  });
});
