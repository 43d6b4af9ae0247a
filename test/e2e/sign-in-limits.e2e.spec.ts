import { randomUUID } from 'node:crypto';
import { SIGN_IN_LIMITS } from '../../src/auth/login-throttle.service';
import { startTestApp, type TestApp } from '../support/app';
import { postFrom } from '../support/from-address';
import { Http } from '../support/http';
import { PASSWORD, person } from '../support/people';

jest.setTimeout(120_000);

const ATTACKER = '127.0.0.2';

describe('the sign-in limit cannot be escaped or turned against a user', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const account = async (name: string) => {
    const email = `${name}.${randomUUID().slice(0, 8)}@test.thidua.vn`;
    await person(t, email.split('@')[0], 'NOMINATOR', 'PROVINCE-36');
    return email;
  };

  it('does not believe X-Forwarded-For from a client that is not a configured proxy', async () => {
    const email = await account('forged');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await postFrom(
        ATTACKER,
        t.url,
        '/auth/login',
        { email, password: `wrong-${i}` },
        { 'x-forwarded-for': `203.0.113.${i + 1}` },
      );
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_LIMITS.accountFromAddress.max);
    const right = await postFrom(
      ATTACKER,
      t.url,
      '/auth/login',
      { email, password: PASSWORD },
      { 'x-forwarded-for': '198.51.100.99' },
    );
    expect([right.status, right.body.error.code]).toEqual([429, 'AUTH.TOO_MANY_ATTEMPTS']);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.body.error.details.retryAfterSeconds).toBe(Number(right.headers['retry-after']));
  });

  it('does not let failures forged as another address lock its user out', async () => {
    const email = await account('victim');
    for (let i = 0; i < 31; i++) {
      await postFrom(
        ATTACKER,
        t.url,
        '/auth/login',
        { email, password: 'wrong' },
        { 'x-forwarded-for': '127.0.0.1' },
      );
    }
    // The user, at 127.0.0.1, still signs in: the attacker's failures were counted at the attacker's address.
    const res = await new Http(t.url).post('/auth/login', { email, password: PASSWORD });
    expect(res.status).toBe(200);
  });

  it('checks at most the limit of 16 concurrent wrong passwords', async () => {
    const email = await account('burst');
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        postFrom(ATTACKER, t.url, '/auth/login', { email, password: `burst-${i}` }),
      ),
    );
    const checked = answers.filter((a) => a.status === 401).length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountFromAddress.max);
    expect(answers.filter((a) => a.status === 429).length).toBe(16 - checked);
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    const [row] = await t.dataSource.query(`SELECT failures FROM login_attempts WHERE key = $1`, [
      `pair:${ATTACKER}|${email}`,
    ]);
    expect(row.failures).toBe(checked);
  });

  it('clears the account-from-address counter on a success', async () => {
    const email = await account('typo');
    const from = new Http(t.url);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < SIGN_IN_LIMITS.accountFromAddress.max - 1; i++)
        expect((await from.post('/auth/login', { email, password: 'typo' })).status).toBe(401);
      expect((await from.post('/auth/login', { email, password: PASSWORD })).status).toBe(200);
    }
  });

  describe('behind a configured proxy', () => {
    let proxied: TestApp;
    beforeAll(async () => {
      proxied = await startTestApp({
        queue: 'postgres',
        databaseUrl: t.config.databaseUrl,
        env: { TRUST_PROXY: '127.0.0.1' },
      });
    });
    afterAll(async () => {
      await proxied?.close();
    });

    it('counts per client address from the proxy, and per account across addresses', async () => {
      const email = await account('botnet');
      const proxy = new Http(proxied.url);
      const statuses: number[] = [];
      for (let i = 0; i < SIGN_IN_LIMITS.account.max + 3; i++) {
        const res = await proxy.post(
          '/auth/login',
          { email, password: 'wrong' },
          { 'x-forwarded-for': `203.0.113.${i + 1}` },
        );
        statuses.push(res.status);
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_LIMITS.account.max);
      const rows: { key: string }[] = await t.dataSource.query(
        `SELECT key FROM login_attempts WHERE key LIKE 'addr:203.0.113.%'`,
      );
      expect(rows.length).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.account.max);
      const limited = await proxy.post(
        '/auth/login',
        { email, password: PASSWORD },
        { 'x-forwarded-for': '198.51.100.7' },
      );
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(
        SIGN_IN_LIMITS.account.windowSeconds,
      );
    });

    it('still ignores X-Forwarded-For from anyone else', async () => {
      const email = await account('direct');
      await postFrom(
        ATTACKER,
        proxied.url,
        '/auth/login',
        { email, password: 'x' },
        { 'x-forwarded-for': '192.0.2.1' },
      );
      const keys: { key: string }[] = await t.dataSource.query(
        `SELECT key FROM login_attempts WHERE key LIKE $1`,
        [`%${email}`],
      );
      expect(keys.map((k) => k.key).sort()).toEqual([`acct:${email}`, `pair:${ATTACKER}|${email}`]);
    });
  });
});
