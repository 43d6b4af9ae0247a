import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SYSTEM_ACTOR } from '../../src/engine/actor';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { Http } from '../support/http';
import { orgId, person } from '../support/people';
import { createNomination, passVote, pdf, step, submitWithDossier } from '../support/story';

jest.setTimeout(90_000);

interface Mail {
  to: string;
  raw: string;
}

/** A real SMTP server on a local port, collecting what it receives. */
function smtp(port = 0): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({ server, port: (server.server.address() as AddressInfo).port, mails }),
    );
  });
}

/** A local webhook receiver whose answer each test sets. */
function receiver(): Promise<{
  server: Server;
  url: string;
  calls: { headers: IncomingMessage['headers']; body: string }[];
  answer: { mode: 'ok' | '500' | 'hang' };
}> {
  const calls: { headers: IncomingMessage['headers']; body: string }[] = [];
  const answer = { mode: 'ok' as 'ok' | '500' | 'hang' };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      if (answer.mode === 'hang') return; // never answers: the sender times out
      res.statusCode = answer.mode === '500' ? 500 : 204;
      res.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
        calls,
        answer,
      }),
    ),
  );
}

describe('notifications: who is told what, inbox, live stream, e-mail, webhooks, deadlines', () => {
  let t: TestApp;
  let mail: Awaited<ReturnType<typeof smtp>>;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let officer: Http & { userId: string };
  let leader: Http & { userId: string };
  let board: Http;
  let secretary: Http;
  let pmOffice: Http;
  let approver: Http;

  beforeAll(async () => {
    mail = await smtp();
    hook = await receiver();
    t = await startTestApp({
      queue: 'redis',
      env: {
        SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        WEBHOOK_TIMEOUT_MS: '300',
        DELIVERY_ATTEMPTS: '3',
        DELIVERY_BACKOFF_MS: '100',
      },
    });
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
    leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34');
    board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    secretary = await person(t, 'council.secretary', 'COUNCIL_SECRETARY', 'COUNCIL');
    pmOffice = await person(t, 'pm.office', 'PM_OFFICE', 'GOVERNMENT_OFFICE');
    approver = await person(t, 'namdinh.approver', 'PROVINCE_APPROVER', 'PROVINCE-36');
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => mail.server.close(() => r(undefined)));
    await new Promise((r) => hook.server.close(() => r(undefined)));
  });

  const templates = async (who: Http) =>
    ((await who.get('/notifications?limit=100')).body.items as { template: string }[]).map((n) => n.template);

  it('tells each step to the people who must act or know, once each', async () => {
    const id = await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: 'PROVINCE-36' });
    await submitWithDossier(officer, id);
    await eventually(async () => expect(await templates(leader)).toContain('nomination.submitted'));
    await step(leader, id, 'RETURN', { reason: 'Thiếu chữ ký' });
    await eventually(async () => expect(await templates(officer)).toContain('nomination.returned'));
    await step(officer, id, 'RESUBMIT');
    await step(leader, id, 'ACCEPT');
    await passVote(t, id);
    await leader.upload(id, 'voteMinutes', pdf('minutes'));
    await step(leader, id, 'FORWARD');
    await eventually(async () => expect(await templates(board)).toContain('nomination.forwarded'));
    await step(board, id, 'REQUEST_SUPPLEMENT', { reason: 'Bổ sung' });
    await eventually(async () =>
      expect(await templates(officer)).toContain('nomination.supplementRequested'),
    );
    await step(officer, id, 'SUPPLEMENT');
    await step(board, id, 'APPRAISAL_PASSED');
    await eventually(async () => expect(await templates(secretary)).toContain('nomination.appraisalPassed'));
    await step(secretary, id, 'COUNCIL_APPROVED');
    await eventually(async () => expect(await templates(pmOffice)).toContain('nomination.councilApproved'));
    await step(pmOffice, id, 'PM_DECIDED', {
      outcome: 'awarded',
      decisionNumber: '1/QĐ-TTg',
      decisionDate: '2024-10-14',
    });
    for (const who of [officer, leader, board]) {
      await eventually(async () => expect(await templates(who)).toContain('nomination.decided'));
    }
    // Each person got each message once, however the queue delivered it.
    const officerInbox = await templates(officer);
    expect(officerInbox.filter((x) => x === 'nomination.decided')).toHaveLength(1);
    const [{ dupes }] = await t.dataSource.query(
      `SELECT count(*)::int AS dupes FROM (SELECT user_id, outbox_id FROM notifications GROUP BY 1, 2 HAVING count(*) > 1) d`,
    );
    expect(dupes).toBe(0);
  });

  it('keeps an inbox per person: cursor pages, unread filter, read marks, nothing of others', async () => {
    const first = await officer.get('/notifications?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await officer.get(`/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const unread = (await officer.get('/notifications/unread-count')).body.unread;
    expect(unread).toBeGreaterThan(2);
    const marked = await officer.post(`/notifications/${first.body.items[0].id}/read`);
    expect(marked.body.read).toBe(true);
    expect((await officer.get('/notifications/unread-count')).body.unread).toBe(unread - 1);
    expect((await leader.post(`/notifications/${first.body.items[1].id}/read`)).status).toBe(404);
    expect(
      (await officer.get('/notifications?unread=true&limit=100')).body.items.every(
        (n: { read: boolean }) => !n.read,
      ),
    ).toBe(true);
    await officer.post('/notifications/read-all');
    expect((await officer.get('/notifications/unread-count')).body.unread).toBe(0);
  });

  it('streams inbox changes as server-sent events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${t.url}/notifications/stream`, {
      headers: { authorization: `Bearer ${officer.token}` },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const events: { event: string; data: { unread: number; latest: { template: string } | null } }[] = [];
    let buffer = '';
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += Buffer.from(value!).toString();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) events.push({ event, data: JSON.parse(data) });
        }
      }
    })();
    try {
      await eventually(() => expect(events[0]).toMatchObject({ event: 'inbox', data: { unread: 0 } }));
      const id = await createNomination(officer, { award: 'PM_CERTIFICATE', nomineeOrg: 'PROVINCE-36' });
      await submitWithDossier(officer, id);
      await step(leader, id, 'RETURN', { reason: 'Sửa lại' });
      await eventually(() =>
        expect(events.at(-1)).toMatchObject({
          event: 'inbox',
          data: { unread: 1, latest: { template: 'nomination.returned' } },
        }),
      );
    } finally {
      controller.abort();
      await pump;
    }
  });

  it('sends e-mail through SMTP in the recipient’s language, with the link and a stable Message-ID', async () => {
    await eventually(() =>
      expect(mail.mails.some((m) => m.to === 'namdinh.officer@test.thidua.vn')).toBe(true),
    );
    const returned = mail.mails.find((m) => m.to === 'namdinh.officer@test.thidua.vn')!;
    expect(returned.raw).toMatch(/^Subject: /m);
    expect(returned.raw).toMatch(/^Message-ID: <[0-9a-f-]{36}@thidua>/m);
    expect(returned.raw).toMatch(/X-Thidua-Notification: [0-9a-f-]{36}/);
    expect(returned.raw).toContain('/app/nominations/');
    const [{ sent, dupes }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
              (SELECT count(*)::int FROM (SELECT user_id, outbox_id FROM notification_deliveries WHERE channel = 'email' GROUP BY 1, 2 HAVING count(*) > 1) d) AS dupes
         FROM notification_deliveries WHERE channel = 'email'`,
    );
    expect(sent).toBeGreaterThan(5);
    expect(dupes).toBe(0);
    expect(mail.mails.length).toBe(sent);
  });

  it("marks a person's notifications about a nomination read when they act on it, and only theirs", async () => {
    const unreadAbout = async (who: Http, id: string) =>
      (
        (await who.get('/notifications?unread=true&limit=100')).body.items as {
          subject: { id: string };
        }[]
      ).filter((n) => n.subject.id === id).length;
    const individual = (fullName: string) => ({
      kind: 'individual',
      organizationId: orgId('PROVINCE-36'),
      fullName,
      gender: 'female',
      position: 'Giám đốc Sở',
    });
    const acted = await createNomination(officer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: 'PROVINCE-36',
      nominee: individual('Nguyễn Thị Lan'),
    });
    const waiting = await createNomination(officer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: 'PROVINCE-36',
      nominee: individual('Trần Thị Bình'),
    });
    await submitWithDossier(officer, acted);
    await submitWithDossier(officer, waiting);
    await eventually(async () => {
      expect(await unreadAbout(leader, acted)).toBeGreaterThan(0);
      expect(await unreadAbout(leader, waiting)).toBeGreaterThan(0);
    });
    // A refused event marks nothing.
    expect((await leader.post(`/nominations/${waiting}/events`, { type: 'FORWARD' })).status).toBe(409);
    expect(await unreadAbout(leader, waiting)).toBeGreaterThan(0);
    await step(leader, acted, 'RETURN', { reason: 'Thiếu chữ ký' });
    expect(await unreadAbout(leader, acted)).toBe(0);
    expect(await unreadAbout(leader, waiting)).toBeGreaterThan(0);
    // The officer is told of the return: their notice stays unread until they act on the nomination.
    await eventually(async () => expect(await unreadAbout(officer, acted)).toBeGreaterThan(0));
    await step(officer, acted, 'RESUBMIT');
    expect(await unreadAbout(officer, acted)).toBe(0);
  });

  it('retries e-mail while SMTP is down and delivers when it is back', async () => {
    const down = await smtp();
    const port = down.port;
    await new Promise((r) => down.server.close(() => r(undefined)));
    const app = await startTestApp({
      queue: 'redis',
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, DELIVERY_ATTEMPTS: '30', DELIVERY_BACKOFF_MS: '100' },
    });
    try {
      const nominator = await person(app, 'hungyen.officer', 'NOMINATOR', 'PROVINCE-33');
      const checker = await person(app, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34');
      const id = await createNomination(nominator, { award: 'PM_CERTIFICATE', nomineeOrg: 'PROVINCE-33' });
      await submitWithDossier(nominator, id);
      await eventually(async () => {
        const [row] = await app.dataSource.query(
          `SELECT attempts, last_error FROM notification_deliveries WHERE channel = 'email'`,
        );
        expect(row.attempts).toBeGreaterThanOrEqual(2);
        expect(row.last_error).toMatch(/ECONNREFUSED|connect/);
      }, 20_000);
      const back = await smtp(port);
      try {
        await eventually(
          () => expect(back.mails.map((m) => m.to)).toEqual(['thaibinh.leader@test.thidua.vn']),
          30_000,
        );
        void checker;
        // The delivery is marked sent after the SMTP server has the mail.
        await eventually(async () => {
          const [row] = await app.dataSource.query(
            `SELECT status FROM notification_deliveries WHERE channel = 'email'`,
          );
          expect(row.status).toBe('sent');
        }, 30_000);
      } finally {
        await new Promise((r) => back.server.close(() => r(undefined)));
      }
    } finally {
      await app.close();
    }
  });

  describe('webhooks', () => {
    let webhookId: string;
    let secret: string;

    it('refuses private and loopback targets that the allow-list does not name', async () => {
      const refused = await approver.post('/webhooks', { url: 'http://192.168.1.10/hook', events: ['*'] });
      expect([refused.status, refused.body.error.code]).toEqual([422, 'WEBHOOK.TARGET_NOT_ALLOWED']);
      const metadata = await approver.post('/webhooks', {
        url: 'http://169.254.169.254/latest/meta-data',
        events: ['*'],
      });
      expect(metadata.status).toBe(422);
      const scheme = await approver.post('/webhooks', { url: 'file:///etc/passwd', events: ['*'] });
      expect(scheme.status).toBe(422);
      const unknown = await approver.post('/webhooks', { url: hook.url, events: ['nomination.exploded'] });
      expect([unknown.status, unknown.body.error.code]).toEqual([400, 'WEBHOOK.UNKNOWN_EVENT']);
      expect((await officer.post('/webhooks', { url: hook.url, events: ['*'] })).status).toBe(403);
    });

    it('delivers signed events to the subscribed organisation', async () => {
      const created = await approver.post('/webhooks', {
        url: hook.url,
        events: ['nomination.returned', 'nomination.accepted'],
      });
      expect(created.status).toBe(201);
      expect(created.body.secret).toEqual(expect.any(String));
      webhookId = created.body.id;
      secret = created.body.secret;
      expect((await approver.get('/webhooks')).body[0]).not.toHaveProperty('secret');
      const id = await createNomination(officer, {
        award: 'PM_CERTIFICATE',
        nomineeOrg: 'PROVINCE-36',
        nominee: {
          kind: 'individual',
          organizationId: orgId('PROVINCE-36'),
          fullName: 'Vũ Thị E',
          gender: 'female',
          position: 'Chuyên viên',
        },
      });
      await submitWithDossier(officer, id);
      await step(leader, id, 'ACCEPT');
      await eventually(() => expect(hook.calls.length).toBe(1));
      const call = hook.calls[0];
      const [, timestamp, signed] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(
        String(call.headers['x-thidua-signature']),
      )!;
      expect(signed).toBe(createHmac('sha256', secret).update(`${timestamp}.${call.body}`).digest('hex'));
      expect(JSON.parse(call.body)).toMatchObject({
        event: 'nomination.accepted',
        subject: { type: 'nomination', id },
        link: expect.stringContaining(id),
      });
      expect(call.headers['x-thidua-delivery']).toBe(JSON.parse(call.body).id);
    });

    it('retries a failing target with backoff, dead-letters it, and redelivers on request', async () => {
      hook.answer.mode = '500';
      const before = hook.calls.length;
      const id = await createNomination(officer, {
        award: 'PM_CERTIFICATE',
        nomineeOrg: 'PROVINCE-36',
        nominee: {
          kind: 'individual',
          organizationId: orgId('PROVINCE-36'),
          fullName: 'Đỗ Văn G',
          gender: 'male',
          position: 'Chuyên viên',
        },
      });
      await submitWithDossier(officer, id);
      await step(leader, id, 'RETURN', { reason: 'r' });
      await eventually(() => expect(hook.calls.length).toBe(before + 1));
      hook.answer.mode = 'hang';
      let dead: { id: string; attempts: number; lastError: string } | undefined;
      await eventually(async () => {
        const deliveries = await approver.get(`/webhooks/${webhookId}/deliveries`);
        dead = deliveries.body.items.find((d: { status: string }) => d.status === 'dead');
        expect(dead).toBeDefined();
      }, 30_000);
      expect(dead!.attempts).toBe(3);
      expect(dead!.lastError).toBe('timed out');
      expect(hook.calls.length).toBe(before + 3);
      hook.answer.mode = 'ok';
      const again = await approver.post(`/webhooks/${webhookId}/deliveries/${dead!.id}/redeliver`);
      expect(again.status).toBe(202);
      await eventually(async () => {
        const deliveries = await approver.get(`/webhooks/${webhookId}/deliveries`);
        expect(deliveries.body.items.find((d: { id: string }) => d.id === dead!.id)).toMatchObject({
          status: 'sent',
          responseStatus: 204,
        });
      }, 20_000);
      expect((await officer.get(`/webhooks/${webhookId}/deliveries`)).status).toBe(403);
    });
  });

  describe('deadlines', () => {
    it('fires each timer once with two worker processes on the same database and queue', async () => {
      const second = await startTestApp({
        queue: 'redis',
        role: 'worker',
        databaseUrl: t.config.databaseUrl,
        sharedQueues: true,
        env: { QUEUE_PREFIX: t.config.env.QUEUE_PREFIX },
      });
      try {
        const ids: string[] = [];
        for (let i = 0; i < 6; i++) {
          const id = await createNomination(officer, {
            award: 'PM_CERTIFICATE',
            nomineeOrg: 'PROVINCE-36',
            nominee: {
              kind: 'individual',
              organizationId: orgId('PROVINCE-36'),
              fullName: `Người ${i}`,
              gender: 'female',
              position: 'Chuyên viên',
            },
          });
          await submitWithDossier(officer, id);
          await step(leader, id, 'ACCEPT');
          await passVote(t, id);
          await t.engine
            .send(
              id,
              { type: 'FORWARD', minutesAttached: true, quota: { used: 0, limit: 9 } },
              { actor: SYSTEM_ACTOR },
            )
            .catch(() => undefined);
          ids.push(id);
        }
        for (const id of ids) {
          const due = new Date(Date.now() + 1500).toISOString();
          await t.engine.send(
            id,
            { type: 'REQUEST_SUPPLEMENT', reason: 'r', dueDate: due },
            { actor: { kind: 'user', id: 'board', role: 'CENTRAL_APPRAISER' } },
          );
        }
        await eventually(async () => {
          const [{ n }] = await t.dataSource.query(
            `SELECT count(*)::int AS n FROM workflow_timers WHERE instance_id = ANY($1::uuid[]) AND key = 'response' AND status = 'fired'`,
            [ids],
          );
          expect(n).toBe(6);
        }, 20_000);
        const deadlines = await t.dataSource.query(
          `SELECT instance_id, count(*)::int AS n FROM workflow_history WHERE instance_id = ANY($1::uuid[]) AND event_type = 'DEADLINE' GROUP BY 1`,
          [ids],
        );
        expect(deadlines.map((d: { n: number }) => d.n)).toEqual([1, 1, 1, 1, 1, 1]);
        expect(
          (await new Http(t.url, officer.token).get(`/nominations?overdue=true&limit=100`)).body.items.length,
        ).toBeGreaterThanOrEqual(6);
      } finally {
        await second.close();
      }
    });
  });

  it('shows the queue dashboard to administrators only', async () => {
    const anonymous = await new Http(t.url).get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect((await officer.get('/admin/queues')).status).toBe(403);
    const admin = await person(t, 'admin', 'ADMIN', 'MOHA');
    const page = await fetch(`${t.url}/admin/queues`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });
});
