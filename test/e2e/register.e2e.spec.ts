import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../src/register/register-import.service';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import type { Http } from '../support/http';
import { orgId, person, PROVINCES } from '../support/people';
import { createNomination, send, step, submitWithDossier } from '../support/story';

jest.setTimeout(180_000);

const NAM_DINH = orgId(PROVINCES.namdinh);

type Row = (string | number)[];
const person2 = (
  name: string,
  code: string,
  year: number,
  decision: string,
  extra: Partial<Record<string, string>> = {},
): Row => [
  'cá nhân',
  PROVINCES.namdinh,
  name,
  extra.gender ?? 'nữ',
  extra.birthDate ?? '1979-03-02',
  'Phó Giám đốc Sở',
  code,
  year,
  'Chủ tịch UBND tỉnh Nam Định',
  decision,
  extra.decisionDate ?? `${year + 1}-01-20`,
];

async function workbook(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('So khen thuong');
  sheet.addRow(IMPORT_COLUMNS.map(([header]) => header));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (client: Http, content: Buffer) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), 'so-khen-thuong.xlsx');
  return client.request('POST', '/register/import', form);
};

describe('the award register and the standards', () => {
  let t: TestApp;
  let officer: Http;
  let approver: Http;
  let otherOfficer: Http;
  let board: Http;
  let secretary: Http;
  let pmOffice: Http;
  let presidentOffice: Http & { userId: string };
  let admin: Http;
  const count = async (table: string) =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  const nef = (fullName: string, year = 2024) =>
    createNomination(officer, {
      award: 'NATIONAL_EMULATION_FIGHTER',
      nomineeOrg: PROVINCES.namdinh,
      cluster: false,
      year,
      nominee: {
        kind: 'individual',
        organizationId: NAM_DINH,
        fullName,
        gender: 'female',
        position: 'Phó Giám đốc Sở',
        birthDate: '1979-03-02',
      },
    });

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    approver = await person(t, 'namdinh.approver', 'PROVINCE_APPROVER', PROVINCES.namdinh);
    otherOfficer = await person(t, 'hungyen.officer', 'NOMINATOR', PROVINCES.hungyen);
    board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    secretary = await person(t, 'council.secretary', 'COUNCIL_SECRETARY', 'COUNCIL');
    pmOffice = await person(t, 'pm.office', 'PM_OFFICE', 'GOVERNMENT_OFFICE');
    presidentOffice = await person(t, 'president.office', 'PRESIDENT_OFFICE', 'PRESIDENT_OFFICE');
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports the template: every bad row reported with its own problem and nothing written; then all rows, once', async () => {
    const template = await officer.get('/register/import-template.xlsx');
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toContain('spreadsheetml');

    const good: Row[] = [
      person2('Trần Thị Lan', 'PROVINCIAL_EMULATION_FIGHTER', 2022, '101/QĐ-UBND'),
      person2('Trần Thị Lan', 'PROVINCIAL_EMULATION_FIGHTER', 2023, '102/QĐ-UBND'),
      person2('Trần Thị Lan', 'INITIATIVE_NATIONAL', 2023, '103/QĐ-UBND'),
      [
        'tập thể',
        PROVINCES.namdinh,
        '',
        '',
        '',
        '',
        'EXCELLENT_COMPLETION',
        2023,
        'Thủ tướng Chính phủ',
        '7/QĐ-TTg',
        '2024-02-01',
      ],
    ];
    const bad: Row[] = [
      ...good,
      person2('Lê Văn Sai', 'NO_SUCH_AWARD', 2023, '1/QĐ'),
      [
        'cá nhân',
        PROVINCES.hungyen,
        'Người tỉnh khác',
        'nam',
        '',
        '',
        'ADVANCED_WORKER',
        2023,
        'UBND',
        '2/QĐ',
        '2024-01-02',
      ],
      person2('Lê Văn Sai', 'ADVANCED_WORKER', 2023, '3/QĐ', { decisionDate: '2023-02-30' }),
      ['tập thể', PROVINCES.namdinh, '', '', '', '', 'ADVANCED_WORKER', 2023, 'UBND', '4/QĐ', '2024-01-02'],
    ];
    const before = await count('register_entries');
    const refused = await upload(officer, await workbook(bad));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('REGISTER.IMPORT_INVALID');
    expect(refused.body.error.details.rows.map((r: { row: number }) => r.row)).toEqual([6, 7, 8, 9]);
    const problems = refused.body.error.details.rows.map((r: { problems: string[] }) =>
      r.problems.join(' | '),
    );
    expect(problems[0]).toContain('NO_SUCH_AWARD');
    expect(problems[1]).toContain('không thuộc phạm vi');
    expect(problems[2]).toContain('Ngày quyết định');
    expect(problems[3]).toContain('không dành cho tập thể');
    expect(await count('register_entries')).toBe(before);
    expect(await count('persons')).toBe(0);

    const file = await workbook(good);
    const imported = await upload(officer, file);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rows: 4, created: 4, unchanged: 0 });
    const again = await upload(officer, file);
    expect(again.body).toMatchObject({ rows: 4, created: 0, unchanged: 4 });
    expect(await count('register_entries')).toBe(before + 4);
    expect(await count('persons')).toBe(1);

    // Not an XLSX at all: a clear 400, nothing written.
    const junk = await upload(officer, Buffer.from('not a workbook'));
    expect(junk.status).toBe(400);
    expect(junk.body.error.code).toBe('REGISTER.IMPORT_UNREADABLE');
  });

  it('checks a standard an administrator writes into a new policy version', async () => {
    const current = (await admin.get('/award-types/NATIONAL_EMULATION_FIGHTER')).body.policy;
    expect(current.rules.standard.individual[0].key).toBe('twoProvincialFighter');
    const post = (standard: unknown) =>
      admin.post('/award-types/NATIONAL_EMULATION_FIGHTER/policies', {
        effectiveFrom: '2099-01-01',
        source: 'test',
        rules: { ...current.rules, standard },
      });
    const malformed = await post({
      verified: true,
      individual: [
        { key: 'x', label: { vi: 'a', en: 'a' }, severity: 'fatal', rule: { holds: { codes: [] } } },
      ],
    });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.error.details)).toContain('severity: blocking or warning');
    const unknown = await post({
      verified: true,
      individual: [
        {
          key: 'x',
          label: { vi: 'a', en: 'a' },
          severity: 'warning',
          rule: { holds: { codes: ['NO_SUCH_TITLE'] } },
        },
      ],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('NO_SUCH_TITLE');
    const later = await post(current.rules.standard);
    expect(later.status).toBe(201);
  });

  it('is scoped: a unit reads its own register and its people’s, another province nothing of it', async () => {
    const own = await officer.get(`/register/entries?organizationId=${NAM_DINH}`);
    expect(own.status).toBe(200);
    expect(own.body).toHaveLength(4);
    const entry = own.body[0];
    const theirs = await otherOfficer.get('/register/entries');
    expect(theirs.body).toEqual([]);
    expect((await otherOfficer.get(`/register/entries/${entry.id}`)).status).toBe(404);
    expect((await otherOfficer.get(`/register/entries?organizationId=${NAM_DINH}`)).status).toBe(404);
    expect((await board.get(`/register/entries?organizationId=${NAM_DINH}`)).body).toHaveLength(4);
    const people = await otherOfficer.get('/persons');
    expect(people.body).toEqual([]);
  });

  it('refuses a submission that fails a blocking criterion, with the criteria and their evidence', async () => {
    const id = await nef('Phạm Văn Chưa Đủ');
    const eligibility = await officer.get(`/nominations/${id}/eligibility`);
    expect(eligibility.status).toBe(200);
    expect(eligibility.body).toMatchObject({ hasStandard: true, verified: true, blockingUnmet: 1 });
    expect(eligibility.body.criteria.map((c: { key: string; met: boolean }) => [c.key, c.met])).toEqual([
      ['twoProvincialFighter', false],
      ['nationalInitiative', false],
    ]);
    const before = await count('workflow_history');
    for (const kind of ['proposal', 'achievementReport'])
      await officer.upload(id, kind, Buffer.from('%PDF-1.4 x'));
    const refused = await send(officer, id, 'SUBMIT');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NOMINATION.STANDARD_NOT_MET');
    expect(await count('workflow_history')).toBe(before);
    expect((await otherOfficer.get(`/nominations/${id}/eligibility`)).status).toBe(404);
    // A date of birth that is no date is the caller's mistake, not the server's.
    const bad = await officer.post('/nominations', {
      awardType: 'NATIONAL_EMULATION_FIGHTER',
      year: 2024,
      nominee: {
        kind: 'individual',
        organizationId: NAM_DINH,
        fullName: 'Ngày Sai',
        gender: 'male',
        position: 'X',
        birthDate: '1980-02-30',
      },
      summary: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'nominee.birthDate',
    ]);
  });

  it('accepts a nomination that meets the blocking criteria, records the evaluation, and needs the Board’s reason for a warning', async () => {
    // Trần Thị Lan holds two consecutive provincial titles (2022, 2023) and a national initiative: a 2024
    // nomination finds her again as the same person.
    const lan = await nef('Trần Thị Lan');
    const view = await officer.get(`/nominations/${lan}`);
    const [personRow] = await t.dataSource.query(`SELECT id FROM persons WHERE full_name = 'Trần Thị Lan'`);
    expect(view.body.nominee.personId).toBe(personRow.id);
    // Another province cannot take her by id (nor learn that the id exists).
    const taken = await otherOfficer.post('/nominations', {
      awardType: 'NATIONAL_EMULATION_FIGHTER',
      year: 2024,
      nominee: {
        kind: 'individual',
        organizationId: orgId(PROVINCES.hungyen),
        personId: personRow.id,
        fullName: 'Trần Thị Lan',
        gender: 'female',
        position: 'Chuyên viên',
      },
      summary: 'x',
    });
    expect(taken.status).toBe(404);
    expect(taken.body.error.code).toBe('REGISTER.PERSON_NOT_FOUND');
    const [still] = await t.dataSource.query(`SELECT organization_id FROM persons WHERE id = $1`, [
      personRow.id,
    ]);
    expect(still.organization_id).toBe(NAM_DINH);
    const e = await officer.get(`/nominations/${lan}/eligibility`);
    expect(e.body.criteria.every((c: { met: boolean }) => c.met)).toBe(true);
    expect(
      e.body.criteria[0].evidence.map((v: { year: number; decisionNumber: string }) => [
        v.year,
        v.decisionNumber,
      ]),
    ).toEqual([
      [2022, '101/QĐ-UBND'],
      [2023, '102/QĐ-UBND'],
    ]);
    await submitWithDossier(officer, lan);
    const history = await officer.get(`/nominations/${lan}/history`);
    const submit = history.body.entries.find((h: { event: string }) => h.event === 'SUBMIT');
    expect(submit.payload.eligibility).toMatchObject({ blockingUnmet: 0, warningsUnmet: 0 });
    expect(submit.payload.eligibility.criteria[0].evidence).toHaveLength(2);

    // A second person meets the blocking criterion but has no recognised national initiative: a warning.
    const rows = [
      person2('Đỗ Thị Mai', 'MINISTRY_EMULATION_FIGHTER', 2023, '201/QĐ-BNV', { birthDate: '1985-01-01' }),
      person2('Đỗ Thị Mai', 'PROVINCIAL_EMULATION_FIGHTER', 2024, '202/QĐ-UBND', { birthDate: '1985-01-01' }),
    ];
    expect((await upload(officer, await workbook(rows))).body.created).toBe(2);
    const mai = await createNomination(officer, {
      award: 'NATIONAL_EMULATION_FIGHTER',
      nomineeOrg: PROVINCES.namdinh,
      cluster: false,
      year: 2024,
      nominee: {
        kind: 'individual',
        organizationId: NAM_DINH,
        fullName: 'Đỗ Thị Mai',
        gender: 'female',
        position: 'Chuyên viên',
      },
    });
    await submitWithDossier(officer, mai);
    await step(approver, mai, 'ACCEPT');
    await step(approver, mai, 'FORWARD');
    const silent = await send(board, mai, 'APPRAISAL_PASSED');
    expect(silent.status).toBe(409);
    expect(silent.body.error.code).toBe('NOMINATION.ACCEPTANCE_REASON_REQUIRED');
    const reason = 'Sáng kiến cấp bộ đã áp dụng toàn ngành, được Bộ Nội vụ xác nhận';
    const passed = await step(board, mai, 'APPRAISAL_PASSED', { acceptanceReason: reason });
    expect(passed.state).toBe('councilReview');
    const h = await board.get(`/nominations/${mai}/history`);
    const appraisal = h.body.entries.find((x: { event: string }) => x.event === 'APPRAISAL_PASSED');
    expect(appraisal.payload).toMatchObject({ acceptanceReason: reason, eligibility: { warningsUnmet: 1 } });
  });

  it('suggests who meets each award’s standard for a unit and a year', async () => {
    const res = await officer.get(
      `/organizations/${NAM_DINH}/eligible?year=2024&award=NATIONAL_EMULATION_FIGHTER`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { nominee: { name: string } }) => i.nominee.name)).toEqual([
      'Trần Thị Lan',
    ]);
    const all = await officer.get(`/organizations/${NAM_DINH}/eligible?year=2024`);
    expect(
      all.body.items.every((i: { eligibility: { criteria: { met: boolean }[] } }) =>
        i.eligibility.criteria.every((c) => c.met),
      ),
    ).toBe(true);
    expect((await otherOfficer.get(`/organizations/${NAM_DINH}/eligible?year=2024`)).status).toBe(404);
    expect((await officer.get(`/organizations/${NAM_DINH}/eligible?year=abc`)).status).toBe(400);
  });

  it('a revoked entry stays in the register and no longer counts', async () => {
    const [entry] = (await officer.get(`/register/entries?year=2023`)).body.filter(
      (e: { code: string; person: { fullName: string } | null }) =>
        e.code === 'PROVINCIAL_EMULATION_FIGHTER' && e.person?.fullName === 'Trần Thị Lan',
    );
    expect((await officer.post(`/register/entries/${entry.id}/revocation`, { reason: 'x' })).status).toBe(
      403,
    );
    const revoked = await board.post(`/register/entries/${entry.id}/revocation`, {
      reason: 'Kê khai thành tích không trung thực (Luật TĐKT 2022, Chương VII)',
      decisionNumber: '55/QĐ-UBND',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ revoked: true, revocation: { decisionNumber: '55/QĐ-UBND' } });
    expect((await board.post(`/register/entries/${entry.id}/revocation`, { reason: 'again' })).status).toBe(
      409,
    );
    const suggestions = await officer.get(
      `/organizations/${NAM_DINH}/eligible?year=2024&award=NATIONAL_EMULATION_FIGHTER`,
    );
    expect(suggestions.body.items).toEqual([]);
    const still = (await officer.get(`/register/entries?year=2023`)).body.find(
      (e: { id: string }) => e.id === entry.id,
    );
    expect(still.revoked).toBe(true);
    const [audit] = await t.dataSource.query(`SELECT action FROM audit_log WHERE target_id = $1`, [entry.id]);
    expect(audit.action).toBe('register.revoke');
  });

  it('takes a Labour Order from a province to the President’s decision, into the register', async () => {
    const id = await createNomination(officer, {
      award: 'LABOUR_ORDER_3',
      nomineeOrg: PROVINCES.namdinh,
      cluster: false,
      year: 2024,
    });
    await submitWithDossier(officer, id);
    await step(approver, id, 'ACCEPT');
    await step(approver, id, 'FORWARD');
    // The standard is not verified against the text: it only warns, and the Board writes why it goes on.
    await step(board, id, 'APPRAISAL_PASSED', {
      acceptanceReason: 'Quá trình cống hiến lâu dài, đã đối chiếu hồ sơ',
    });
    await step(secretary, id, 'COUNCIL_APPROVED');
    const byPm = await send(pmOffice, id, 'PM_DECIDED', {
      outcome: 'awarded',
      decisionNumber: '1/QĐ-TTg',
      decisionDate: '2025-09-01',
    });
    expect(byPm.status).toBe(403);
    expect(
      (
        await send(presidentOffice, id, 'PRESIDENT_DECIDED', {
          outcome: 'awarded',
          decisionNumber: '1/QĐ-CTN',
          decisionDate: '2025-09-01',
        })
      ).status,
    ).toBe(409); // not before the Prime Minister has proposed it
    const proposed = await step(pmOffice, id, 'PM_PROPOSED', { proposalNumber: '88/TTr-CP' });
    expect(proposed.state).toBe('presidentialDecision');
    expect(proposed.stateLabel.vi).toBe('Trình Chủ tịch nước');
    await eventually(async () => {
      const inbox = await presidentOffice.get('/notifications');
      expect(JSON.stringify(inbox.body)).toContain('Thủ tướng Chính phủ trình Chủ tịch nước');
    });
    const decided = await step(presidentOffice, id, 'PRESIDENT_DECIDED', {
      outcome: 'awarded',
      decisionNumber: '1234/QĐ-CTN',
      decisionDate: '2025-09-02',
    });
    expect(decided.state).toBe('awarded');
    const entries = (await officer.get(`/register/entries?organizationId=${NAM_DINH}&year=2024`)).body.filter(
      (e: { code: string }) => e.code === 'LABOUR_ORDER_3',
    );
    expect(entries).toEqual([
      expect.objectContaining({
        subjectKind: 'collective',
        decidingBody: 'Chủ tịch nước',
        decisionNumber: '1234/QĐ-CTN',
        decisionDate: '2025-09-02',
        source: 'thidua',
        nominationId: id,
        revoked: false,
      }),
    ]);
  });

  it('checks the provincial Emulation Fighter on the provincial route: three grassroots titles, the third this year', async () => {
    const nominee = {
      kind: 'individual',
      organizationId: NAM_DINH,
      fullName: 'Hoàng Văn Cơ Sở',
      gender: 'male',
      position: 'Chuyên viên',
      birthDate: '1988-08-08',
    };
    const id = await createNomination(officer, {
      award: 'PROVINCIAL_EMULATION_FIGHTER',
      nomineeOrg: PROVINCES.namdinh,
      cluster: false,
      year: 2024,
      nominee,
    });
    for (const kind of ['proposal', 'achievementReport'])
      await officer.upload(id, kind, Buffer.from('%PDF-1.4 x'));
    const refused = await send(officer, id, 'SUBMIT');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NOMINATION.STANDARD_NOT_MET');
    const grassroots = (year: number) =>
      person2('Hoàng Văn Cơ Sở', 'GRASSROOTS_EMULATION_FIGHTER', year, `${year}/QĐ-SNV`, {
        birthDate: '1988-08-08',
      });
    // Two titles, then a gap: still refused; the third in a row makes it.
    expect(
      (await upload(officer, await workbook([grassroots(2021), grassroots(2023), grassroots(2024)]))).body
        .created,
    ).toBe(3);
    expect((await send(officer, id, 'SUBMIT')).body.error.code).toBe('NOMINATION.STANDARD_NOT_MET');
    expect((await upload(officer, await workbook([grassroots(2022)]))).body.created).toBe(1);
    await step(officer, id, 'SUBMIT');
    const silent = await send(approver, id, 'APPRAISAL_PASSED');
    expect(silent.body.error.code).toBe('NOMINATION.ACCEPTANCE_REASON_REQUIRED');
    await step(approver, id, 'APPRAISAL_PASSED', {
      acceptanceReason: 'Sáng kiến cấp tỉnh đã được Hội đồng công nhận',
    });
    await step(approver, id, 'CHAIRMAN_DECIDED', {
      outcome: 'awarded',
      decisionNumber: '77/QĐ-UBND',
      decisionDate: '2025-01-15',
    });
    const entries = (await officer.get(`/register/entries?year=2024`)).body.filter(
      (e: { code: string; nominationId: string | null }) =>
        e.code === 'PROVINCIAL_EMULATION_FIGHTER' && e.nominationId === id,
    );
    expect(entries).toEqual([
      expect.objectContaining({
        decisionNumber: '77/QĐ-UBND',
        decidingBody: 'Chủ tịch Ủy ban nhân dân tỉnh',
      }),
    ]);
  });

  it('merges duplicate persons (administrator, audited): the duplicate’s register counts for the person', async () => {
    const rows: Row[] = [
      [
        'cá nhân',
        PROVINCES.namdinh,
        'TRẦN THỊ  LAN',
        'nữ',
        '',
        'Giám đốc',
        'GRASSROOTS_EMULATION_FIGHTER',
        2020,
        'Giám đốc Sở',
        '9/QĐ-S',
        '2021-01-05',
      ],
    ];
    // Found again (same folded name in the same unit), so not a duplicate: no new person.
    const persons = await count('persons');
    const imported = await upload(officer, await workbook(rows));
    expect(imported.body.created).toBe(1);
    expect(await count('persons')).toBe(persons);
    const [lan] = await t.dataSource.query(`SELECT id FROM persons WHERE full_name = 'Trần Thị Lan'`);
    // A record of her made elsewhere (another province's officer, before a transfer).
    const other = await person(t, 'hungyen.approver', 'PROVINCE_APPROVER', PROVINCES.hungyen);
    const elsewhere: Row[] = [
      [
        'cá nhân',
        PROVINCES.hungyen,
        'Trần Thị Lan',
        'nữ',
        '1979-03-02',
        'Chuyên viên',
        'ADVANCED_WORKER',
        2019,
        'UBND',
        '5/QĐ',
        '2020-01-05',
      ],
    ];
    const report = await upload(other, await workbook(elsewhere));
    expect(report.body.possibleDuplicates).toEqual([expect.objectContaining({ otherId: lan.id })]);
    const duplicates = await admin.get('/persons/duplicates');
    expect(duplicates.body).toHaveLength(1);
    const duplicateId = report.body.possibleDuplicates[0].id;
    expect(
      (await officer.post(`/persons/${duplicateId}/merge`, { intoId: lan.id, reason: 'trùng' })).status,
    ).toBe(403);
    const merged = await admin.post(`/persons/${duplicateId}/merge`, {
      intoId: lan.id,
      reason: 'Cùng một người: đã chuyển công tác',
    });
    expect(merged.status).toBe(200);
    expect((await admin.get('/persons/duplicates')).body).toEqual([]);
    const detail = await board.get(`/persons/${lan.id}`);
    expect(detail.body.mergedRecords).toEqual([duplicateId]);
    expect(
      (await board.get(`/register/entries?personId=${lan.id}`)).body.map((e: { code: string }) => e.code),
    ).toContain('ADVANCED_WORKER');
    expect(
      (await admin.post(`/persons/${duplicateId}/merge`, { intoId: lan.id, reason: 'again' })).status,
    ).toBe(422);
  });
});
