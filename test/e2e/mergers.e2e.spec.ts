import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/app';
import { documentText } from '../support/documents';
import type { Http } from '../support/http';
import { CLUSTER, orgId, person, PROVINCES } from '../support/people';
import { createNomination, step, submitWithDossier, conference } from '../support/story';

jest.setTimeout(120_000);

const THAI_BINH = orgId(PROVINCES.thaibinh);
const HUNG_YEN = orgId(PROVINCES.hungyen);

describe('a merger carries the seat in the cluster (the 2025 reform)', () => {
  let t: TestApp;
  let admin: Http;
  let leader: Http;
  let thaiBinhOfficer: Http;
  let thaiBinhVoter: Http;
  let hungYenOfficer: Http;
  let hungYenVoter: Http;
  let thaiBinhNomination: string;
  let before: string;
  let after: string;

  let meetingId: string | undefined;
  const session = async (nominationId: string) => {
    meetingId ??= await conference(leader, { year: 2025, heldOn: '2026-03-12' });
    const res = await leader.post('/voting-sessions', {
      clusterId: CLUSTER,
      year: 2025,
      meetingId,
      items: [{ awardType: 'GOVERNMENT_FLAG', nominationIds: [nominationId] }],
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    // The cluster's 2025 year: the nine provinces of 2023, Nam Định leading.
    await t.dataSource.query(
      `INSERT INTO cluster_memberships (cluster_id, year, organization_id, role)
       SELECT cluster_id, 2025, organization_id, CASE WHEN organization_id = $2 THEN 'leader' ELSE 'member' END
         FROM cluster_memberships WHERE cluster_id = $1 AND year = 2023`,
      [CLUSTER, orgId(PROVINCES.namdinh)],
    );
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
    leader = await person(t, 'namdinh.leader', 'CLUSTER_LEADER', PROVINCES.namdinh);
    thaiBinhOfficer = await person(t, 'thaibinh.officer', 'NOMINATOR', PROVINCES.thaibinh);
    thaiBinhVoter = await person(t, 'thaibinh.voter', 'CLUSTER_VOTER', PROVINCES.thaibinh);
    hungYenOfficer = await person(t, 'hungyen.officer', 'NOMINATOR', PROVINCES.hungyen);
    hungYenVoter = await person(t, 'hungyen.voter', 'CLUSTER_VOTER', PROVINCES.hungyen);
    const namDinhOfficer = await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    const ninhBinhOfficer = await person(t, 'ninhbinh.officer', 'NOMINATOR', PROVINCES.ninhbinh);

    thaiBinhNomination = await createNomination(thaiBinhOfficer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: PROVINCES.thaibinh,
      year: 2025,
    });
    const accepted = async (officer: Http, province: string) => {
      const id = await createNomination(officer, {
        award: 'GOVERNMENT_FLAG',
        nomineeOrg: province,
        year: 2025,
      });
      await submitWithDossier(officer, id);
      await step(leader, id, 'ACCEPT');
      return id;
    };
    const first = await accepted(namDinhOfficer, PROVINCES.namdinh);
    const second = await accepted(ninhBinhOfficer, PROVINCES.ninhbinh);
    // A session opened before the merger takes effect in the system ...
    before = (await session(first)).id;
    // ... then Thái Bình merges into Hưng Yên on 1 July 2025.
    const merged = await admin.post(`/organizations/${THAI_BINH}/merge`, {
      successorId: HUNG_YEN,
      effectiveDate: '2025-07-01',
    });
    expect(merged.status).toBe(201);
    after = (await session(second)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts one seat per organisation that exists in a session opened after the merger', async () => {
    const view = await leader.get(`/voting-sessions/${after}`);
    expect(view.body.eligible).toBe(8);
    expect(view.body.eligibleOrganizations.map((o: { id: string }) => o.id)).not.toContain(THAI_BINH);
    expect(view.body.quorum.required).toBe(6); // two thirds of 8
    expect(view.body.electorateChanges).toEqual([]);
  });

  it('keeps the electorate of a session created before, and says so', async () => {
    const view = await leader.get(`/voting-sessions/${before}`);
    expect(view.body.eligible).toBe(9);
    expect(view.body.electorateChanges).toEqual([
      {
        organization: expect.objectContaining({ id: THAI_BINH, nameVi: 'Thái Bình' }),
        endedOn: '2025-06-30',
        successor: expect.objectContaining({ id: HUNG_YEN, nameVi: 'Hưng Yên' }),
      },
    ]);
  });

  it("tells the ended province's delegate of the merger and its successor, not 'not a member'", async () => {
    await leader.post(`/voting-sessions/${after}/events`, { type: 'OPEN' });
    for (const id of [after, before]) {
      const res = await thaiBinhVoter.post(`/voting-sessions/${id}/ballots`, { choices: [] });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('ORGANIZATION.ENDED');
      expect(res.body.error.details).toMatchObject({
        organization: { id: THAI_BINH },
        endedOn: '2025-06-30',
        successor: { id: HUNG_YEN, nameVi: 'Hưng Yên' },
      });
    }
    // The successor's delegate votes, once, in its own seat.
    expect((await hungYenVoter.post(`/voting-sessions/${after}/ballots`, { choices: [] })).status).toBe(201);
    expect((await hungYenVoter.post(`/voting-sessions/${after}/ballots`, { choices: [] })).status).toBe(409);
    // In the electorate kept from before the merger it holds two seats, its own and Thái Bình's: it fills both,
    // one ballot each, and no more.
    await leader.post(`/voting-sessions/${before}/events`, { type: 'OPEN' });
    const seats = [];
    for (let i = 0; i < 3; i++) {
      seats.push((await hungYenVoter.post(`/voting-sessions/${before}/ballots`, { choices: [] })).status);
    }
    expect(seats).toEqual([201, 201, 409]);
    const turnout = await t.dataSource.query(
      `SELECT organization_id FROM voting_turnout WHERE session_id = $1 ORDER BY organization_id`,
      [before],
    );
    expect(turnout.map((r: { organization_id: string }) => r.organization_id)).toEqual(
      [HUNG_YEN, THAI_BINH].sort(),
    );
  });

  it('says in the minutes that the ended province kept its seat and who filled it', async () => {
    // Four more members vote, so the kept electorate of nine reaches its quorum of six.
    for (const slug of ['bacninh', 'hanam', 'haiduong', 'vinhphuc'] as const) {
      const voter = await person(t, `${slug}.voter`, 'CLUSTER_VOTER', PROVINCES[slug]);
      expect((await voter.post(`/voting-sessions/${before}/ballots`, { choices: [] })).status).toBe(201);
    }
    expect((await leader.post(`/voting-sessions/${before}/events`, { type: 'CLOSE' })).body.state).toBe(
      'tallied',
    );
    expect((await leader.post(`/voting-sessions/${before}/events`, { type: 'CERTIFY' })).body.state).toBe(
      'certified',
    );
    const view = await leader.get(`/voting-sessions/${before}`);
    const minutes = await documentText(t.url, leader, view.body.minutes.pdf.download);
    expect(minutes).toContain(
      'Thái Bình đã được sắp xếp, hợp nhất vào Hưng Yên (hoạt động đến ngày 30 tháng 6 năm 2025)',
    );
    expect(minutes).toContain('Thái Bình vẫn có một phiếu, do đại diện của Hưng Yên bỏ thay');
    // The DOCX for editing says the same.
    const docx = await documentText(t.url, leader, view.body.minutes.docx.download);
    expect(docx).toContain('hợp nhất vào Hưng Yên');
  });

  it("finds the predecessor's nominations under the successor and shows both units", async () => {
    const list = await hungYenOfficer.get(`/nominations?nominatingOrganizationId=${HUNG_YEN}&limit=100`);
    expect(list.status).toBe(200);
    const found = list.body.items.find((n: { id: string }) => n.id === thaiBinhNomination);
    expect(found.nominatingOrganization).toMatchObject({
      id: THAI_BINH,
      active: false,
      successor: { id: HUNG_YEN, nameVi: 'Hưng Yên' },
    });
    const board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    const central = await board.get(`/nominations?nominatingOrganizationId=${HUNG_YEN}&limit=100`);
    expect(central.body.items.map((n: { id: string }) => n.id)).toContain(thaiBinhNomination);
    // Filtering by the ended unit still finds its own nominations, and not its successor's.
    const own = await board.get(`/nominations?nominatingOrganizationId=${THAI_BINH}&limit=100`);
    expect(
      own.body.items.map((n: { nominatingOrganization: { id: string } }) => n.nominatingOrganization.id),
    ).toEqual(own.body.items.map(() => THAI_BINH));
    // The summary for the successor counts the predecessor's nomination too.
    const summary = await board.get(`/reports/summary?year=2025&nominatingOrganizationId=${HUNG_YEN}`);
    expect(summary.status).toBe(200);
    const ownSummary = await board.get(`/reports/summary?year=2025&nominatingOrganizationId=${THAI_BINH}`);
    expect(ownSummary.body.totals.total).toBeGreaterThanOrEqual(1);
    expect(summary.body.totals.total).toBeGreaterThanOrEqual(ownSummary.body.totals.total);
    const listed = await board.get(`/nominations?year=2025&nominatingOrganizationId=${HUNG_YEN}&limit=100`);
    expect(summary.body.totals.total).toBe(listed.body.items.length);
    // The spreadsheet names the unit that continues the ended one's work.
    const xlsx = await fetch(`${t.url}/nominations/export.xlsx?nominatingOrganizationId=${HUNG_YEN}`, {
      headers: { authorization: `Bearer ${hungYenOfficer.token}` },
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Hồ sơ đề nghị')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1]])));
    });
    expect(rows.find((r) => r['Đơn vị đề nghị'] === 'Thái Bình')).toMatchObject({
      'Đơn vị kế thừa (sau sắp xếp)': 'Hưng Yên',
    });
    const ended = await admin.get('/organizations?includeEnded=true&kind=province');
    expect(ended.body.find((o: { id: string }) => o.id === THAI_BINH)).toMatchObject({
      active: false,
      successorId: HUNG_YEN,
    });
  });
});
