import type { Role } from '../../src/auth/roles';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { orgId, person } from '../support/people';
import { createNomination, passVote, pdf, send, step, submitWithDossier } from '../support/story';

jest.setTimeout(120_000);

/** Which (role, organisation) may send which event on the cluster route; the rest must be refused. */
const ENTITLED: Partial<Record<Role, string[]>> = {
  NOMINATOR: ['SUBMIT', 'RESUBMIT', 'WITHDRAW', 'SUPPLEMENT'],
  CLUSTER_LEADER: ['RETURN', 'ACCEPT', 'FORWARD'],
  CENTRAL_APPRAISER: ['REQUEST_SUPPLEMENT', 'REQUEST_CONSULTATION', 'APPRAISAL_PASSED', 'APPRAISAL_REJECTED'],
  COUNCIL_SECRETARY: ['COUNCIL_APPROVED', 'COUNCIL_REJECTED'],
  PM_OFFICE: ['PM_DECIDED'],
};
const CENTRAL: Role[] = ['CENTRAL_APPRAISER', 'COUNCIL_MEMBER', 'COUNCIL_SECRETARY', 'PM_OFFICE', 'ADMIN'];
const LOCAL: Role[] = ['NOMINATOR', 'PROVINCE_APPROVER', 'CLUSTER_LEADER', 'CLUSTER_VOTER'];

const PAYLOAD: Record<string, Record<string, unknown>> = {
  RETURN: { reason: 'r' },
  WITHDRAW: { reason: 'r' },
  APPRAISAL_REJECTED: { reason: 'r' },
  COUNCIL_REJECTED: { reason: 'r' },
  REQUEST_SUPPLEMENT: { reason: 'r' },
  PM_DECIDED: { outcome: 'awarded', decisionNumber: '1/QĐ-TTg', decisionDate: '2024-10-14' },
};

/** The state each event is tried in (an event is only meaningful where the machine accepts it). */
const STATE_OF: Record<string, string> = {
  SUBMIT: 'draft',
  WITHDRAW: 'draft',
  RETURN: 'submitted',
  ACCEPT: 'submitted',
  RESUBMIT: 'returned',
  VOTE_OPENED: 'accepted',
  VOTE_PASSED: 'voting',
  FORWARD: 'selected',
  REQUEST_SUPPLEMENT: 'centralAppraisal',
  REQUEST_CONSULTATION: 'centralAppraisal',
  APPRAISAL_PASSED: 'centralAppraisal',
  APPRAISAL_REJECTED: 'centralAppraisal',
  DEADLINE: 'centralAppraisal',
  SUPPLEMENT: 'supplementRequested',
  COUNCIL_APPROVED: 'councilReview',
  COUNCIL_REJECTED: 'councilReview',
  PM_DECIDED: 'pmProposal',
};

describe('who may send which event: every role × every event × own and foreign organisation, over HTTP', () => {
  let t: TestApp;
  const actors: { role: Role; side: 'own' | 'foreign'; http: Http }[] = [];
  let officer: Http;
  let leader: Http;
  let board: Http;
  let secretary: Http;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    for (const role of LOCAL) {
      // Own: Nam Định nominates, Thái Bình leads the 2023 cluster. Foreign: Vĩnh Phúc, which leads nothing.
      const ownOrg = role === 'CLUSTER_LEADER' ? 'PROVINCE-34' : 'PROVINCE-36';
      actors.push({ role, side: 'own', http: await person(t, `own.${role.toLowerCase()}`, role, ownOrg) });
      actors.push({
        role,
        side: 'foreign',
        http: await person(t, `foreign.${role.toLowerCase()}`, role, 'PROVINCE-26'),
      });
    }
    const centralOrg: Record<string, string> = {
      CENTRAL_APPRAISER: 'BOARD',
      COUNCIL_MEMBER: 'COUNCIL',
      COUNCIL_SECRETARY: 'COUNCIL',
      PM_OFFICE: 'GOVERNMENT_OFFICE',
      ADMIN: 'MOHA',
    };
    for (const role of CENTRAL)
      actors.push({
        role,
        side: 'own',
        http: await person(t, `central.${role.toLowerCase()}`, role, centralOrg[role]),
      });
    // Many nominations of one cluster are forwarded here: lift the quota with a new policy version from today.
    const admin = actors.find((a) => a.role === 'ADMIN')!.http;
    const current = (await admin.get('/award-types/PM_CERTIFICATE')).body.policy;
    const lifted = await admin.post('/award-types/PM_CERTIFICATE/policies', {
      effectiveFrom: new Date().toISOString().slice(0, 10),
      source: 'test: no quota',
      rules: {
        ...current.rules,
        quota: { perCluster: null, perNominatingUnit: null, shareOfEligible: null },
      },
    });
    expect(lifted.status).toBe(201);
    officer = actors.find((a) => a.role === 'NOMINATOR' && a.side === 'own')!.http;
    leader = actors.find((a) => a.role === 'CLUSTER_LEADER' && a.side === 'own')!.http;
    board = actors.find((a) => a.role === 'CENTRAL_APPRAISER')!.http;
    secretary = actors.find((a) => a.role === 'COUNCIL_SECRETARY')!.http;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A fresh nomination of Nam Định (an individual, so that each is a different nominee) in `state`. */
  async function nominationIn(state: string): Promise<string> {
    const id = await createNomination(officer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: 'PROVINCE-36',
      nominee: {
        kind: 'individual',
        organizationId: orgId('PROVINCE-36'),
        fullName: `Cán bộ ${++counter}`,
        gender: 'female',
        position: 'Chuyên viên',
      },
    });
    const path = [
      'draft',
      'submitted',
      'accepted',
      'voting',
      'selected',
      'centralAppraisal',
      'councilReview',
      'pmProposal',
    ];
    const target =
      state === 'returned' ? 'submitted' : state === 'supplementRequested' ? 'centralAppraisal' : state;
    for (const at of path.slice(0, path.indexOf(target))) {
      if (at === 'draft') await submitWithDossier(officer, id);
      if (at === 'submitted') await step(leader, id, 'ACCEPT');
      if (at === 'accepted') {
        await passVote(t, id);
        continue;
      }
      if (at === 'selected') {
        await leader.upload(id, 'voteMinutes', pdf('minutes'));
        await step(leader, id, 'FORWARD');
      }
      if (at === 'centralAppraisal') await step(board, id, 'APPRAISAL_PASSED');
      if (at === 'councilReview') await step(secretary, id, 'COUNCIL_APPROVED');
    }
    if (state === 'draft')
      for (const kind of ['proposal', 'achievementReport']) await officer.upload(id, kind, pdf(kind));
    if (state === 'selected') await leader.upload(id, 'voteMinutes', pdf('minutes'));
    if (state === 'returned') await step(leader, id, 'RETURN', { reason: 'r' });
    if (state === 'supplementRequested') await step(board, id, 'REQUEST_SUPPLEMENT', { reason: 'r' });
    return id;
  }

  for (const [event, state] of Object.entries(STATE_OF)) {
    it(`${event} (in ${state})`, async () => {
      const id = state === 'voting' ? await votingNomination() : await nominationIn(state);
      const before = (await board.get(`/nominations/${id}`)).body.version;
      const outcomes: string[] = [];
      let entitledActor: Http | undefined;
      for (const { role, side, http } of actors) {
        const visible = side === 'own' || CENTRAL.includes(role);
        const entitled = visible && (ENTITLED[role] ?? []).includes(event);
        if (entitled) {
          entitledActor = http;
          continue;
        }
        const res = await send(http, id, event, PAYLOAD[event]);
        outcomes.push(`${role}:${side}:${res.status}`);
        expect(`${role}:${side}:${res.status}`).toBe(`${role}:${side}:${visible ? 403 : 404}`);
        expect(res.body.error.code).toBe(visible ? 'WORKFLOW.ACTOR_NOT_ENTITLED' : 'NOMINATION.NOT_FOUND');
      }
      expect((await board.get(`/nominations/${id}`)).body.version).toBe(before);
      if (entitledActor) {
        const res = await send(entitledActor, id, event, PAYLOAD[event]);
        expect(res.status).toBe(200);
        expect(res.body.version).toBe(before + 1);
      } else {
        expect(['VOTE_OPENED', 'VOTE_PASSED', 'DEADLINE']).toContain(event); // sent only by the system
      }
      expect(outcomes.length).toBeGreaterThan(0);
    });
  }

  async function votingNomination(): Promise<string> {
    const id = await nominationIn('accepted');
    await t.engine.send(
      id,
      { type: 'VOTE_OPENED', sessionId: 's' },
      { actor: { kind: 'system', id: 'system' } },
    );
    return id;
  }

  it('answers 404 for a nomination outside the scope, whatever the role, for reads too', async () => {
    const id = await nominationIn('draft');
    for (const { role, side, http } of actors) {
      const visible = side === 'own' || CENTRAL.includes(role);
      for (const path of [
        `/nominations/${id}`,
        `/nominations/${id}/history`,
        `/nominations/${id}/documents`,
      ]) {
        const res = await http.get(path);
        expect(`${role}:${side}:${path}:${res.status}`).toBe(
          `${role}:${side}:${path}:${visible ? 200 : 404}`,
        );
      }
    }
  });
});
