import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { person } from '../support/people';

jest.setTimeout(60_000);

/**
 * The queue dashboard changes state (pause, retry, clean). A browser sends the session cookie on its own, from
 * any site: with the cookie alone the dashboard only reads; a change needs a bearer token and is audited.
 */
describe('the queue dashboard: read-only with the session cookie, changes with a bearer token, audited', () => {
  let t: TestApp;
  let admin: Http & { userId: string };
  let officer: Http;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
  });
  afterAll(async () => {
    await t?.close();
  });

  const withCookie = (token: string, method: string, path: string) =>
    fetch(`${t.url}${path}`, {
      method,
      headers: { cookie: `thidua_session=${token}`, 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : '{}',
    });
  const queueActions = async () =>
    (await admin.get('/audit/log?action=queue.action&limit=200')).body.items as {
      actor: { userId: string };
      targetId: string;
      after: { method: string; path: string };
    }[];

  it('refuses every change made with the session cookie alone, and changes nothing', async () => {
    for (const [method, path] of [
      ['PUT', '/admin/queues/api/queues/timers/pause'],
      ['PUT', '/admin/queues/api/queues/pause'],
      ['PUT', '/admin/queues/api/queues/timers/clean/completed'],
      ['PUT', '/admin/queues/api/queues/timers/retry/failed'],
      ['POST', '/admin/queues/api/queues/timers/add'],
    ]) {
      const res = await withCookie(admin.token!, method, path);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
      const body = (await res.json()) as { error: { code: string; requestId: string } };
      expect(body.error).toMatchObject({
        code: 'QUEUES.READ_ONLY_IN_BROWSER',
        requestId: expect.any(String),
      });
    }
    expect(await t.timersQueue.isPaused()).toBe(false);
    expect(await t.effectsQueue.isPaused()).toBe(false);
    expect(await queueActions()).toEqual([]);
  });

  it('shows the browser a read-only board', async () => {
    const res = await withCookie(admin.token!, 'GET', '/admin/queues/api/queues?activeQueue=timers');
    expect(res.status).toBe(200);
    const { queues } = (await res.json()) as {
      queues: { name: string; readOnlyMode: boolean; allowRetries: boolean }[];
    };
    expect(queues.length).toBe(3);
    for (const q of queues) expect(q).toMatchObject({ readOnlyMode: true, allowRetries: false });
    const page = await withCookie(admin.token!, 'GET', '/admin/queues');
    expect(page.status).toBe(200);
    expect((await withCookie(officer.token!, 'GET', '/admin/queues')).status).toBe(403);
  });

  it('lets an administrator with a bearer token change a queue, audited with the method and path', async () => {
    const board = await admin.get('/admin/queues/api/queues?activeQueue=timers');
    expect(board.body.queues.every((q: { readOnlyMode: boolean }) => !q.readOnlyMode)).toBe(true);
    const paused = await admin.put('/admin/queues/api/queues/timers/pause', {});
    expect(paused.status).toBe(200);
    expect(await t.timersQueue.isPaused()).toBe(true);
    const resumed = await admin.put('/admin/queues/api/queues/timers/resume', {});
    expect(resumed.status).toBe(200);
    expect(await t.timersQueue.isPaused()).toBe(false);
    const actions = await queueActions();
    expect(actions).toHaveLength(2);
    expect(actions.map((a) => a.after)).toEqual([
      { method: 'PUT', path: '/admin/queues/api/queues/timers/resume' },
      { method: 'PUT', path: '/admin/queues/api/queues/timers/pause' },
    ]);
    expect(actions.every((a) => a.actor.userId === admin.userId && a.targetId === 'timers')).toBe(true);
    // Another role's bearer token is no key to it.
    expect((await officer.put('/admin/queues/api/queues/timers/pause', {})).status).toBe(403);
    expect(await t.timersQueue.isPaused()).toBe(false);
  });
});
