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
