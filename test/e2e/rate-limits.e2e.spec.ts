import { randomBytes, randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/app';
import { Http } from '../support/http';
import { PASSWORD, person } from '../support/people';
import { createNomination, pdf } from '../support/story';

jest.setTimeout(120_000);

function expectLimited(res: { status: number; body: any; headers: Headers }, code = 'REQUEST.RATE_LIMITED') {
  expect([res.status, res.body.error.code]).toEqual([429, code]);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.body.error).toEqual(
    expect.objectContaining({ message: expect.any(String), requestId: expect.any(String) }),
  );
}

describe('rate limits shared by replicas (Redis store)', () => {
  let t: TestApp;
  let t2: TestApp;
  const env = {
    QUEUE_PREFIX: `rl${randomBytes(4).toString('hex')}`,
    RATE_LIMIT_UPLOADS: '3',
    RATE_LIMIT_EXPORTS: '1',
    RATE_LIMIT_BALLOTS: '1',
  };

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis', env });
    t2 = await startTestApp({ queue: 'redis', env, databaseUrl: t.config.databaseUrl, sharedQueues: true });
  });
  afterAll(async () => {
    await t2?.close();
    await t?.close();
  });

  it('counts a user’s uploads on every replica, and only that user’s', async () => {
    const officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
    const other = await person(t, 'hungyen.officer', 'NOMINATOR', 'PROVINCE-33');
    const id = await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: 'PROVINCE-36' });
    const otherId = await createNomination(other, { award: 'PM_CERTIFICATE', nomineeOrg: 'PROVINCE-33' });
    const elsewhere = new Http(t2.url, officer.token);
    expect((await officer.upload(id, 'proposal', pdf('1'))).status).toBe(201);
    expect((await elsewhere.upload(id, 'proposal', pdf('2'))).status).toBe(201);
    expect((await officer.upload(id, 'proposal', pdf('3'))).status).toBe(201);
    expectLimited(await elsewhere.upload(id, 'proposal', pdf('4')));
    expectLimited(await officer.upload(id, 'proposal', pdf('5')));
    expect((await other.upload(otherId, 'proposal', pdf('other'))).status).toBe(201);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM nomination_documents WHERE nomination_id = $1`,
      [id],
    );
    expect(n).toBe(3);
  });

  it('limits exports and ballots', async () => {
    const board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    expect((await board.get('/nominations/export.xlsx?year=2023')).status).toBe(200);
    expectLimited(await new Http(t2.url, board.token).get('/nominations/export.xlsx?year=2023'));
    const voter = await person(t, 'thaibinh.voter', 'CLUSTER_VOTER', 'PROVINCE-34');
    const session = randomUUID();
    expect((await voter.post(`/voting-sessions/${session}/ballots`, { choices: [] })).status).toBe(404);
    expectLimited(await voter.post(`/voting-sessions/${session}/ballots`, { choices: [] }));
  });
});

describe('the sign-in rate limit (in memory, one process)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres', env: { RATE_LIMIT_SIGN_IN: '3' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('limits sign-ins per address, right passwords included, on the API and the web page', async () => {
    const officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36'); // the first sign-in
    const email = (await officer.get('/me')).body.email;
    const anonymous = new Http(t.url);
    expect((await anonymous.post('/auth/login', { email, password: PASSWORD })).status).toBe(200);
    expect((await anonymous.post('/auth/login', { email, password: PASSWORD })).status).toBe(200);
    expectLimited(
      await anonymous.post('/auth/login', { email, password: PASSWORD }),
      'AUTH.TOO_MANY_ATTEMPTS',
    );
    const page = await fetch(`${t.url}/app/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: PASSWORD }).toString(),
    });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await page.text()).toContain('Đăng nhập sai quá nhiều lần');
  });
});
