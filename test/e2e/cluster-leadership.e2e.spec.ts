import { ChangeBus } from '../../src/database/change-bus.service';
import { leadershipResult } from '../../src/clusters/leadership-result';
import { WebSessionService } from '../../src/web/web-session.service';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { CLUSTER, orgId, person } from '../support/people';
import { createNomination, passVote, send, step, submitWithDossier, conference } from '../support/story';

jest.setTimeout(120_000);

const THAI_BINH = orgId('PROVINCE-34'); // leads 2023
const NAM_DINH = orgId('PROVINCE-36'); // leads 2024 in the seed; the 2023 flag unit here
const HAI_DUONG = orgId('PROVINCE-30'); // a 2024 deputy in the seed
const NINH_BINH = orgId('PROVINCE-37'); // a 2024 deputy in the seed
const HUNG_YEN = orgId('PROVINCE-33');
const VINH_PHUC = orgId('PROVINCE-26');

const year2024 = `/clusters/${CLUSTER}/years/2024`;

describe("the cluster's leadership: who records it, from which result, once, audited and told", () => {
  let t: TestApp;
  let admin: Http & { userId: string };
  let leader2023: Http & { userId: string }; // Thái Bình, leader of 2023
  let leader2024: Http; // Nam Định, leader of 2024
  let deputy2024: Http; // Hải Dương, deputy of 2024
  let vinhphucLeader: Http; // a member that leads nothing
  let officer: Http & { userId: string }; // Nam Định's nominating officer
  let hungyen: Http & { userId: string };
  let board: Http & { userId: string };

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
    leader2023 = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34');
    leader2024 = await person(t, 'namdinh.leader', 'CLUSTER_LEADER', 'PROVINCE-36');
    deputy2024 = await person(t, 'haiduong.leader', 'CLUSTER_LEADER', 'PROVINCE-30');
    vinhphucLeader = await person(t, 'vinhphuc.leader', 'CLUSTER_LEADER', 'PROVINCE-26');
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
    hungyen = await person(t, 'hungyen.officer', 'NOMINATOR', 'PROVINCE-33');
    board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
  });
  afterAll(async () => {
    await t?.close();
  });

  const roles = async (year: number) =>
    Object.fromEntries(
      (
        (await t.dataSource.query(
          `SELECT organization_id, role FROM cluster_memberships WHERE cluster_id = $1 AND year = $2 AND role <> 'member'`,
          [CLUSTER, year],
        )) as { organization_id: string; role: string }[]
      ).map((r) => [r.organization_id, r.role]),
    );
  const auditEntries = async (action: string) =>
    (await admin.get(`/audit/log?action=${action}&targetId=${CLUSTER}:2024&limit=200`)).body.items as {
      actor: { userId: string };
      reason: string | null;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }[];
  const inbox = async (who: Http) =>
    (await who.get('/notifications?limit=100')).body.items as {
      template: string;
      title: string;
      link: string;
    }[];

  it('refuses a deputy of the year that re-installs the leadership with itself as the sole leader', async () => {
    const seeded = await roles(2024);
    const res = await deputy2024.put(`${year2024}/leadership`, { leaderId: HAI_DUONG, deputyIds: [] });
    expect([res.status, res.body.error.code]).toEqual([403, 'CLUSTER.NOT_OUTGOING_LEADERSHIP']);
    expect(await roles(2024)).toEqual(seeded);
  });

  it("refuses last year's leader that installs itself as this year's leader, then acts as it", async () => {
    const seeded = await roles(2024);
    const res = await leader2023.put(`${year2024}/leadership`, { leaderId: THAI_BINH, deputyIds: [] });
    expect([res.status, res.body.error.code]).toEqual([409, 'CLUSTER.LEADERSHIP_INSTALLED']);
    expect(await roles(2024)).toEqual(seeded);
    // Nor does it propose the 2024 agreement once 2024 has its own leadership.
    const agreement = await leader2023.post(`${year2024}/agreement`, {
      title: 'Giao ước thi đua năm 2024',
      criteria: [{ code: 'GROWTH', name: 'Tăng trưởng', weight: 1, maxScore: 100 }],
    });
    expect([agreement.status, agreement.body.error.code]).toEqual([403, 'CLUSTER.NOT_LEADER']);

    // A 2024 nomination: only the 2024 leadership receives it; Thái Bình (2023) cannot accept it.
    const id = await createNomination(officer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: 'PROVINCE-36',
      year: 2024,
      summary: 'Hoàn thành xuất sắc nhiệm vụ năm 2024',
    });
    await submitWithDossier(officer, id);
    const accepted = await send(leader2023, id, 'ACCEPT');
    expect(accepted.status).toBe(404);
    expect((await officer.get(`/nominations/${id}`)).body.state).toBe('submitted');
    await step(leader2024, id, 'ACCEPT');

    // A 2024 vote: Thái Bình is a member (it sees it) but may not cancel it.
    const created = await leader2024.post('/voting-sessions', {
      clusterId: CLUSTER,
      year: 2024,
      meetingId: await conference(leader2024, { year: 2024, heldOn: '2025-03-12' }),
      items: [{ awardType: 'PM_CERTIFICATE', nominationIds: [id] }],
    });
    expect(created.status).toBe(201);
    const sessionId = created.body.id as string;
    const cancel = await leader2023.post(`/voting-sessions/${sessionId}/events`, {
      type: 'CANCEL',
      reason: 'Tôi là cụm trưởng',
    });
    expect([cancel.status, cancel.body.error.code]).toEqual([403, 'WORKFLOW.ACTOR_NOT_ENTITLED']);
    expect((await leader2024.get(`/voting-sessions/${sessionId}`)).body.state).toBe('draft');
    expect(
      (await leader2024.post(`/voting-sessions/${sessionId}/events`, { type: 'CANCEL', reason: 'Thử' }))
        .status,
    ).toBe(200);
  });

  describe('a year whose leadership the conference has not installed yet', () => {
    beforeAll(async () => {
      // As before the 2024 conference: 2024 has its members but no leader or deputies yet.
      await t.dataSource.query(
        `UPDATE cluster_memberships SET role = 'member' WHERE cluster_id = $1 AND year = 2024`,
        [CLUSTER],
      );
      await t.get(ChangeBus).publish('organizations');
    });

    it('lets nobody install it before the year before has a result naming one unit', async () => {
      expect((await leader2023.get(`${year2024}/leadership/proposal`)).body).toMatchObject({
        leaderId: null,
        basis: 'none',
      });
      const res = await leader2023.put(`${year2024}/leadership`, { leaderId: NAM_DINH, deputyIds: [] });
      expect([res.status, res.body.error.code]).toEqual([409, 'CLUSTER.NO_RESULT']);
      expect(await roles(2024)).toEqual({});
    });

    it('takes the leader from the result: the unit the 2023 vote selected for the Government Flag', async () => {
      const flag = await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: 'PROVINCE-36' });
      await submitWithDossier(officer, flag);
      await step(leader2023, flag, 'ACCEPT');
      await passVote(t, flag);
      expect((await leader2023.get(`${year2024}/leadership/proposal`)).body).toMatchObject({
        leaderId: NAM_DINH,
        basis: 'flag',
      });
      const itself = await leader2023.put(`${year2024}/leadership`, { leaderId: THAI_BINH, deputyIds: [] });
      expect([itself.status, itself.body.error.code]).toEqual([422, 'CLUSTER.LEADER_NOT_PROPOSED']);
      expect(itself.body.error.details.proposedLeaderId).toBe(NAM_DINH);
      const outsider = await vinhphucLeader.put(`${year2024}/leadership`, {
        leaderId: NAM_DINH,
        deputyIds: [],
      });
      expect([outsider.status, outsider.body.error.code]).toEqual([403, 'CLUSTER.NOT_OUTGOING_LEADERSHIP']);
      const stranger = await leader2023.put(`${year2024}/leadership`, {
        leaderId: NAM_DINH,
        deputyIds: [orgId('BOARD')],
      });
      expect([stranger.status, stranger.body.error.code]).toEqual([422, 'CLUSTER.DEPUTIES_NOT_PROPOSED']);
      // The outgoing leader cannot give itself the new year's powers as a deputy either.
      const deputyItself = await leader2023.put(`${year2024}/leadership`, {
        leaderId: NAM_DINH,
        deputyIds: [THAI_BINH],
      });
      expect([deputyItself.status, deputyItself.body.error.code]).toEqual([
        422,
        'CLUSTER.DEPUTIES_NOT_PROPOSED',
      ]);
      expect(await roles(2024)).toEqual({});
    });

    it('installs it once: of 16 concurrent installs by the outgoing leadership exactly one succeeds', async () => {
      const { deputyIds } = (await leader2023.get(`${year2024}/leadership/proposal`)).body;
      const answers = await Promise.all(
        Array.from({ length: 16 }, () =>
          leader2023.put(`${year2024}/leadership`, { leaderId: NAM_DINH, deputyIds }),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, ...Array(15).fill(409)]);
      for (const a of answers.filter((x) => x.status === 409))
        expect(a.body.error.code).toBe('CLUSTER.LEADERSHIP_INSTALLED');
      const winner = answers.find((a) => a.status === 200)!;
      const deputies = (winner.body.deputies as { id: string }[]).map((d) => d.id).sort();
      expect(winner.body.leader.id).toBe(NAM_DINH);
      expect(await roles(2024)).toEqual({
        [NAM_DINH]: 'leader',
        ...Object.fromEntries(deputies.map((d) => [d, 'deputy'])),
      });
      const installs = await auditEntries('cluster.leadership.install');
      expect(installs).toHaveLength(1);
      expect(installs[0]).toMatchObject({
        actor: { userId: leader2023.userId },
        before: { leader: null, deputies: [] },
        after: { leader: { id: NAM_DINH, name: 'Nam Định' } },
      });
      // The members' people are told, in Vietnamese first; nobody outside the cluster is.
      const told = (await inbox(hungyen)).filter((n) => n.template === 'cluster.leadershipInstalled');
      expect(told).toHaveLength(1);
      expect(told[0].title).toContain('Bầu ban lãnh đạo');
      expect(told[0].title).toContain('cụm trưởng Nam Định');
      expect(told[0].link).toContain(`/app/clusters/${CLUSTER}/years/2024`);
      expect((await inbox(board)).some((n) => n.template.startsWith('cluster.'))).toBe(false);
    });

    it('then refuses the outgoing and the new leadership alike: only the administrator changes it', async () => {
      const installed = await roles(2024);
      for (const who of [leader2023, leader2024, deputy2024]) {
        const res = await who.put(`${year2024}/leadership`, { leaderId: NAM_DINH, deputyIds: [] });
        expect([403, 409]).toContain(res.status);
      }
      expect(await roles(2024)).toEqual(installed);
    });

    it('lets the administrator change it only with a reason, audited before and after, and tells those concerned', async () => {
      const noReason = await admin.put(`${year2024}/leadership`, {
        leaderId: HUNG_YEN,
        deputyIds: [NAM_DINH],
      });
      expect([noReason.status, noReason.body.error.code]).toEqual([400, 'CLUSTER.REASON_REQUIRED']);
      const blank = await admin.put(`${year2024}/leadership`, {
        leaderId: HUNG_YEN,
        deputyIds: [NAM_DINH],
        reason: '   ',
      });
      expect(blank.status).toBe(400);
      const before = await roles(2024);
      const changed = await admin.put(`${year2024}/leadership`, {
        leaderId: HUNG_YEN,
        deputyIds: [NINH_BINH],
        reason: 'Hội nghị cụm ngày 13/3/2024 bầu lại',
      });
      expect(changed.status).toBe(200);
      expect(await roles(2024)).toEqual({ [HUNG_YEN]: 'leader', [NINH_BINH]: 'deputy' });
      const [entry] = await auditEntries('cluster.leadership.change');
      expect(entry).toMatchObject({
        actor: { userId: admin.userId },
        reason: 'Hội nghị cụm ngày 13/3/2024 bầu lại',
        before: { leader: { id: NAM_DINH } },
        after: {
          leader: { id: HUNG_YEN, name: 'Hưng Yên' },
          deputies: [{ id: NINH_BINH, name: 'Ninh Bình' }],
        },
      });
      expect((entry.before.deputies as { id: string }[]).map((d) => d.id).sort()).toEqual(
        Object.keys(before)
          .filter((id) => before[id] === 'deputy')
          .sort(),
      );
      for (const who of [officer, hungyen]) {
        expect((await inbox(who)).filter((n) => n.template === 'cluster.leadershipChanged')).toHaveLength(1);
      }
      // The new leadership acts at once (its standing follows the change); Nam Định, no longer in it, does not.
      const hungyenLeader = await person(t, 'hungyen.leader', 'CLUSTER_LEADER', 'PROVINCE-33');
      const id = await createNomination(hungyen, {
        award: 'PM_CERTIFICATE',
        nomineeOrg: 'PROVINCE-33',
        year: 2024,
        summary: 'Thành tích năm 2024',
      });
      await submitWithDossier(hungyen, id);
      expect((await send(leader2024, id, 'ACCEPT')).status).toBe(404);
      expect((await send(hungyenLeader, id, 'ACCEPT')).status).toBe(200);
    });

    it('asks the administrator for the reason on the web page too', async () => {
      const token = admin.token!;
      const csrf = t.get(WebSessionService).csrfFor(token);
      const form = await fetch(`${t.url}/app/admin/clusters/${CLUSTER}/years/2024`, {
        headers: { cookie: `thidua_session=${token}` },
      });
      expect(await form.text()).toContain('Lý do thay đổi (bắt buộc khi năm này đã có ban lãnh đạo)');
      const post = (fields: Record<string, string | string[]>) => {
        const body = new URLSearchParams({ _csrf: csrf });
        for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
        return fetch(`${t.url}/app/admin/clusters/${CLUSTER}/years/2024/leadership`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: `thidua_session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        });
      };
      const before = await roles(2024);
      const refused = await post({ leaderId: NAM_DINH, deputyIds: [HUNG_YEN] });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Cần nêu lý do thay đổi ban lãnh đạo.');
      expect(await roles(2024)).toEqual(before);
      const done = await post({ leaderId: NAM_DINH, deputyIds: [HUNG_YEN], reason: 'Sửa sai sót khi nhập' });
      expect(done.status).toBe(303);
      expect(await roles(2024)).toEqual({ [NAM_DINH]: 'leader', [HUNG_YEN]: 'deputy' });
      expect((await auditEntries('cluster.leadership.change'))[0]).toMatchObject({
        reason: 'Sửa sai sót khi nhập',
      });
    });

    it('tells hundreds of people at once: a large province does not stop the act', async () => {
      // 220 active people in one member province: their ids would not fit in one NOTIFY payload (8000 bytes).
      await t.dataSource.query(
        `INSERT INTO users (id, email, password_hash, full_name, role, organization_id, locale, active)
         SELECT gen_random_uuid(), 'many' || g || '@test.thidua.vn', 'x', 'Cán bộ ' || g, 'NOMINATOR', $1, 'vi', true
           FROM generate_series(1, 220) g`,
        [HUNG_YEN],
      );
      const changed = await admin.put(`${year2024}/leadership`, {
        leaderId: NAM_DINH,
        deputyIds: [NINH_BINH],
        reason: 'Sửa lại theo biên bản hội nghị',
      });
      expect(changed.status).toBe(200);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE u.email LIKE 'many%' AND n.template = 'cluster.leadershipChanged'`,
      );
      expect(n).toBe(220);
    });

    it('keeps setting the members to the administrator', async () => {
      const res = await leader2024.put(`${year2024}/members`, { organizationIds: [NAM_DINH] });
      expect(res.status).toBe(403);
      expect(
        (
          await t.dataSource.query(
            `SELECT 1 FROM cluster_memberships WHERE cluster_id = $1 AND year = 2024`,
            [CLUSTER],
          )
        ).length,
      ).toBe(9);
    });
  });

  describe('acting as the leadership', () => {
    it('is decided by the leadership as the transaction reads it, not as a cache remembers it', async () => {
      const nomination = await createNomination(officer, {
        award: 'PM_CERTIFICATE',
        nomineeOrg: 'PROVINCE-36',
      });
      await submitWithDossier(officer, nomination);
      const meetingId = await conference(leader2023, { year: 2023 }); // also warms the cache

      // Thái Bình stops leading 2023 behind the caches' back (no change announced): its standing is still cached.
      await t.dataSource.query(
        `UPDATE cluster_memberships SET role = 'member' WHERE cluster_id = $1 AND year = 2023 AND organization_id = $2`,
        [CLUSTER, THAI_BINH],
      );
      try {
        const accept = await send(leader2023, nomination, 'ACCEPT');
        expect(accept.status).not.toBe(200);
        expect((await officer.get(`/nominations/${nomination}`)).body.state).toBe('submitted');
        const created = await leader2023.post('/voting-sessions', {
          clusterId: CLUSTER,
          year: 2023,
          meetingId,
          items: [{ awardType: 'PM_CERTIFICATE', nominationIds: [nomination] }],
        });
        expect([created.status, created.body.error?.code]).toEqual([403, 'VOTING.NOT_LEADER']);
      } finally {
        await t.dataSource.query(
          `UPDATE cluster_memberships SET role = 'leader' WHERE cluster_id = $1 AND year = 2023 AND organization_id = $2`,
          [CLUSTER, THAI_BINH],
        );
        await t.get(ChangeBus).publish('organizations');
      }
    });
  });

  describe("what a year's result names (the 2021 result, for 2022)", () => {
    const result = () => leadershipResult(t.dataSource.manager, CLUSTER, 2022);
    const score = (org: string, value: number, status = 'confirmed') =>
      t.dataSource.query(
        `UPDATE cluster_evaluations SET scores = $3, status = $4 WHERE cluster_id = $1 AND year = 2021 AND organization_id = $2`,
        [CLUSTER, org, { A: value }, status],
      );

    beforeAll(async () => {
      // 2021 as the data leaves it after its conference: the members (Thái Bình leading), the agreement in force,
      // and every member's results confirmed.
      await t.dataSource.query(
        `INSERT INTO cluster_memberships (cluster_id, year, organization_id, role)
         SELECT cluster_id, 2021, organization_id, CASE WHEN organization_id = $2 THEN 'leader' ELSE 'member' END
           FROM cluster_memberships WHERE cluster_id = $1 AND year = 2023`,
        [CLUSTER, THAI_BINH],
      );
      await t.get(ChangeBus).publish('organizations');
      await t.dataSource.query(
        `INSERT INTO cluster_agreements (id, cluster_id, year, title, criteria, state, created_by, created_at)
         VALUES (gen_random_uuid(), $1, 2021, 'Giao ước 2021', $2, 'inForce', $3, now())`,
        [CLUSTER, JSON.stringify([{ code: 'A', name: 'A', weight: 1, maxScore: 100 }]), admin.userId],
      );
      await t.dataSource.query(
        `INSERT INTO cluster_evaluations (cluster_id, year, organization_id, scores, status, submitted_by, submitted_at)
         SELECT cluster_id, 2021, organization_id, '{"A": 50}', 'confirmed', $2, now()
           FROM cluster_memberships WHERE cluster_id = $1 AND year = 2021`,
        [CLUSTER, admin.userId],
      );
    });

    it('names nobody when the first place of the ranking is shared', async () => {
      await score(NAM_DINH, 90);
      await score(HUNG_YEN, 90);
      expect(await result()).toMatchObject({ leaderId: null, basis: 'ambiguous' });
    });

    it('names the first of a complete ranking, and nobody while a member’s results wait for confirmation', async () => {
      await score(HUNG_YEN, 80);
      expect(await result()).toMatchObject({
        leaderId: NAM_DINH,
        basis: 'ranking',
        deputyIds: [HUNG_YEN, expect.any(String)],
      });
      await score(VINH_PHUC, 50, 'submitted');
      expect(await result()).toMatchObject({ leaderId: null, basis: 'none' });
      await score(VINH_PHUC, 50);
    });

    it('names the one unit the vote selected for the Government Flag, over the ranking; two name nobody', async () => {
      const flagOf = async (who: Http, nomineeOrg: string) => {
        const id = await createNomination(who, { award: 'GOVERNMENT_FLAG', nomineeOrg, year: 2021 });
        await submitWithDossier(who, id);
        await step(leader2023, id, 'ACCEPT');
        await passVote(t, id);
      };
      await flagOf(hungyen, 'PROVINCE-33');
      expect(await result()).toMatchObject({ leaderId: HUNG_YEN, basis: 'flag' });
      await flagOf(officer, 'PROVINCE-36');
      expect(await result()).toMatchObject({ leaderId: null, basis: 'ambiguous' });
    });
  });
});
