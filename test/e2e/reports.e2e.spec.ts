import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { person } from '../support/people';
import { syntheticNomination } from '../support/synthetic';

jest.setTimeout(60_000);

/**
 * Reports on a known history. Times are Hanoi local; working days skip weekends and the 2024 holidays
 * (Hung Kings' day, Thursday 18 April 2024).
 */
describe('reports for the Board, the Council, clusters and provinces', () => {
  let t: TestApp;
  let board: Http;
  let namdinh: Http;
  let leader: Http;
  let vinhphuc: Http;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres' });
    board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    namdinh = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
    leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34');
    vinhphuc = await person(t, 'vinhphuc.officer', 'NOMINATOR', 'PROVINCE-26');
    // Nam Định's flag: awarded. Submitted 2 working days; central appraisal 23; council review 4 (Hung Kings' day skipped).
    ids.flag = await syntheticNomination(t.dataSource, {
      award: 'GOVERNMENT_FLAG',
      province: 'PROVINCE-36',
      year: 2023,
      steps: [
        { event: 'SUBMIT', to: 'submitted', at: '2024-03-04 09:00' },
        { event: 'ACCEPT', to: 'accepted', at: '2024-03-06 09:00' },
        { event: 'VOTE_OPENED', to: 'voting', at: '2024-03-11 09:00' },
        { event: 'VOTE_PASSED', to: 'selected', at: '2024-03-13 09:00' },
        { event: 'FORWARD', to: 'centralAppraisal', at: '2024-03-15 09:00' },
        { event: 'REMINDER', to: 'centralAppraisal', at: '2024-03-28 08:00' },
        { event: 'APPRAISAL_PASSED', to: 'councilReview', at: '2024-04-17 10:00' },
        { event: 'COUNCIL_APPROVED', to: 'pmProposal', at: '2024-04-24 10:00' },
        { event: 'PM_DECIDED', to: 'awarded', at: '2024-10-14 10:00' },
      ],
    });
    // Hưng Yên: returned once (3 days submitted, 3 days returned), resubmitted (1 day), then not selected.
    ids.hungyen = await syntheticNomination(t.dataSource, {
      award: 'PM_CERTIFICATE',
      province: 'PROVINCE-33',
      year: 2023,
      steps: [
        { event: 'SUBMIT', to: 'submitted', at: '2024-03-04 09:00' },
        { event: 'RETURN', to: 'returned', at: '2024-03-07 09:00', payload: { reason: 'r' } },
        { event: 'RESUBMIT', to: 'submitted', at: '2024-03-12 09:00' },
        { event: 'ACCEPT', to: 'accepted', at: '2024-03-13 09:00' },
        { event: 'VOTE_OPENED', to: 'voting', at: '2024-03-15 09:00' },
        { event: 'VOTE_FAILED', to: 'notSelected', at: '2024-03-15 11:00' },
      ],
    });
    // Quảng Ninh: withdrawn the next day (1 day submitted).
    ids.quangninh = await syntheticNomination(t.dataSource, {
      award: 'PM_CERTIFICATE',
      province: 'PROVINCE-22',
      year: 2023,
      steps: [
        { event: 'SUBMIT', to: 'submitted', at: '2024-03-04 09:00' },
        { event: 'WITHDRAW', to: 'withdrawn', at: '2024-03-05 09:00', payload: { reason: 'r' } },
      ],
    });
    // Bắc Ninh: rejected at the council.
    ids.bacninh = await syntheticNomination(t.dataSource, {
      award: 'PM_CERTIFICATE',
      province: 'PROVINCE-27',
      year: 2023,
      rejectedAt: 'council',
      steps: [
        { event: 'SUBMIT', to: 'submitted', at: '2024-03-04 09:00' },
        { event: 'ACCEPT', to: 'accepted', at: '2024-03-05 09:00' },
        { event: 'VOTE_OPENED', to: 'voting', at: '2024-03-11 09:00' },
        { event: 'VOTE_PASSED', to: 'selected', at: '2024-03-13 09:00' },
        { event: 'FORWARD', to: 'centralAppraisal', at: '2024-03-14 09:00' },
        { event: 'APPRAISAL_PASSED', to: 'councilReview', at: '2024-03-28 09:00' },
        { event: 'COUNCIL_REJECTED', to: 'rejected', at: '2024-04-02 09:00', payload: { reason: 'r' } },
      ],
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts per award and cluster: proposed, selected, forwarded, awarded, rejected by stage, withdrawn', async () => {
    const res = await board.get('/reports/summary?year=2023');
    expect(res.status).toBe(200);
    expect(res.body.totals).toMatchObject({
      total: 4,
      proposed: 4,
      selected: 2,
      forwarded: 2,
      awarded: 1,
      withdrawn: 1,
      notSelected: 1,
      inProgress: 0,
    });
    expect(res.body.totals.rejected).toEqual({
      total: 1,
      appraisal: 0,
      council: 1,
      primeMinister: 0,
      chairman: 0,
    });
    const byAward = Object.fromEntries(res.body.awards.map((a: { awardType: string }) => [a.awardType, a]));
    expect(byAward.GOVERNMENT_FLAG).toMatchObject({
      total: 1,
      awarded: 1,
      forwarded: 1,
      byState: { awarded: 1 },
    });
    expect(byAward.PM_CERTIFICATE).toMatchObject({
      total: 3,
      proposed: 3,
      selected: 1,
      byState: { notSelected: 1, withdrawn: 1, rejected: 1 },
    });
    expect(byAward.PM_CERTIFICATE.clusters).toHaveLength(1);
    expect(byAward.PM_CERTIFICATE.clusters[0].nameVi).toBe('Cụm thi đua các tỉnh Đồng bằng sông Hồng');
    expect((await board.get('/reports/summary?year=2023&awardType=GOVERNMENT_FLAG')).body.totals.total).toBe(
      1,
    );
  });

  it('scopes the figures: a province its own, a cluster leader its cluster, central roles all', async () => {
    expect((await namdinh.get('/reports/summary?year=2023')).body.totals.total).toBe(1);
    expect((await leader.get('/reports/summary?year=2023')).body.totals.total).toBe(4);
    expect((await vinhphuc.get('/reports/summary?year=2023')).body.totals.total).toBe(0);
    expect((await vinhphuc.get('/reports/overdue')).body.count).toBe(0);
    expect((await namdinh.get('/reports/summary?year=20x3')).status).toBe(400);
  });

  it('measures the time in each stage in working days: median, 90th percentile, slowest', async () => {
    const res = await board.get('/reports/stage-durations?year=2023');
    const stage = (name: string) => res.body.stages.find((s: { stage: string }) => s.stage === name);
    // submitted: 2 (flag), 3 and 1 (Hưng Yên twice), 1 (Quảng Ninh), 1 (Bắc Ninh) → sorted 1, 1, 1, 2, 3.
    expect(stage('submitted')).toMatchObject({ completed: 5, ongoing: 0, median: 1, p90: 3 });
    expect(stage('submitted').slowest[0]).toMatchObject({ id: ids.hungyen, workingDays: 3 });
    // central appraisal: 23 (flag: 15 March → 17 April; the reminder does not end the stage), 10 (Bắc Ninh).
    expect(stage('centralAppraisal')).toMatchObject({ completed: 2, median: 10, p90: 23 });
    // council review: 4 (flag: 17 → 24 April over Hung Kings' day), 3 (Bắc Ninh: 28 March → 2 April).
    expect(stage('councilReview')).toMatchObject({ completed: 2, median: 3, p90: 4 });
    expect(stage('returned')).toMatchObject({ completed: 1, median: 3 });
    expect(stage('centralAppraisal').label).toEqual({ vi: 'Đang thẩm định', en: 'Under appraisal' });
    // Scope: Nam Định sees only its own durations.
    const own = await namdinh.get('/reports/stage-durations?year=2023');
    expect(own.body.stages.find((s: { stage: string }) => s.stage === 'submitted').completed).toBe(1);
  });

  it('exports the list as XLSX, read back row for row: dossier numbers, row numbers, date cells in Vietnam time, a frozen and filtered header', async () => {
    // The web interface's link sends the session cookie, not a bearer token.
    const res = await fetch(`${t.url}/nominations/export.xlsx?year=2023`, {
      headers: { cookie: `thidua_session=${board.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Hồ sơ đề nghị')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 10)).toEqual([
      'STT',
      'Số hồ sơ',
      'Năm',
      'Hình thức khen thưởng',
      'Cụm, khối thi đua',
      'Đơn vị đề nghị',
      'Đơn vị kế thừa (sau sắp xếp)',
      'Đối tượng',
      'Loại',
      'Trạng thái',
    ]);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1]])));
    });
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.STT)).toEqual([1, 2, 3, 4]);
    expect(JSON.stringify(rows)).not.toContain(ids.flag);
    const [{ dossier_number: flagNumber }] = await t.dataSource.query(
      `SELECT dossier_number FROM nominations WHERE id = $1`,
      [ids.flag],
    );
    expect(flagNumber).toMatch(/^2023-CTCP-\d{4}$/);
    const flag = rows.find((r) => r['Số hồ sơ'] === flagNumber)!;
    // Submitted at 09:00 in Hanoi on 4 March 2024: the cell shows that wall-clock time.
    expect(flag['Ngày gửi']).toEqual(new Date('2024-03-04T09:00:00Z'));
    expect(sheet.getColumn(11).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:Q1');
    expect(sheet.getColumn(2).width).toBe(17);
    expect(flag).toMatchObject({
      Năm: 2023,
      'Hình thức khen thưởng': 'Cờ thi đua của Chính phủ',
      'Đơn vị đề nghị': 'Nam Định',
      'Đơn vị kế thừa (sau sắp xếp)': undefined,
      'Trạng thái': 'Đã khen thưởng',
      Loại: 'Tập thể',
    });
    // The same filters as the list, and the same scope.
    const own = await fetch(`${t.url}/nominations/export.xlsx?state=withdrawn`, {
      headers: { authorization: `Bearer ${namdinh.token}` },
    });
    const ownBook = new ExcelJS.Workbook();
    await ownBook.xlsx.load(Buffer.from(await own.arrayBuffer()) as never);
    expect(ownBook.getWorksheet('Hồ sơ đề nghị')!.rowCount).toBe(1);
  });

  it('lists what is overdue and who must act', async () => {
    await t.dataSource.query(
      `UPDATE nominations SET due_at = now() - interval '3 days', overdue = true, state = 'centralAppraisal' WHERE id = $1`,
      [ids.bacninh],
    );
    await t.dataSource.query(
      `UPDATE workflow_instances SET state = 'centralAppraisal', snapshot = jsonb_set(jsonb_set(snapshot, '{value}', '"centralAppraisal"'), '{status}', '"active"') WHERE id = $1`,
      [ids.bacninh],
    );
    const res = await board.get('/reports/overdue');
    expect(res.body.count).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      id: ids.bacninh,
      state: 'centralAppraisal',
      nominatingOrganization: 'Bắc Ninh',
      mustAct: ['CENTRAL_APPRAISER'],
    });
    expect(res.body.items[0].overdueWorkingDays).toBeGreaterThanOrEqual(1);
  });
});
