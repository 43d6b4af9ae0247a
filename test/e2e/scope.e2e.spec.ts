import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import type { Role } from '../../src/auth/roles';
import { UsersService } from '../../src/auth/users.service';
import { Http } from '../support/http';
import { CLUSTER, orgId, PASSWORD, person } from '../support/people';
import { createNomination, step, submitWithDossier } from '../support/story';

jest.setTimeout(120_000);

/** A local webhook receiver: every call, by path. */
function receiver(): Promise<{ server: Server; base: string; calls: { path: string; body: string }[] }> {
  const calls: { path: string; body: string }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push({ path: req.url ?? '', body });
      res.statusCode = 204;
      res.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls }),
    ),
  );
}

describe('what a unit may read is scoped: cluster-years, their pages, and webhooks', () => {
  let t: TestApp;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let admin: Http;
  let board: Http;
  let member: Http; // Nam Định's officer
  let outsider: Http; // a province outside the cluster
  let outsiderApprover: Http;
  let heir: Http; // the successor of Hà Nam, a 2023 member

  beforeAll(async () => {
    hook = await receiver();
    t = await startTestApp({ queue: 'redis', env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
    board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    member = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
    const created: Record<string, string> = {};
    for (const [code, nameVi, nameEn] of [
      ['PROVINCE-01', 'Hà Nội', 'Hanoi'],
      ['PROVINCE-NB-2025', 'Ninh Bình (mới)', 'Ninh Binh (new)'],
    ]) {
      const res = await admin.post('/organizations', {
        code,
        kind: 'province',
        nameVi,
        nameEn,
        validFrom: '2025-07-01',
      });
      expect(res.status).toBe(201);
      created[code] = res.body.id;
    }
    const users = t.get(UsersService);
    const login = async (name: string, role: Role, organizationId: string) => {
      await users.create({
        email: `${name}@test.thidua.vn`,
        fullName: name,
        role,
        organizationId,
        password: PASSWORD,
      });
      const res = await new Http(t.url).post('/auth/login', {
        email: `${name}@test.thidua.vn`,
        password: PASSWORD,
      });
      return new Http(t.url, res.body.accessToken);
    };
    outsider = await login('hanoi.officer', 'NOMINATOR', created['PROVINCE-01']);
    outsiderApprover = await login('hanoi.approver', 'PROVINCE_APPROVER', created['PROVINCE-01']);
    const merged = await admin.post(`/organizations/${orgId('PROVINCE-35')}/merge`, {
      successorId: created['PROVINCE-NB-2025'],
      effectiveDate: '2025-07-01',
    });
    expect(merged.status).toBe(201);
    heir = await login('ninhbinh2025.officer', 'NOMINATOR', created['PROVINCE-NB-2025']);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => hook.server.close(() => r(undefined)));
  });

  describe("a cluster-year's members and leadership", () => {
    const path = `/clusters/${CLUSTER}/years/2023`;

    it('are read by its members, their successors and the central bodies', async () => {
      for (const who of [member, heir, board, admin]) {
        const res = await who.get(path);
        expect(res.status).toBe(200);
        expect(res.body.members).toHaveLength(9);
        expect(res.body.leader.nameVi).toBe('Thái Bình');
      }
    });

    it('do not exist for a province outside the cluster, nor does anything else of the cluster-year', async () => {
      for (const who of [outsider, outsiderApprover]) {
        for (const p of [
          path,
          `${path}/agreement`,
          `${path}/evaluations`,
          `${path}/ranking`,
          `/clusters/${CLUSTER}/years/2024/leadership/proposal`,
        ]) {
          const res = await who.get(p);
          expect(`${p} ${res.status}`).toBe(`${p} 404`);
          expect(JSON.stringify(res.body)).not.toContain('Thái Bình');
        }
        expect((await who.get(`/voting-sessions?clusterId=${CLUSTER}&year=2023`)).body).toEqual([]);
      }
      // Unknown years and clusters look the same as foreign ones.
      expect((await outsider.get(`/clusters/${CLUSTER}/years/2031`)).status).toBe(404);
    });

    it('show a not-found page on the web, not an empty cluster-year', async () => {
      const open = async (who: Http) => {
        const res = await fetch(`${t.url}/app/clusters/${CLUSTER}/years/2023`, {
          headers: { cookie: `thidua_session=${who.token}` },
          redirect: 'manual',
        });
        return { status: res.status, text: await res.text() };
      };
      const foreign = await open(outsider);
      expect(foreign.status).toBe(404);
      expect(foreign.text).toContain('Không tìm thấy');
      expect(foreign.text).not.toContain('Thái Bình');
      expect(foreign.text).not.toContain('Vĩnh Phúc');
      const own = await open(member);
      expect(own.status).toBe(200);
      expect(own.text).toContain('Thái Bình');
    });
  });

  describe('webhooks', () => {
    let leaderTB: Http;
    const deliveries = async (webhookId: string) =>
      (await admin.get(`/webhooks/${webhookId}/deliveries?limit=200`)).body.items as { event: string }[];

    it('need a role when an administrator subscribes another organisation, and read in their subscriber’s role', async () => {
      const url = `${hook.base}/admin-made`;
      const noRole = await admin.post('/webhooks', {
        url,
        events: ['*'],
        organizationId: orgId('PROVINCE-26'),
      });
      expect([noRole.status, noRole.body.error.code]).toEqual([400, 'WEBHOOK.ROLE_REQUIRED']);
      const asAdmin = await admin.post('/webhooks', {
        url,
        events: ['*'],
        organizationId: orgId('PROVINCE-26'),
        role: 'ADMIN',
      });
      expect(asAdmin.status).toBe(400);
      const unknown = await admin.post('/webhooks', {
        url,
        events: ['*'],
        organizationId: '00000000-0000-4000-8000-000000000000',
        role: 'PROVINCE_APPROVER',
      });
      expect([unknown.status, unknown.body.error.code]).toEqual([422, 'WEBHOOK.UNKNOWN_ORGANIZATION']);
      const approver = await person(t, 'vinhphuc.approver', 'PROVINCE_APPROVER', 'PROVINCE-26');
      const other = await approver.post('/webhooks', { url, events: ['*'], role: 'CLUSTER_LEADER' });
      expect([other.status, other.body.error.code]).toEqual([403, 'WEBHOOK.ROLE_NOT_YOURS']);
    });

    it('are sent only what their organisation may read in their role: nothing at all otherwise', async () => {
      // Thái Bình leads the 2023 cluster. Its approver's webhook reads as a provincial approver (Thái Bình's own
      // nominations); its cluster leader's webhook reads as the leadership (the cluster's nominations).
      const approverTB = await person(t, 'thaibinh.approver', 'PROVINCE_APPROVER', 'PROVINCE-34');
      leaderTB = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34');
      const approverND = await person(t, 'namdinh.approver', 'PROVINCE_APPROVER', 'PROVINCE-36');
      const subscribe = async (who: Http, name: string) => {
        const res = await who.post('/webhooks', { url: `${hook.base}/${name}`, events: ['*'] });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const tbApproverHook = await subscribe(approverTB, 'thaibinh-approver');
      const tbLeaderHook = await subscribe(leaderTB, 'thaibinh-leader');
      const ndApproverHook = await subscribe(approverND, 'namdinh-approver');

      const id = await createNomination(member, {
        award: 'PM_CERTIFICATE',
        nomineeOrg: 'PROVINCE-36',
        nominee: {
          kind: 'individual',
          organizationId: orgId('PROVINCE-36'),
          fullName: 'Trần Thị Kín Đáo',
          gender: 'female',
          position: 'Chuyên viên',
        },
      });
      await submitWithDossier(member, id); // tells Thái Bình's leadership
      await step(leaderTB, id, 'RETURN', { reason: 'Bổ sung số liệu' }); // tells Nam Định's nominating unit

      // Both notifications are decided (their inbox rows written with their deliveries) and sent.
      await eventually(async () => {
        const [{ n }] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM workflow_outbox WHERE effect_type = 'notify' AND status <> 'done'`,
        );
        expect(n).toBe(0);
        const [{ pending }] = await t.dataSource.query(
          `SELECT count(*)::int AS pending FROM notification_deliveries WHERE channel = 'webhook' AND status <> 'sent'`,
        );
        expect(pending).toBe(0);
        expect(hook.calls.filter((c) => c.path === '/thaibinh-leader')).toHaveLength(1);
        expect(hook.calls.filter((c) => c.path === '/namdinh-approver')).toHaveLength(1);
      }, 30_000);
      expect(JSON.parse(hook.calls.find((c) => c.path === '/thaibinh-leader')!.body)).toMatchObject({
        event: 'nomination.submitted',
      });
      expect(JSON.parse(hook.calls.find((c) => c.path === '/namdinh-approver')!.body)).toMatchObject({
        event: 'nomination.returned',
      });
      // Thái Bình's approver may not read Nam Định's nomination, so its webhook got nothing: no call, no name,
      // not even a delivery row naming the event.
      expect((await approverTB.get(`/nominations/${id}`)).status).toBe(404);
      expect(hook.calls.filter((c) => c.path === '/thaibinh-approver')).toEqual([]);
      expect(
        hook.calls
          .filter((c) => c.body.includes('Kín Đáo'))
          .map((c) => c.path)
          .sort(),
      ).toEqual(['/namdinh-approver', '/thaibinh-leader']);
      expect(await deliveries(tbApproverHook)).toEqual([]);
      expect((await deliveries(tbLeaderHook)).map((d) => d.event)).toEqual(['nomination.submitted']);
      expect((await deliveries(ndApproverHook)).map((d) => d.event)).toEqual(['nomination.returned']);
    });

    it('stop reading once their subscriber is moved to another role or locked', async () => {
      // Thái Bình's leader, who subscribed a webhook as the leadership, is made a nominating officer.
      const demoted = await admin.patch(`/users/${(leaderTB as Http & { userId: string }).userId}`, {
        role: 'NOMINATOR',
        reason: 'Chuyển công tác',
      });
      expect(demoted.status).toBe(200);
      const before = hook.calls.filter((c) => c.path === '/thaibinh-leader').length;
      const id = await createNomination(member, { award: 'GOVERNMENT_FLAG', nomineeOrg: 'PROVINCE-36' });
      await submitWithDossier(member, id); // tells Thái Bình's leadership again
      await eventually(async () => {
        const [{ n }] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM workflow_outbox WHERE effect_type = 'notify' AND status <> 'done'`,
        );
        expect(n).toBe(0);
      }, 30_000);
      const [{ pending }] = await t.dataSource.query(
        `SELECT count(*)::int AS pending FROM notification_deliveries WHERE channel = 'webhook' AND status = 'pending'`,
      );
      expect(pending).toBe(0);
      expect(hook.calls.filter((c) => c.path === '/thaibinh-leader')).toHaveLength(before);
    });
  });
});
