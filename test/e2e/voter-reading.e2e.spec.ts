import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { CLUSTER, person, PROVINCES, type Province } from '../support/people';
import { createNomination, step, submitWithDossier, conference } from '../support/story';

jest.setTimeout(120_000);

describe('the delegates read the candidates they vote on', () => {
  let t: TestApp;
  let leader: Http;
  let voter: Http;
  let memberOfficer: Http;
  let candidate: string;
  let outsider: string;
  let sessionId: string;
  const officers = {} as Record<Province, Http>;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', PROVINCES.thaibinh);
    voter = await person(t, 'vinhphuc.voter', 'CLUSTER_VOTER', PROVINCES.vinhphuc);
    memberOfficer = await person(t, 'vinhphuc.officer', 'NOMINATOR', PROVINCES.vinhphuc);
    for (const slug of ['namdinh', 'hungyen'] as Province[]) {
      officers[slug] = await person(t, `${slug}.officer`, 'NOMINATOR', PROVINCES[slug]);
    }
    candidate = await createNomination(officers.namdinh, {
      award: 'GOVERNMENT_FLAG',
      nomineeOrg: PROVINCES.namdinh,
      summary: 'Dẫn đầu cụm về tăng trưởng kinh tế năm 2023',
    });
    await submitWithDossier(officers.namdinh, candidate);
    await step(leader, candidate, 'ACCEPT');
    // A nomination of another province, accepted but not put to this vote.
    outsider = await createNomination(officers.hungyen, {
      award: 'GOVERNMENT_FLAG',
      nomineeOrg: PROVINCES.hungyen,
    });
    await submitWithDossier(officers.hungyen, outsider);
    await step(leader, outsider, 'ACCEPT');
    const created = await leader.post('/voting-sessions', {
      clusterId: CLUSTER,
      year: 2023,
      meetingId: await conference(leader),
      items: [{ awardType: 'GOVERNMENT_FLAG', nominationIds: [candidate] }],
    });
    sessionId = created.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("reads a candidate's nomination, summary and submitted dossier, and nothing else of the other province", async () => {
    const read = await voter.get(`/nominations/${candidate}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      summary: 'Dẫn đầu cụm về tăng trưởng kinh tế năm 2023',
      allowedEvents: [],
    });
    expect(read.body.lastReason).toBeNull();
    const documents = await voter.get(`/nominations/${candidate}/documents`);
    expect(documents.body.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'achievementReport',
      'proposal',
    ]);
    const file = await fetch(`${t.url}/nominations/${candidate}/documents/${documents.body[0].id}`, {
      headers: { authorization: `Bearer ${voter.token}` },
    });
    expect(file.status).toBe(200);
    expect((await voter.get(`/nominations/${candidate}/history`)).status).toBe(404);
    expect((await voter.patch(`/nominations/${candidate}`, { summary: 'x' })).status).toBe(403);
    expect(
      (await voter.post(`/nominations/${candidate}/events`, { type: 'RETURN', payload: { reason: 'x' } }))
        .status,
    ).toBe(404);
    // A nomination outside its sessions stays out of sight; so do the candidates for another role of the member.
    expect((await voter.get(`/nominations/${outsider}`)).status).toBe(404);
    expect((await memberOfficer.get(`/nominations/${candidate}`)).status).toBe(404);
  });

  it('shows the summary and the documents on the session to its voters, not to the rest of the member', async () => {
    const view = await voter.get(`/voting-sessions/${sessionId}`);
    const seen = view.body.items[0].candidates[0];
    expect(seen.summary).toBe('Dẫn đầu cụm về tăng trưởng kinh tế năm 2023');
    expect(seen.documents.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'achievementReport',
      'proposal',
    ]);
    const other = await memberOfficer.get(`/voting-sessions/${sessionId}`);
    expect(other.body.items[0].candidates[0]).toMatchObject({ summary: null, documents: null });
  });

  it('loses sight of the candidate once the session is cancelled', async () => {
    await leader.post(`/voting-sessions/${sessionId}/events`, { type: 'CANCEL', reason: 'Hoãn hội nghị' });
    expect((await voter.get(`/nominations/${candidate}`)).status).toBe(404);
  });
});
