import { randomUUID } from 'node:crypto';
import { ChangeBus } from '../../src/database/change-bus.service';
import { SESSION_COOKIE } from '../../src/auth/session-cookie';
import { WebSessionService } from '../../src/web/web-session.service';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { Http } from '../support/http';
import { orgId, PASSWORD, person } from '../support/people';

jest.setTimeout(120_000);

/** Signs the same user in again: a second, independent session. */
async function signIn(t: TestApp, email: string): Promise<Http> {
  const res = await new Http(t.url).post<{ accessToken: string }>('/auth/login', {
    email,
    password: PASSWORD,
  });
  expect(res.status).toBe(200);
  return new Http(t.url, res.body.accessToken);
}

describe('sessions: revoked at once, on every replica', () => {
  let t: TestApp;
  let admin: Http & { userId: string };

  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres' });
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
  });
  afterAll(async () => {
    await t?.close();
  });

  const newOfficer = async (name: string) => {
    const officer = await person(t, `${name}.${randomUUID().slice(0, 8)}`, 'NOMINATOR', 'PROVINCE-36');
    // The token works, and is now in this process's cache of verified tokens.
    expect((await officer.get('/nominations')).status).toBe(200);
    return officer;
  };

  it('refuses a locked account at once, and records the lock with its reason', async () => {
    const officer = await newOfficer('locked');
    const noReason = await admin.patch(`/users/${officer.userId}`, { active: false });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'USER.REASON_REQUIRED']);
    expect((await officer.get('/nominations')).status).toBe(200);

    const locked = await admin.patch(`/users/${officer.userId}`, {
      active: false,
      reason: 'left the office',
    });
    expect(locked.status).toBe(200);
    expect(locked.body.active).toBe(false);
    const refused = await officer.post('/nominations', {});
    expect([refused.status, refused.body.error.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
    expect((await officer.get('/me')).status).toBe(401);

    const audit = await admin.get(`/audit/log?targetId=${officer.userId}&action=user.lock`);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'user.lock',
        reason: 'left the office',
        before: { active: true },
        after: { active: false },
        actor: expect.objectContaining({ userId: admin.userId }),
      }),
    ]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1 AND revoke_reason = 'account_locked'`,
      [officer.userId],
    );
    expect(n).toBe(1);
  });

  it('ends the session of a token that signs out, and only that one', async () => {
    const officer = await newOfficer('leaving');
    const other = await signIn(t, (await officer.get('/me')).body.email);
    expect((await officer.post('/auth/logout')).status).toBe(204);
    const refused = await officer.get('/nominations');
    expect([refused.status, refused.body.error.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
    expect((await other.get('/nominations')).status).toBe(200);
  });

  it('takes role and organisation from the account, and ends its sessions when they change', async () => {
    const officer = await newOfficer('promoted');
    const noReason = await admin.patch(`/users/${officer.userId}`, { role: 'PROVINCE_APPROVER' });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'USER.REASON_REQUIRED']);
    const changed = await admin.patch(`/users/${officer.userId}`, {
      role: 'PROVINCE_APPROVER',
      organizationId: orgId('PROVINCE-34'),
      fullName: 'Trần Văn C',
      reason: 'decision 12/QĐ',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'PROVINCE_APPROVER', fullName: 'Trần Văn C' });
    expect((await officer.get('/nominations')).status).toBe(401);
    const again = await signIn(t, changed.body.email);
    expect((await again.get('/me')).body).toMatchObject({
      role: 'PROVINCE_APPROVER',
      organization: expect.objectContaining({ id: orgId('PROVINCE-34') }),
    });
    const audit = await admin.get(`/audit/log?targetId=${officer.userId}&action=user.update`);
    expect(audit.body.items[0]).toMatchObject({
      reason: 'decision 12/QĐ',
      before: { role: 'NOMINATOR', organizationId: orgId('PROVINCE-36') },
      after: { role: 'PROVINCE_APPROVER', organizationId: orgId('PROVINCE-34'), fullName: 'Trần Văn C' },
    });
  });

  it('keeps an administrator from locking or demoting themselves', async () => {
    const res = await admin.patch(`/users/${admin.userId}`, { active: false, reason: 'x' });
    expect([res.status, res.body.error.code]).toEqual([409, 'USER.OWN_ACCOUNT']);
    expect((await admin.get('/me')).status).toBe(200);
  });

  it('lists and ends one’s own sessions; an administrator ends all of a user’s', async () => {
    const first = await newOfficer('many');
    const email = (await first.get('/me')).body.email;
    const second = await signIn(t, email);
    const third = await signIn(t, email);
    const listed = await second.get('/me/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(3);
    expect(listed.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const firstId = (await first.get('/me/sessions')).body.find((s: { current: boolean }) => s.current).id;

    expect((await second.request('DELETE', `/me/sessions/${firstId}`)).status).toBe(204);
    expect((await first.get('/nominations')).status).toBe(401);
    expect((await second.request('DELETE', `/me/sessions/${firstId}`)).status).toBe(404);
    // Another user's session is not one's own to end.
    const adminSession = (await admin.get('/me/sessions')).body[0].id;
    expect((await second.request('DELETE', `/me/sessions/${adminSession}`)).status).toBe(404);

    expect((await second.post('/me/sessions/revocation')).body).toEqual({ revoked: 1 });
    expect((await third.get('/nominations')).status).toBe(401);
    expect((await second.get('/nominations')).status).toBe(200);

    const byAdmin = await admin.post(`/users/${first.userId}/sessions/revocation`, { reason: 'lost laptop' });
    expect([byAdmin.status, byAdmin.body]).toEqual([200, { revoked: 1 }]);
    expect((await second.get('/nominations')).status).toBe(401);
    const notAdmin = await second.post(`/users/${first.userId}/sessions/revocation`, {});
    expect(notAdmin.status).toBe(401);
  });

  it('revokes the session when the web interface signs out', async () => {
    const officer = await newOfficer('web');
    const token = officer.token!;
    const csrf = t.get(WebSessionService).csrfFor(token);
    const res = await fetch(`${t.url}/app/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: `${SESSION_COOKIE}=${token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(res.status).toBe(303);
    expect((await officer.get('/nominations')).status).toBe(401);
    const page = await fetch(`${t.url}/app`, {
      redirect: 'manual',
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    });
    expect([page.status, page.headers.get('location')]).toEqual([303, '/app/login?next=%2Fapp']);
  });

  it('ends an open inbox stream when its session ends', async () => {
    const officer = await newOfficer('streaming');
    const res = await fetch(`${t.url}/notifications/stream`, {
      headers: { authorization: `Bearer ${officer.token}` },
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let received = '';
    while (!received.includes('event: inbox')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      received += new TextDecoder().decode(chunk.value);
    }
    expect(received).toContain('event: inbox');
    await admin.patch(`/users/${officer.userId}`, { active: false, reason: 'stream test' });
    // The server closes the stream (a bound, not a timing assertion: it normally ends at once).
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      (async () => {
        for (;;) if ((await reader.read()).done) return 'ended';
      })(),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('still open'), 20_000);
      }),
    ]);
    clearTimeout(timer);
    if (ended !== 'ended') await reader.cancel();
    expect(ended).toBe('ended');
  });

  it('refuses tokens without a session, for a session of someone else, or for an unknown one', async () => {
    const officer = await newOfficer('forger');
    const jwt = t.get<{ sign(p: object): string }>((await import('@nestjs/jwt')).JwtService);
    const adminSid = (await admin.get('/me/sessions')).body[0].id;
    const ownSid = (await officer.get('/me/sessions')).body[0].id;
    const wrongIssuer = t
      .get<{ sign(p: object, o: object): string }>((await import('@nestjs/jwt')).JwtService)
      .sign({ sub: officer.userId, sid: ownSid }, { issuer: 'someone-else' });
    expect((await new Http(t.url, wrongIssuer).get('/nominations')).status).toBe(401);
    expect(
      (await new Http(t.url, jwt.sign({ sub: officer.userId, sid: ownSid })).get('/nominations')).status,
    ).toBe(200);
    for (const claims of [
      { sub: officer.userId },
      { sub: officer.userId, sid: adminSid },
      { sub: officer.userId, sid: randomUUID() },
      { sub: admin.userId, sid: 'not-a-uuid' },
    ]) {
      const res = await new Http(t.url, jwt.sign(claims)).get('/nominations');
      expect(res.status).toBe(401);
    }
  });

  describe('with a second replica on the same database', () => {
    let t2: TestApp;
    beforeAll(async () => {
      t2 = await startTestApp({ queue: 'postgres', databaseUrl: t.config.databaseUrl });
    });
    afterAll(async () => {
      await t2?.close();
    });

    it('refuses a locked account there too (the change bus clears its cache)', async () => {
      const officer = await newOfficer('replica');
      const there = new Http(t2.url, officer.token);
      expect((await there.get('/nominations')).status).toBe(200);
      expect(t2.get(ChangeBus).reliable).toBe(true);
      await admin.patch(`/users/${officer.userId}`, { active: false, reason: 'replica test' });
      await eventually(async () => expect((await there.get('/nominations')).status).toBe(401), 20_000);
    });

    it('refuses a signed-out session there too', async () => {
      const officer = await newOfficer('replica.out');
      const there = new Http(t2.url, officer.token);
      expect((await there.get('/nominations')).status).toBe(200);
      await officer.post('/auth/logout');
      await eventually(async () => expect((await there.get('/nominations')).status).toBe(401), 20_000);
    });

    it('checks the database while its change bus is disconnected', async () => {
      const officer = await newOfficer('replica.offline');
      const there = new Http(t2.url, officer.token);
      expect((await there.get('/nominations')).status).toBe(200);
      const bus = t2.get(ChangeBus);
      const pid = (bus as unknown as { client: { processID: number } }).client.processID;
      await t.dataSource.query(`SELECT pg_terminate_backend($1)`, [pid]);
      await eventually(() => expect(bus.reliable).toBe(false), 20_000);
      await admin.patch(`/users/${officer.userId}`, { active: false, reason: 'offline bus' });
      // No waiting: whether the bus is back or not, the replica must not serve the cached session.
      expect((await there.get('/nominations')).status).toBe(401);
      await eventually(() => expect(bus.reliable).toBe(true), 20_000);
    });

    it('notices a bus that went quiet without an error, and stops trusting its caches', async () => {
      await eventually(() => expect(t2.get(ChangeBus).reliable).toBe(true), 20_000);
      const officer = await newOfficer('replica.quiet');
      const there = new Http(t2.url, officer.token);
      expect((await there.get('/nominations')).status).toBe(200); // cached on the replica now
      const bus = t2.get(ChangeBus);
      // The replica's listening connection stops hearing anything, and says nothing about it.
      await (bus as unknown as { client: { query(q: string): Promise<unknown> } }).client.query('UNLISTEN *');
      const now = Date.now();
      expect(await bus.heartbeat(now)).toBe(true); // a ping sent: it will never be heard
      await admin.patch(`/users/${officer.userId}`, { active: false, reason: 'quiet bus' });
      // The ping is overdue: the connection counts as lost, the caches are cleared and bypassed.
      expect(await bus.heartbeat(now + 11_000)).toBe(false);
      expect(bus.reliable).toBe(false);
      expect((await there.get('/nominations')).status).toBe(401);
      await eventually(() => expect(bus.reliable).toBe(true), 20_000);
    });
  });
});
