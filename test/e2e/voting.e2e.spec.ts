import JSZip from 'jszip';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import type { Http } from '../support/http';
import { CLUSTER, orgId, person, PROVINCES, type Province } from '../support/people';
import { createNomination, send, step, submitWithDossier } from '../support/story';

jest.setTimeout(120_000);

const SLUGS = Object.keys(PROVINCES) as Province[];
const CRITERIA = [
  { code: 'GROWTH', name: 'Tăng trưởng kinh tế', weight: 40, maxScore: 100 },
  { code: 'INCOME', name: 'Thu nhập bình quân đầu người', weight: 30, maxScore: 100 },
  { code: 'RURAL', name: 'Xây dựng nông thôn mới', weight: 30, maxScore: 100 },
];

describe("the cluster's year over HTTP: agreement, evaluation, secret ballot, certification, leadership", () => {
  let t: TestApp;
  const officers = {} as Record<Province, Http>;
  const approvers = {} as Record<Province, Http>;
  const voters = {} as Record<Province, Http>;
  let leader: Http;
  let board: Http;
  let secretary: Http;
  let pmOffice: Http;
  const logs: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis', logLines: logs });
    for (const slug of SLUGS) {
      officers[slug] = await person(t, `${slug}.officer`, 'NOMINATOR', PROVINCES[slug]);
      approvers[slug] = await person(t, `${slug}.approver`, 'PROVINCE_APPROVER', PROVINCES[slug]);
      voters[slug] = await person(t, `${slug}.voter`, 'CLUSTER_VOTER', PROVINCES[slug]);
    }
    leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34');
    board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    secretary = await person(t, 'council.secretary', 'COUNCIL_SECRETARY', 'COUNCIL');
    pmOffice = await person(t, 'pm.office', 'PM_OFFICE', 'GOVERNMENT_OFFICE');
  });
  afterAll(async () => {
    await t?.close();
  });

  const cluster2023 = `/clusters/${CLUSTER}/years/2023`;

  async function accepted(slug: Province, award: string, nominee?: Record<string, unknown>): Promise<string> {
    const id = await createNomination(officers[slug], { award, nomineeOrg: PROVINCES[slug], nominee });
    await submitWithDossier(officers[slug], id);
    await step(leader, id, 'ACCEPT');
    return id;
  }

  async function session(items: { awardType: string; nominationIds: string[] }[], closesAt?: string) {
    const res = await leader.post('/voting-sessions', {
      clusterId: CLUSTER,
      year: 2023,
      items,
      ...(closesAt ? { closesAt } : {}),
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function vote(slug: Province, sessionId: string, choices: Record<string, string[]>) {
    const res = await voters[slug].post(`/voting-sessions/${sessionId}/ballots`, {
      choices: Object.entries(choices).map(([awardType, nominationIds]) => ({ awardType, nominationIds })),
    });
    if (res.status !== 201)
      throw new Error(`ballot of ${slug} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.receipt as string;
  }

  const event = (sessionId: string, type: string, body: Record<string, unknown> = {}) =>
    leader.post(`/voting-sessions/${sessionId}/events`, { type, ...body });

  it('signs the 2023 agreement: in force when the last of the nine members signs', async () => {
    const created = await leader.post(`${cluster2023}/agreement`, {
      title: 'Giao ước thi đua năm 2023',
      criteria: CRITERIA,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'signing', signed: 0 });
    expect(created.body.members).toHaveLength(9);
    for (const [i, slug] of SLUGS.entries()) {
      const signed = await approvers[slug].post(`${cluster2023}/agreement/signatures`);
      expect(signed.status).toBe(201);
      expect(signed.body.state).toBe(i === SLUGS.length - 1 ? 'inForce' : 'signing');
    }
    const again = await approvers.namdinh.post(`${cluster2023}/agreement/signatures`);
    expect(again.status).toBe(409);
    const outsider = await person(t, 'board.signer', 'CENTRAL_APPRAISER', 'BOARD');
    expect((await outsider.post(`${cluster2023}/agreement/signatures`)).status).toBe(403);
  });

  it('ranks the confirmed year-end results, ties shown as ties', async () => {
    const scores: Record<Province, [number, number, number]> = {
      namdinh: [95, 90, 92],
      hungyen: [90, 88, 90],
      quangninh: [90, 88, 90],
      thaibinh: [85, 80, 88],
      bacninh: [88, 70, 70],
      haiduong: [80, 80, 80],
      ninhbinh: [82, 78, 80],
      hanam: [70, 70, 70],
      vinhphuc: [75, 72, 60],
    };
    for (const slug of SLUGS) {
      const [GROWTH, INCOME, RURAL] = scores[slug];
      const res = await approvers[slug].put(`${cluster2023}/evaluations/mine`, {
        scores: { GROWTH, INCOME, RURAL },
      });
      expect(res.status).toBe(200);
    }
    const bad = await approvers.hanam.put(`${cluster2023}/evaluations/mine`, {
      scores: { GROWTH: 101, INCOME: 1 },
    });
    expect(bad.status).toBe(422);
    const returned = await leader.post(`${cluster2023}/evaluations/${orgId('PROVINCE-35')}/return`, {
      reason: 'Thiếu số liệu',
    });
    expect(returned.status).toBe(200);
    await approvers.hanam.put(`${cluster2023}/evaluations/mine`, {
      scores: { GROWTH: 70, INCOME: 70, RURAL: 70 },
    });
    for (const slug of SLUGS) {
      expect((await leader.post(`${cluster2023}/evaluations/${orgId(PROVINCES[slug])}/confirm`)).status).toBe(
        200,
      );
    }
    const ranking = await approvers.namdinh.get(`${cluster2023}/ranking`);
    const rows = ranking.body.ranking.map(
      (r: { rank: number; tied: boolean; organization: { nameVi: string } }) => [
        r.rank,
        r.organization.nameVi,
        r.tied,
      ],
    );
    expect(rows.slice(0, 4)).toEqual([
      [1, 'Nam Định', false],
      [2, 'Hưng Yên', true],
      [2, 'Quảng Ninh', true],
      [4, 'Thái Bình', false],
    ]);
  });

  let flag: string;
  let certificates: Record<string, string>;
  let receipts: Record<string, string>;
  let sessionId: string;

  it("holds the conference's secret ballot: Nam Định for the flag, Hưng Yên and Quảng Ninh for the certificate", async () => {
    flag = await accepted('namdinh', 'GOVERNMENT_FLAG');
    const thaibinhFlag = await accepted('thaibinh', 'GOVERNMENT_FLAG');
    certificates = {
      hungyen: await accepted('hungyen', 'PM_CERTIFICATE'),
      quangninh: await accepted('quangninh', 'PM_CERTIFICATE'),
      bacninh: await accepted('bacninh', 'PM_CERTIFICATE'),
    };
    sessionId = await session([
      { awardType: 'GOVERNMENT_FLAG', nominationIds: [flag, thaibinhFlag] },
      { awardType: 'PM_CERTIFICATE', nominationIds: Object.values(certificates) },
    ]);
    const draft = await leader.get(`/voting-sessions/${sessionId}`);
    expect(draft.body).toMatchObject({
      state: 'draft',
      eligible: 9,
      quorum: { required: 6 },
      results: null,
      receipts: [],
    });
    expect(draft.body.items.map((i: { quota: number }) => i.quota)).toEqual([1, 2]);
    // Nobody votes before the session opens.
    expect((await voters.namdinh.post(`/voting-sessions/${sessionId}/ballots`, { choices: [] })).status).toBe(
      409,
    );

    expect((await event(sessionId, 'OPEN')).body.state).toBe('open');
    expect((await officers.namdinh.get(`/nominations/${flag}`)).body.state).toBe('voting');

    const F = 'GOVERNMENT_FLAG';
    const C = 'PM_CERTIFICATE';
    const { hungyen: hy, quangninh: qn, bacninh: bn } = certificates;
    receipts = {
      namdinh: await vote('namdinh', sessionId, { [F]: [flag], [C]: [hy, qn] }),
      thaibinh: await vote('thaibinh', sessionId, { [F]: [thaibinhFlag], [C]: [hy, bn] }),
      bacninh: await vote('bacninh', sessionId, { [F]: [flag], [C]: [bn, hy] }),
      haiduong: await vote('haiduong', sessionId, { [F]: [flag], [C]: [hy, qn] }),
      hungyen: await vote('hungyen', sessionId, { [F]: [flag], [C]: [hy, qn] }),
      quangninh: await vote('quangninh', sessionId, { [F]: [flag], [C]: [qn, hy] }),
      ninhbinh: await vote('ninhbinh', sessionId, { [F]: [flag], [C]: [hy, qn] }),
      hanam: await vote('hanam', sessionId, { [F]: [thaibinhFlag], [C]: [hy, bn] }),
      vinhphuc: await vote('vinhphuc', sessionId, { [F]: [flag], [C]: [] }),
    };
    expect(new Set(Object.values(receipts)).size).toBe(9);

    const during = await voters.hanam.get(`/voting-sessions/${sessionId}`);
    expect(during.body).toMatchObject({
      state: 'open',
      turnout: { count: 9, youVoted: true },
      results: null,
      receipts: [],
    });
    expect(JSON.stringify(during.body)).not.toContain('approvals');

    expect((await event(sessionId, 'CLOSE')).body.state).toBe('tallied');
    const tallied = await voters.hanam.get(`/voting-sessions/${sessionId}`);
    const figures = Object.fromEntries(
      tallied.body.results.candidates.map(
        (c: { nominationId: string; approvals: number; rank: number; selected: boolean }) => [
          c.nominationId,
          [c.approvals, c.rank, c.selected],
        ],
      ),
    );
    expect(figures).toEqual({
      [flag]: [7, 1, true],
      [thaibinhFlag]: [2, 2, false],
      [hy]: [8, 1, true],
      [qn]: [5, 2, true],
      [bn]: [3, 3, false],
    });
    // Each voter finds its receipt among the counted ones; the list is sorted, not in casting order.
    const counted: string[] = tallied.body.receipts[0].codes;
    expect(counted).toEqual([...Object.values(receipts)].sort());

    const certified = await event(sessionId, 'CERTIFY');
    expect(certified.body).toMatchObject({
      state: 'certified',
      minutes: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect((await officers.namdinh.get(`/nominations/${flag}`)).body).toMatchObject({
      state: 'selected',
      vote: { approvals: 7, rank: 1 },
    });
    expect((await officers.thaibinh.get(`/nominations/${thaibinhFlag}`)).body.state).toBe('notSelected');
    expect((await officers.bacninh.get(`/nominations/${bn}`)).body.state).toBe('notSelected');

    // The minutes: a frozen PDF with Vietnamese text, attached to every candidate's dossier.
    const documents = await officers.namdinh.get(`/nominations/${flag}/documents`);
    const minutes = documents.body.find(
      (d: { kind: string; generated: boolean }) => d.kind === 'voteMinutes' && d.generated,
    );
    expect(minutes.sha256).toBe(certified.body.minutes.sha256);
    const download = await fetch(`${t.url}/nominations/${flag}/documents/${minutes.id}`, {
      headers: { authorization: `Bearer ${officers.namdinh.token}` },
    });
    const text = await pdfText(await download.arrayBuffer());
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Cụm thi đua các tỉnh Đồng bằng sông Hồng');
    expect(text).toContain('Cờ thi đua của Chính phủ');
    expect(text).toContain('Nam Định');
    expect(text).toContain('Quảng Ninh');
    expect(text).toContain('9/9 đơn vị bỏ phiếu');
    const history = await officers.namdinh.get(`/nominations/${flag}/history`);
    expect(history.body.entries.map((e: { event: string }) => e.event)).toEqual([
      'CREATE',
      'SUBMIT',
      'ACCEPT',
      'VOTE_OPENED',
      'DOCUMENT_ATTACHED',
      'VOTE_PASSED',
    ]);
    expect(history.body.entries[4].payload).toMatchObject({
      kind: 'voteMinutes',
      sha256: certified.body.minutes.sha256,
    });
    // The same minutes as DOCX, frozen with the PDF at certification.
    const docx = await fetch(`${t.url}/voting-sessions/${sessionId}/minutes?format=docx`, {
      headers: { authorization: `Bearer ${leader.token}` },
    });
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
  });

  /**
   * The text of a PDF. pdf-parse's pdf.js is given a plain Uint8Array of its own: handed a Node Buffer, it now and
   * then failed on valid documents ("bad XRef entry"), often on Node 24.
   */
  async function pdfText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
    return (await pdfParse(new Uint8Array(bytes))).text.replace(/\s+/g, ' ');
  }

  /** Downloads a generated document and returns its text (PDF extracted; DOCX from word/document.xml). */
  async function documentText(who: Http, path: string): Promise<string> {
    const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${who.token}` } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.subarray(0, 4).toString('latin1') === '%PDF') return pdfText(bytes);
    const zip = await JSZip.loadAsync(bytes);
    return (await zip.file('word/document.xml')!.async('string'))
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
  }

  it("issues the cluster's proposal, forwards the selected units, and carries them to the decision", async () => {
    const proposal = await leader.post(`${cluster2023}/proposal`, { format: 'pdf' });
    expect(proposal.status).toBe(201);
    expect(proposal.body).toMatchObject({
      kind: 'clusterProposal',
      format: 'pdf',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const proposalText = await documentText(leader, proposal.body.download);
    for (const expected of [
      'TỜ TRÌNH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023',
      'Kính gửi: Ban Thi đua – Khen thưởng Trung ương',
      'Cờ thi đua của Chính phủ',
      'Bằng khen của Thủ tướng Chính phủ',
      'Nam Định',
      'Hưng Yên',
      'Quảng Ninh',
      '77,8 %',
    ]) {
      expect(proposalText).toContain(expected);
    }
    expect(proposalText).not.toContain('Bắc Ninh (');
    const proposalDocx = await leader.post(`${cluster2023}/proposal`, { format: 'docx' });
    expect(await documentText(leader, proposalDocx.body.download)).toContain(
      'Cụm thi đua các tỉnh Đồng bằng sông Hồng',
    );
    expect((await officers.vinhphuc.post(`${cluster2023}/proposal`, { format: 'pdf' })).status).toBe(403);
    const dossier = await officers.namdinh.get(`/nominations/${flag}/documents`);
    expect(dossier.body.map((d: { kind: string }) => d.kind)).toEqual(
      expect.arrayContaining(['clusterProposal', 'voteMinutes']),
    );

    for (const id of [flag, certificates.hungyen, certificates.quangninh]) {
      expect((await step(leader, id, 'FORWARD')).state).toBe('centralAppraisal');
      await step(board, id, 'APPRAISAL_PASSED');
      await step(secretary, id, 'COUNCIL_APPROVED');
    }
    // The Board's lists for the Prime Minister, per award: stored, hashed, linked from dossier and history.
    const flagList = await board.post('/reports/pm-list', {
      year: 2023,
      awardType: 'GOVERNMENT_FLAG',
      format: 'pdf',
    });
    expect(flagList.status).toBe(201);
    const flagText = await documentText(board, flagList.body.download);
    expect(flagText).toContain(
      'DANH SÁCH ĐỀ NGHỊ THỦ TƯỚNG CHÍNH PHỦ TẶNG CỜ THI ĐUA CỦA CHÍNH PHỦ NĂM 2023',
    );
    expect(flagText).toContain('Nam Định');
    const certificateList = await board.post('/reports/pm-list', {
      year: 2023,
      awardType: 'PM_CERTIFICATE',
      format: 'docx',
    });
    const certificateText = await documentText(board, certificateList.body.download);
    expect(certificateText).toContain('Hưng Yên');
    expect(certificateText).toContain('Quảng Ninh');
    expect(
      (await leader.post('/reports/pm-list', { year: 2023, awardType: 'GOVERNMENT_FLAG', format: 'pdf' }))
        .status,
    ).toBe(403);
    const history = await board.get(`/nominations/${flag}/history`);
    const attached = history.body.entries
      .filter((e: { event: string }) => e.event === 'DOCUMENT_ATTACHED')
      .map((e: { payload: { kind: string } }) => e.payload.kind);
    expect(attached).toEqual(['voteMinutes', 'clusterProposal', 'clusterProposal', 'boardSubmission']);

    for (const id of [flag, certificates.hungyen, certificates.quangninh]) {
      const decided = await step(pmOffice, id, 'PM_DECIDED', {
        outcome: 'awarded',
        decisionNumber: '1624/QĐ-TTg',
        decisionDate: '2024-10-14',
      });
      expect(decided.state).toBe('awarded');
    }
    const summary = await board.get(`/reports/summary?year=2023&clusterId=${CLUSTER}`);
    expect(summary.body.totals.awarded).toBe(3);
  });

  it('installs the 2024 leadership the results propose: Nam Định leads, Hải Dương and Ninh Bình deputise', async () => {
    const proposal = await leader.get(`/clusters/${CLUSTER}/years/2024/leadership/proposal`);
    expect(proposal.body).toMatchObject({ leaderId: orgId('PROVINCE-36') });
    const installed = await leader.put(`/clusters/${CLUSTER}/years/2024/leadership`, {
      leaderId: orgId('PROVINCE-36'),
      deputyIds: [orgId('PROVINCE-30'), orgId('PROVINCE-37')],
    });
    expect(installed.status).toBe(200);
    expect(installed.body.leader.nameVi).toBe('Nam Định');
    expect(installed.body.deputies.map((d: { nameVi: string }) => d.nameVi).sort()).toEqual([
      'Hải Dương',
      'Ninh Bình',
    ]);
    // A member that leads neither year may not install it.
    const outsider = await person(t, 'hanam.leader', 'CLUSTER_LEADER', 'PROVINCE-35');
    expect(
      (
        await outsider.put(`/clusters/${CLUSTER}/years/2024/leadership`, {
          leaderId: orgId('PROVINCE-35'),
          deputyIds: [],
        })
      ).status,
    ).toBe(403);
  });

  it('keeps no link between a ballot and its voter: not in a column, a time, an order or a log', async () => {
    const columns = async (table: string) =>
      (
        await t.dataSource.query(
          `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`,
          [table],
        )
      ).map((r: { column_name: string }) => r.column_name);
    expect(await columns('voting_ballots')).toEqual(['choices', 'id', 'round', 'session_id']);
    expect(await columns('voting_receipts')).toEqual(['code', 'round', 'session_id']);
    expect(await columns('voting_turnout')).toEqual(['organization_id', 'round', 'session_id']);
    // No other table holds a ballot id or a receipt code.
    const ballotIds = (
      await t.dataSource.query(`SELECT id FROM voting_ballots WHERE session_id = $1`, [sessionId])
    ).map((r: { id: string }) => r.id);
    const tables = (await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )) as { table_name: string }[];
    for (const { table_name } of tables) {
      const dump = JSON.stringify(await t.dataSource.query(`SELECT * FROM "${table_name}"`));
      for (const id of ballotIds)
        if (table_name !== 'voting_ballots')
          expect(`${table_name}:${dump.includes(id)}`).toBe(`${table_name}:false`);
      for (const code of Object.values(receipts))
        if (table_name !== 'voting_receipts')
          expect(`${table_name}:${dump.includes(code)}`).toBe(`${table_name}:false`);
    }
    // Every log line of the run (at trace level, requests included) is free of ballot content and receipts.
    expect(logs.length).toBeGreaterThan(100);
    const all = logs.join('\n');
    for (const code of Object.values(receipts)) expect(all).not.toContain(code);
    for (const id of ballotIds) expect(all).not.toContain(id);
    expect(all).not.toMatch(/"choices"|nominationIds/);
    // The session's history records the leader's actions and the tally, never a ballot.
    const history = await t.engine.history(sessionId);
    expect(history.map((h) => h.eventType)).toEqual(['CREATE', 'OPEN', 'CLOSE', 'TALLY', 'CERTIFY']);
  });

  describe('the rules of the vote', () => {
    it('refuses a second ballot, a non-member, a non-voter, too many choices and strangers', async () => {
      const a = await accepted('haiduong', 'GOVERNMENT_FLAG');
      const b = await accepted('ninhbinh', 'GOVERNMENT_FLAG');
      const id = await session([{ awardType: 'GOVERNMENT_FLAG', nominationIds: [a, b] }]);
      await event(id, 'OPEN');
      await vote('namdinh', id, { GOVERNMENT_FLAG: [a] });
      const twice = await voters.namdinh.post(`/voting-sessions/${id}/ballots`, {
        choices: [{ awardType: 'GOVERNMENT_FLAG', nominationIds: [b] }],
      });
      expect([twice.status, twice.body.error.code]).toEqual([409, 'VOTING.ALREADY_VOTED']);
      const stranger = await person(t, 'hanoi.voter', 'CLUSTER_VOTER', 'MOHA');
      const nonMember = await stranger.post(`/voting-sessions/${id}/ballots`, { choices: [] });
      expect(nonMember.status).toBe(404);
      const notVoter = await officers.bacninh.post(`/voting-sessions/${id}/ballots`, { choices: [] });
      expect([notVoter.status, notVoter.body.error.code]).toEqual([403, 'VOTING.NOT_A_VOTER']);
      const tooMany = await voters.bacninh.post(`/voting-sessions/${id}/ballots`, {
        choices: [{ awardType: 'GOVERNMENT_FLAG', nominationIds: [a, b] }],
      });
      expect([tooMany.status, tooMany.body.error.code]).toEqual([422, 'VOTING.TOO_MANY_CHOICES']);
      const foreign = await voters.bacninh.post(`/voting-sessions/${id}/ballots`, {
        choices: [{ awardType: 'GOVERNMENT_FLAG', nominationIds: [flag] }],
      });
      expect([foreign.status, foreign.body.error.code]).toEqual([422, 'VOTING.NOT_A_CANDIDATE']);
      const abstain = await vote('bacninh', id, { GOVERNMENT_FLAG: [] });
      expect(abstain).toMatch(/^[A-Z0-9]{10}$/);
      // Below the quorum (2 of 9, 6 needed) the leader cannot close; cancelling sends the candidates back.
      const close = await event(id, 'CLOSE');
      expect([close.status, close.body.error.code]).toEqual([409, 'VOTING.NO_QUORUM']);
      expect((await leader.get(`/voting-sessions/${id}`)).body.state).toBe('open');
      expect((await event(id, 'CANCEL')).status).toBe(409);
      const cancelled = await event(id, 'CANCEL', { reason: 'Hoãn hội nghị' });
      expect(cancelled.body.state).toBe('cancelled');
      expect((await officers.haiduong.get(`/nominations/${a}`)).body.state).toBe('accepted');
      const late = await voters.hanam.post(`/voting-sessions/${id}/ballots`, { choices: [] });
      expect([late.status, late.body.error.code]).toEqual([409, 'VOTING.NOT_OPEN']);
    });

    it('prefers the woman in a tie at the quota (Decree 152/2025 art. 4)', async () => {
      const man = await accepted('hanam', 'PM_CERTIFICATE', {
        kind: 'individual',
        organizationId: orgId('PROVINCE-35'),
        fullName: 'Trần Văn An',
        gender: 'male',
        position: 'Giám đốc Sở',
      });
      const woman = await accepted('vinhphuc', 'PM_CERTIFICATE', {
        kind: 'individual',
        organizationId: orgId('PROVINCE-26'),
        fullName: 'Lê Thị Bình',
        gender: 'female',
        position: 'Giám đốc Sở',
      });
      const third = await accepted('haiduong', 'PM_CERTIFICATE', {
        kind: 'individual',
        organizationId: orgId('PROVINCE-30'),
        fullName: 'Phạm Văn Cường',
        gender: 'male',
        position: 'Phó Giám đốc Sở',
      });
      const id = await session([{ awardType: 'PM_CERTIFICATE', nominationIds: [man, woman, third] }]);
      await event(id, 'OPEN');
      // third 8; man and woman 5 each (both above "more than half of 9"), tied for the second place.
      const plan: [Province, string[]][] = [
        ['namdinh', [third, man]],
        ['thaibinh', [third, man]],
        ['bacninh', [third, man]],
        ['haiduong', [third, man]],
        ['hungyen', [third, woman]],
        ['quangninh', [third, woman]],
        ['ninhbinh', [third, woman]],
        ['hanam', [third, woman]],
        ['vinhphuc', [man, woman]],
      ];
      for (const [slug, choice] of plan) await vote(slug, id, { PM_CERTIFICATE: choice });
      const tallied = await event(id, 'CLOSE');
      const outcome = Object.fromEntries(
        tallied.body.results.candidates.map(
          (c: { nominationId: string; approvals: number; outcome: string; tieBreak?: string }) => [
            c.nominationId,
            [c.approvals, c.outcome, c.tieBreak ?? null],
          ],
        ),
      );
      expect(outcome[third]).toEqual([8, 'selected', null]);
      expect(outcome[woman][1]).toBe('selected');
      expect(outcome[woman][2]).toBe('female');
      expect(outcome[man][1]).toBe('beyondQuota');
      expect(outcome[man][0]).toBe(outcome[woman][0]);
    });

    it('sends a tie the preferences cannot break to a run-off round, then certifies', async () => {
      const a = await accepted('namdinh', 'PM_CERTIFICATE');
      const b = await accepted('thaibinh', 'PM_CERTIFICATE');
      const c = await accepted('ninhbinh', 'PM_CERTIFICATE');
      const id = await session([{ awardType: 'PM_CERTIFICATE', nominationIds: [a, b, c] }]);
      await event(id, 'OPEN');
      // A 8, B 5, C 5: A is selected; B and C (collectives with no share of women given) tie for the last place.
      const round1: [Province, string[]][] = [
        ['namdinh', [a, b]],
        ['thaibinh', [a, b]],
        ['bacninh', [a, b]],
        ['haiduong', [a, b]],
        ['hungyen', [a, c]],
        ['quangninh', [a, c]],
        ['ninhbinh', [a, c]],
        ['hanam', [a, c]],
        ['vinhphuc', [b, c]],
      ];
      for (const [slug, choice] of round1) await vote(slug, id, { PM_CERTIFICATE: choice });
      const tallied = await event(id, 'CLOSE');
      expect(tallied.body.results.rounds[0].runoff).toEqual([
        { awardType: 'PM_CERTIFICATE', nominationIds: [b, c].sort(), places: 1 },
      ]);
      const refused = await event(id, 'CERTIFY');
      expect([refused.status, refused.body.error.code]).toEqual([409, 'VOTING.RUNOFF_PENDING']);

      const runoff = await event(id, 'RUNOFF');
      expect(runoff.body).toMatchObject({ state: 'open', round: 2 });
      expect(runoff.body.items[0].places).toBe(1);
      // In the run-off only B and C may be chosen, one place.
      const notCandidate = await voters.namdinh.post(`/voting-sessions/${id}/ballots`, {
        choices: [{ awardType: 'PM_CERTIFICATE', nominationIds: [a] }],
      });
      expect(notCandidate.body.error.code).toBe('VOTING.NOT_A_CANDIDATE');
      const round2: [Province, string][] = [
        ['namdinh', b],
        ['thaibinh', b],
        ['bacninh', b],
        ['haiduong', b],
        ['hungyen', b],
        ['quangninh', b],
        ['ninhbinh', c],
        ['hanam', c],
        ['vinhphuc', c],
      ];
      for (const [slug, choice] of round2) await vote(slug, id, { PM_CERTIFICATE: [choice] });
      const second = await event(id, 'CLOSE');
      expect(second.body.state).toBe('tallied');
      expect(
        second.body.receipts.map((r: { round: number; codes: string[] }) => [r.round, r.codes.length]),
      ).toEqual([
        [1, 9],
        [2, 9],
      ]);
      expect((await event(id, 'CERTIFY')).body.state).toBe('certified');
      const states = await Promise.all(
        [a, b, c].map(async (n) => (await leader.get(`/nominations/${n}`)).body),
      );
      expect(states.map((n) => [n.state, n.vote.approvals])).toEqual([
        ['selected', 8],
        ['selected', 5],
        ['notSelected', 5],
      ]);
    });

    it('closes by itself at closesAt; without a quorum the candidates return to accepted', async () => {
      const x = await accepted('bacninh', 'GOVERNMENT_FLAG');
      const y = await accepted('hanam', 'GOVERNMENT_FLAG');
      const id = await session(
        [{ awardType: 'GOVERNMENT_FLAG', nominationIds: [x, y] }],
        new Date(Date.now() + 3000).toISOString(),
      );
      await event(id, 'OPEN');
      await vote('bacninh', id, { GOVERNMENT_FLAG: [x] });
      await eventually(async () => {
        expect((await leader.get(`/voting-sessions/${id}`)).body.state).toBe('noQuorum');
      }, 20_000);
      expect((await officers.bacninh.get(`/nominations/${x}`)).body.state).toBe('accepted');
      expect((await officers.hanam.get(`/nominations/${y}`)).body.state).toBe('accepted');
      const history = await t.engine.history(id);
      expect(history.map((h) => [h.eventType, h.actor.id])).toEqual([
        ['CREATE', expect.any(String)],
        ['OPEN', expect.any(String)],
        ['DEADLINE', 'system:timer'],
        ['NO_QUORUM', 'system'],
      ]);
    });

    it('refuses a session of nominations that are not accepted, of another cluster year, or from a non-leader', async () => {
      const draft = await createNomination(officers.vinhphuc, {
        award: 'PM_CERTIFICATE',
        nomineeOrg: 'PROVINCE-26',
      });
      const bad = await leader.post('/voting-sessions', {
        clusterId: CLUSTER,
        year: 2023,
        items: [{ awardType: 'PM_CERTIFICATE', nominationIds: [draft] }],
      });
      expect([bad.status, bad.body.error.code]).toEqual([422, 'VOTING.CANDIDATE_NOT_ACCEPTED']);
      const notLeader = await approvers.vinhphuc.post('/voting-sessions', {
        clusterId: CLUSTER,
        year: 2023,
        items: [{ awardType: 'PM_CERTIFICATE', nominationIds: [draft] }],
      });
      expect([notLeader.status, notLeader.body.error.code]).toEqual([403, 'VOTING.NOT_LEADER']);
      const past = await leader.post('/voting-sessions', {
        clusterId: CLUSTER,
        year: 2023,
        closesAt: '2020-01-01T00:00:00Z',
        items: [{ awardType: 'PM_CERTIFICATE', nominationIds: [draft] }],
      });
      expect(past.status).toBe(422);
      await send(officers.vinhphuc, draft, 'WITHDRAW', { reason: 'test' });
    });
  });
});
