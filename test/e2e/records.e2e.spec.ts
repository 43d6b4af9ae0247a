import { randomUUID } from 'node:crypto';
import { pdfText } from '../support/documents';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { CLUSTER, orgId, person, PROVINCES, type Province } from '../support/people';
import {
  appraisedFighter,
  conference,
  councilSession,
  createNomination,
  policyWithoutStandard,
  send,
  step,
  submitWithDossier,
} from '../support/story';

jest.setTimeout(180_000);

const SLUGS = Object.keys(PROVINCES) as Province[];
const COUNCIL = orgId('COUNCIL');
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 31 * 3600_000).toISOString().slice(0, 10);

/**
 * Official records over HTTP: meetings that votes belong to, minutes dated and placed by them, a cluster's quota
 * for its year across sessions, decisions that move many nominations or none, dossier numbers.
 */
describe('official records: meetings, minutes, quotas and decisions', () => {
  let t: TestApp;
  const officers = {} as Record<Province, Http>;
  const approvers = {} as Record<Province, Http>;
  const voters = {} as Record<Province, Http>;
  let leader: Http;
  let board: Http;
  let secretary: Http;
  let pmOffice: Http;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    for (const slug of SLUGS) {
      officers[slug] = await person(t, `${slug}.officer`, 'NOMINATOR', PROVINCES[slug]);
      approvers[slug] = await person(t, `${slug}.approver`, 'PROVINCE_APPROVER', PROVINCES[slug]);
      voters[slug] = await person(t, `${slug}.voter`, 'CLUSTER_VOTER', PROVINCES[slug]);
    }
    leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34');
    board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    secretary = await person(t, 'council.secretary', 'COUNCIL_SECRETARY', 'COUNCIL');
    pmOffice = await person(t, 'pm.office', 'PM_OFFICE', 'GOVERNMENT_OFFICE');
    // The decisions below are about recording, not the award's standard: from today the National Emulation
    // Fighter's policy checks none (the standards have their own tests).
    await policyWithoutStandard(await person(t, 'admin', 'ADMIN', 'MOHA'));
  });
  afterAll(async () => {
    await t?.close();
  });

  async function submitted(slug: Province, award: string, fullName?: string): Promise<string> {
    const id = await createNomination(officers[slug], {
      award,
      nomineeOrg: PROVINCES[slug],
      ...(fullName
        ? {
            nominee: {
              kind: 'individual',
              organizationId: orgId(PROVINCES[slug]),
              fullName,
              gender: 'male',
              position: 'Chuyên viên',
            },
          }
        : {}),
    });
    await submitWithDossier(officers[slug], id);
    return id;
  }

  const session = async (meetingId: string, awardType: string, nominationIds: string[]) =>
    leader.post('/voting-sessions', {
      clusterId: CLUSTER,
      year: 2023,
      meetingId,
      items: [{ awardType, nominationIds }],
    });
  const event = (id: string, type: string, body: Record<string, unknown> = {}) =>
    leader.post(`/voting-sessions/${id}/events`, { type, ...body });
  async function ballots(id: string, plan: [Province[], string[]][]) {
    for (const [slugs, choice] of plan) {
      for (const slug of slugs) {
        const res = await voters[slug].post(`/voting-sessions/${id}/ballots`, {
          choices: [{ awardType: 'PM_CERTIFICATE', nominationIds: choice }],
        });
        expect(res.status).toBe(201);
      }
    }
  }

  describe('meetings', () => {
    it('records a conference once held, by the leadership of its year, with who attended', async () => {
      const absent = [orgId('PROVINCE-26')];
      const present = SLUGS.map((s) => orgId(PROVINCES[s])).filter((o) => !absent.includes(o));
      const id = await conference(leader, { present, place: 'Thái Bình' });
      const meeting = (await approvers.vinhphuc.get(`/meetings/${id}`)).body;
      expect(meeting).toMatchObject({
        kind: 'clusterConference',
        year: 2023,
        heldOn: '2024-03-13',
        place: 'Thái Bình',
        chair: { name: 'Lại Văn Hoàn' },
        secretary: { name: 'Nguyễn Thị Hoa' },
      });
      expect(meeting.present).toHaveLength(8);
      expect(meeting.absent).toEqual([{ organizationId: absent[0], name: 'Vĩnh Phúc' }]);

      const body = {
        kind: 'clusterConference',
        organizationId: CLUSTER,
        year: 2023,
        heldOn: '2024-03-13',
        place: 'Thái Bình',
        chair: { name: 'A', function: 'B' },
        secretary: { name: 'C', function: 'D' },
      };
      const future = await leader.post('/meetings', { ...body, heldOn: tomorrow() });
      expect([future.status, future.body.error.code]).toEqual([422, 'MEETING.DATE_IN_FUTURE']);
      const member = await approvers.namdinh.post('/meetings', body);
      expect([member.status, member.body.error.code]).toEqual([403, 'MEETING.NOT_ORGANIZER']);
      const stranger = await leader.post('/meetings', { ...body, presentOrganizationIds: [orgId('MOHA')] });
      expect([stranger.status, stranger.body.error.code]).toEqual([422, 'MEETING.INVALID']);
      const notADate = await leader.post('/meetings', { ...body, heldOn: '2024-02-30' });
      expect(notADate.status).toBe(422);
      const council = await leader.post('/meetings', {
        ...body,
        kind: 'councilSession',
        organizationId: COUNCIL,
      });
      expect(council.status).toBe(403);
      // Outside its cluster nobody sees the conference.
      const outsider = await person(t, 'hanoi.officer', 'NOMINATOR', 'MOHA');
      expect((await outsider.get(`/meetings/${id}`)).status).toBe(404);
      // A voting session belongs to a conference of its cluster and year.
      const noMeeting = await session(randomUUID(), 'PM_CERTIFICATE', [randomUUID()]);
      expect([noMeeting.status, noMeeting.body.error.code]).toEqual([422, 'VOTING.MEETING_INVALID']);
    });
  });

  describe("a cluster's quota is for its year", () => {
    let first: string;
    let second: string;
    const selected: string[] = [];

    it('dates and places the minutes and the verdicts by the conference, whenever they are entered', async () => {
      const meetingId = await conference(leader, { heldOn: '2024-03-13', place: 'Thái Bình' });
      const [a, b, c] = [
        await submitted('namdinh', 'PM_CERTIFICATE'),
        await submitted('hungyen', 'PM_CERTIFICATE'),
        await submitted('quangninh', 'PM_CERTIFICATE'),
      ];
      for (const id of [a, b, c]) await step(leader, id, 'ACCEPT');
      const created = await session(meetingId, 'PM_CERTIFICATE', [a, b, c]);
      expect(created.status).toBe(201);
      first = created.body.id;
      expect(created.body.items[0]).toMatchObject({ quota: 2, yearQuota: 2, takenEarlier: 0 });
      expect(created.body.meeting).toMatchObject({ heldOn: '2024-03-13', place: 'Thái Bình' });
      await event(first, 'OPEN');
      // Only Nam Định passes the threshold (5 of 9): one place of the year's two is filled.
      await ballots(first, [
        [['namdinh', 'thaibinh', 'bacninh', 'haiduong', 'hungyen', 'quangninh'], [a]],
        [
          ['ninhbinh', 'hanam'],
          [b, c],
        ],
        [['vinhphuc'], []],
      ]);
      await event(first, 'CLOSE');
      const certified = await event(first, 'CERTIFY');
      expect(certified.body.state).toBe('certified');
      selected.push(a);

      const nomination = (await officers.namdinh.get(`/nominations/${a}`)).body;
      expect(nomination.vote).toMatchObject({
        approvals: 6,
        round: 1,
        decidedBy: 'threshold',
        decidedOn: '2024-03-13',
      });
      const history = (await officers.namdinh.get(`/nominations/${a}/history`)).body.entries;
      const passed = history.find((e: { event: string }) => e.event === 'VOTE_PASSED');
      // The history keeps both: the day it was decided, and when it was entered.
      expect(passed.payload.decidedOn).toBe('2024-03-13');
      expect(passed.at.slice(0, 10)).not.toBe('2024-03-13');

      const minutes = certified.body.minutes;
      const res = await fetch(`${t.url}${minutes.pdf.download}`, {
        headers: { authorization: `Bearer ${leader.token}` },
      });
      const text = await pdfText(await res.arrayBuffer());
      expect(text).toContain('Thái Bình, ngày 13 tháng 3 năm 2024');
      expect(text).toContain('Hôm nay, vào hồi 08 giờ 30, ngày 13 tháng 3 năm 2024, tại Hội trường');
      expect(text).toContain('Chủ trì: Lại Văn Hoàn');
      expect(text).toContain('Thư ký: Nguyễn Thị Hoa');
      expect(text).toContain(
        'số phiếu phát ra: 9; số phiếu thu vào: 9; số phiếu hợp lệ: 9; số phiếu không hợp lệ: 0; số phiếu trắng: 1',
      );
      expect(text).not.toContain(
        `ngày ${Number(today().slice(8))} tháng ${Number(today().slice(5, 7))} năm ${today().slice(0, 4)}`,
      );
    });

    it('opens the next session for the places left only, and its tally fills no more', async () => {
      const meetingId = await conference(leader, { heldOn: '2024-03-20', place: 'Hạ Long' });
      const [d, e, f] = [
        await submitted('haiduong', 'PM_CERTIFICATE'),
        await submitted('ninhbinh', 'PM_CERTIFICATE'),
        await submitted('hanam', 'PM_CERTIFICATE'),
      ];
      for (const id of [d, e, f]) await step(leader, id, 'ACCEPT');
      const created = await session(meetingId, 'PM_CERTIFICATE', [d, e, f]);
      expect(created.status).toBe(201);
      second = created.body.id;
      expect(created.body.items[0]).toMatchObject({ quota: 1, yearQuota: 2, takenEarlier: 1 });
      await event(second, 'OPEN');
      // Everybody passes; only the place left is filled.
      await ballots(second, [[SLUGS, [d]]]);
      const twice = await voters.vinhphuc.post(`/voting-sessions/${second}/ballots`, { choices: [] });
      expect(twice.status).toBe(409);
      await event(second, 'CLOSE');
      const certified = await event(second, 'CERTIFY');
      expect(certified.body.results.candidates.filter((c: { selected: boolean }) => c.selected)).toHaveLength(
        1,
      );
      selected.push(d);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM nominations WHERE cluster_id = $1 AND year = 2023 AND award_type = 'PM_CERTIFICATE' AND state = 'selected'`,
        [CLUSTER],
      );
      expect(count).toBe(2);
      // Both selected units go forward: the quota that FORWARD checks is not exceeded.
      for (const id of selected) expect((await step(leader, id, 'FORWARD')).state).toBe('centralAppraisal');
    });

    it('refuses a session once the year is filled, and two open sessions together never select more than the quota', async () => {
      const meetingId = await conference(leader, { heldOn: '2024-03-27' });
      const g = await submitted('vinhphuc', 'PM_CERTIFICATE');
      await step(leader, g, 'ACCEPT');
      const full = await session(meetingId, 'PM_CERTIFICATE', [g]);
      expect([full.status, full.body.error.code]).toEqual([422, 'VOTING.QUOTA_FILLED']);
      expect(full.body.error.details).toMatchObject({ yearQuota: 2, taken: 2 });

      // Two sessions of the flag created before either is tallied: the second's tally takes only what is left.
      const flags = [
        await submitted('thaibinh', 'GOVERNMENT_FLAG'),
        await submitted('bacninh', 'GOVERNMENT_FLAG'),
      ];
      for (const id of flags) await step(leader, id, 'ACCEPT');
      const one = (await session(meetingId, 'GOVERNMENT_FLAG', [flags[0]])).body.id;
      const two = (await session(meetingId, 'GOVERNMENT_FLAG', [flags[1]])).body.id;
      for (const id of [one, two]) await event(id, 'OPEN');
      for (const [id, flag] of [
        [one, flags[0]],
        [two, flags[1]],
      ]) {
        for (const slug of SLUGS) {
          await voters[slug].post(`/voting-sessions/${id}/ballots`, {
            choices: [{ awardType: 'GOVERNMENT_FLAG', nominationIds: [flag] }],
          });
        }
      }
      expect((await event(one, 'CLOSE')).body.state).toBe('tallied');
      const late = await event(two, 'CLOSE');
      expect(late.body.results.candidates[0]).toMatchObject({
        approvals: 9,
        selected: false,
        outcome: 'beyondQuota',
      });
      expect(late.body.results.rounds[0].ballots[0]).toMatchObject({ places: 0 });
      for (const id of [one, two]) expect((await event(id, 'CERTIFY')).body.state).toBe('certified');
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM nominations WHERE cluster_id = $1 AND year = 2023 AND award_type = 'GOVERNMENT_FLAG' AND state = 'selected'`,
        [CLUSTER],
      );
      expect(count).toBe(1);
    });
  });

  describe('decisions for many nominations', () => {
    const fighters: string[] = [];

    /** A National Emulation Fighter (direct route) through appraisal: it waits for the Council. */
    const appraised = (slug: Province, name: string) =>
      appraisedFighter({ officer: officers[slug], approver: approvers[slug], board }, PROVINCES[slug], name);

    it("records the Council's session outcome for several nominations at once", async () => {
      for (const [slug, name] of [
        ['namdinh', 'Trần Thị Mai'],
        ['hungyen', 'Nguyễn Thị Lan'],
        ['quangninh', 'Lê Thị Hồng'],
        ['ninhbinh', 'Phạm Thị Thu'],
      ] as [Province, string][]) {
        fighters.push(await appraised(slug, name));
      }
      const sessionId = await councilSession(secretary, { absent: ['Thành viên C'] });
      const decided = await secretary.post('/decisions', {
        kind: 'council',
        meetingId: sessionId,
        outcome: 'approved',
        items: [
          { nominationId: fighters[0] },
          { nominationId: fighters[1] },
          { nominationId: fighters[2] },
          { nominationId: fighters[3], outcome: 'rejected', reason: 'Chưa đủ tiêu chuẩn' },
        ],
      });
      expect(decided.status).toBe(201);
      expect(decided.body).toMatchObject({ kind: 'council', date: '2024-09-20', number: null });
      expect(decided.body.nominations.map((n: { state: string }) => n.state)).toEqual([
        'pmProposal',
        'pmProposal',
        'pmProposal',
        'rejected',
      ]);
      const history = (await board.get(`/nominations/${fighters[0]}/history`)).body.entries.at(-1);
      expect(history).toMatchObject({
        event: 'COUNCIL_APPROVED',
        payload: { meetingId: sessionId, decidedOn: '2024-09-20', decisionId: decided.body.id },
      });
    });

    it("moves every nomination of the Prime Minister's decision or none, with the reasons per nomination", async () => {
      const awaiting = fighters.slice(0, 3);
      const stillAppraising = await appraised('hanam', 'Đỗ Thị Yến');
      await step(secretary, stillAppraising, 'COUNCIL_APPROVED');
      const wrongState = await appraised('vinhphuc', 'Vũ Thị Hạnh');
      const body = {
        kind: 'primeMinister',
        number: '1624/QĐ-TTg',
        date: '2024-10-14',
        signer: { name: 'Trần Hồng Hà', function: 'Phó Thủ tướng' },
        outcome: 'awarded',
      };
      const refused = await pmOffice.post('/decisions', {
        ...body,
        items: [...awaiting, stillAppraising, wrongState].map((nominationId) => ({ nominationId })),
      });
      expect([refused.status, refused.body.error.code]).toEqual([409, 'DECISION.REFUSED']);
      expect(refused.body.error.details.refusals).toEqual([
        expect.objectContaining({ nominationId: wrongState, code: 'WORKFLOW.TRANSITION_NOT_ALLOWED' }),
      ]);
      // Nothing moved, nothing was recorded, the number is still free.
      for (const id of [...awaiting, stillAppraising]) {
        expect((await board.get(`/nominations/${id}`)).body.state).toBe('pmProposal');
      }
      expect(
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM decisions WHERE kind = 'primeMinister'`))[0]
          .n,
      ).toBe(0);
      expect(
        (
          await t.dataSource.query(`SELECT count(*)::int AS n FROM document_register WHERE kind = 'decision'`)
        )[0].n,
      ).toBe(0);

      const future = await pmOffice.post('/decisions', {
        ...body,
        date: tomorrow(),
        items: awaiting.map((nominationId) => ({ nominationId })),
      });
      expect([future.status, future.body.error.code]).toEqual([422, 'DECISION.DATE_IN_FUTURE']);
      const single = await send(pmOffice, stillAppraising, 'PM_DECIDED', {
        outcome: 'awarded',
        decisionNumber: '1700/QĐ-TTg',
        decisionDate: '2099-01-01',
      });
      expect([single.status, single.body.error.code]).toEqual([422, 'DECISION.DATE_IN_FUTURE']);
      const notOffice = await board.post('/decisions', { ...body, items: [{ nominationId: awaiting[0] }] });
      expect([notOffice.status, notOffice.body.error.code]).toEqual([403, 'DECISION.NOT_ENTITLED']);

      const recorded = await pmOffice.post('/decisions', {
        ...body,
        items: [...awaiting, stillAppraising].map((nominationId) => ({ nominationId })),
      });
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ number: '1624/QĐ-TTg', date: '2024-10-14' });
      expect(recorded.body.nominations.map((n: { state: string }) => n.state)).toEqual([
        'awarded',
        'awarded',
        'awarded',
        'awarded',
      ]);
      for (const id of [...awaiting, stillAppraising]) {
        const n = (await board.get(`/nominations/${id}`)).body;
        expect(n.decision).toMatchObject({
          decisionNumber: '1624/QĐ-TTg',
          decisionDate: '2024-10-14',
          decisionId: recorded.body.id,
        });
        // Decided on the day the decision was signed (midnight in Vietnam), whenever it was entered.
        expect(n.decidedAt).toBe('2024-10-13T17:00:00.000Z');
        const last = (await board.get(`/nominations/${id}/history`)).body.entries.at(-1);
        expect(last).toMatchObject({ event: 'PM_DECIDED', payload: { decisionId: recorded.body.id } });
      }
      const again = await pmOffice.post('/decisions', { ...body, items: [{ nominationId: wrongState }] });
      expect([again.status, again.body.error.code]).toEqual([409, 'DOCUMENT.NUMBER_TAKEN']);
      const view = await pmOffice.get(`/decisions/${recorded.body.id}`);
      expect(view.body.items).toHaveLength(4);
      expect(view.body.signer).toEqual({ name: 'Trần Hồng Hà', function: 'Phó Thủ tướng' });
    });

    it('lets a cluster leader accept several dossiers at once, all or nothing', async () => {
      const [a, b] = [
        await submitted('thaibinh', 'PM_CERTIFICATE', 'Nguyễn Văn Tâm'),
        await submitted('bacninh', 'PM_CERTIFICATE', 'Trần Văn Đức'),
      ];
      const other = await createNomination(officers.haiduong, {
        award: 'PM_CERTIFICATE',
        nomineeOrg: 'PROVINCE-30',
        nominee: {
          kind: 'individual',
          organizationId: orgId('PROVINCE-30'),
          fullName: 'Lê Văn Hùng',
          gender: 'male',
          position: 'Kỹ sư',
        },
      });
      const refused = await leader.post('/decisions', {
        kind: 'clusterAcceptance',
        items: [a, b, other].map((nominationId) => ({ nominationId })),
      });
      expect(refused.status).toBe(409);
      expect((await leader.get(`/nominations/${a}`)).body.state).toBe('submitted');
      const accepted = await leader.post('/decisions', {
        kind: 'clusterAcceptance',
        items: [a, b].map((nominationId) => ({ nominationId })),
      });
      expect(accepted.status).toBe(201);
      expect(accepted.body.nominations.map((n: { state: string }) => n.state)).toEqual([
        'accepted',
        'accepted',
      ]);
      const foreign = await approvers.namdinh.post('/decisions', {
        kind: 'clusterAcceptance',
        items: [{ nominationId: other }],
      });
      expect(foreign.status).toBe(403);
    });
  });

  it('numbers every dossier per year and award, shown and searchable', async () => {
    const nominee = {
      kind: 'individual',
      organizationId: orgId('PROVINCE-36'),
      gender: 'male',
      position: 'Kỹ sư',
    };
    const first = await createNomination(officers.namdinh, {
      award: 'NATIONAL_EMULATION_FIGHTER',
      nomineeOrg: 'PROVINCE-36',
      year: 2022,
      cluster: false,
      nominee: { ...nominee, fullName: 'Nguyễn Văn Một' },
    });
    const id = await createNomination(officers.namdinh, {
      award: 'NATIONAL_EMULATION_FIGHTER',
      nomineeOrg: 'PROVINCE-36',
      year: 2022,
      cluster: false,
      nominee: { ...nominee, fullName: 'Nguyễn Văn Hai' },
    });
    expect((await officers.namdinh.get(`/nominations/${first}`)).body.dossierNumber).toBe('2022-CSTQ-0001');
    const view = (await officers.namdinh.get(`/nominations/${id}`)).body;
    expect(view.dossierNumber).toBe('2022-CSTQ-0002');
    const found = await officers.namdinh.get('/nominations?q=2022-CSTQ-0002');
    expect(found.body.items.map((n: { id: string }) => n.id)).toEqual([id]);
    // Past the 9,999th dossier of a year and award the number grows: the 10,000th is not the 1,000th again.
    await t.dataSource.query(
      `UPDATE dossier_counters SET last = 9999 WHERE year = 2022 AND award_type = 'NATIONAL_EMULATION_FIGHTER'`,
    );
    const tenThousandth = await createNomination(officers.namdinh, {
      award: 'NATIONAL_EMULATION_FIGHTER',
      nomineeOrg: 'PROVINCE-36',
      year: 2022,
      cluster: false,
      nominee: { ...nominee, fullName: 'Nguyễn Văn Mười Nghìn' },
    });
    expect((await officers.namdinh.get(`/nominations/${tenThousandth}`)).body.dossierNumber).toBe(
      '2022-CSTQ-10000',
    );
  });
});
