import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { docFile, ole2File, xlsFile } from '../support/ole2';
import { orgId, person, PROVINCES } from '../support/people';
import { createNomination, pdf } from '../support/story';

jest.setTimeout(90_000);

describe("legacy Word and Excel files in the dossier, and the individual nominee's fields", () => {
  let t: TestApp;
  let officer: Http;
  let admin: Http;

  const documents = async () =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM nomination_documents`))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres' });
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts a .doc and an .xls by content, and gives them back as they were', async () => {
    const id = await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: PROVINCES.namdinh });
    const doc = docFile();
    const uploaded = await officer.upload(id, 'proposal', doc, 'To trinh.doc');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ fileName: 'To trinh.doc', contentType: 'application/msword' });
    const xls = await officer.upload(id, 'other', xlsFile('Book'), 'Bang diem.xls');
    expect(xls.status).toBe(201);
    expect(xls.body.contentType).toBe('application/vnd.ms-excel');
    const download = await fetch(`${t.url}/nominations/${id}/documents/${uploaded.body.id}`, {
      headers: { authorization: `Bearer ${officer.token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/msword');
    expect(Buffer.from(await download.arrayBuffer()).equals(doc)).toBe(true);
  });

  it('refuses a renamed PDF or program, an OLE2 file without a Word or Excel stream, and a corrupt one', async () => {
    const id = await createNomination(officer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: PROVINCES.namdinh,
    });
    const before = await documents();
    const refusals = [
      [pdf('renamed'), 'To trinh.doc', 'DOCUMENT.NAME_MISMATCH'],
      [docFile(), 'Bang diem.xls', 'DOCUMENT.NAME_MISMATCH'],
      [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]), 'setup.doc', 'DOCUMENT.TYPE_NOT_ALLOWED'],
      [
        ole2File([{ name: 'PowerPoint Document', content: Buffer.alloc(4096, 1) }]),
        'x.doc',
        'DOCUMENT.TYPE_NOT_ALLOWED',
      ],
      [docFile().subarray(0, 2048), 'cut.doc', 'DOCUMENT.TYPE_NOT_ALLOWED'],
    ] as const;
    for (const [content, name, code] of refusals) {
      const res = await officer.upload(id, 'proposal', Buffer.from(content), name);
      expect({ name, status: res.status, code: res.body.error?.code }).toEqual({ name, status: 415, code });
      expect(res.body.error.message).toMatch(/DOC|XLS|PDF/);
    }
    const english = await officer.request(
      'POST',
      `/nominations/${id}/documents`,
      (() => {
        const form = new FormData();
        form.append('kind', 'proposal');
        form.append('file', new Blob([new Uint8Array(pdf('renamed'))]), 'To trinh.doc');
        return form;
      })(),
      { 'accept-language': 'en' },
    );
    expect(english.body.error.message).toBe(
      'The file is named as DOC but its content is PDF; choose the right file or rename it.',
    );
    expect(await documents()).toBe(before);
  });

  it("refuses a kind of file the award's policy leaves out", async () => {
    const current = (await admin.get('/award-types/PM_CERTIFICATE')).body.policy;
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const added = await admin.post('/award-types/PM_CERTIFICATE/policies', {
      effectiveFrom: today,
      source: 'Thử nghiệm: chỉ nhận PDF và DOCX',
      rules: { ...current.rules, fileTypes: ['pdf', 'docx'] },
    });
    expect(added.status).toBe(201);
    const bad = await admin.post('/award-types/PM_CERTIFICATE/policies', {
      effectiveFrom: '2030-01-01',
      source: 'Thử nghiệm',
      rules: { ...current.rules, fileTypes: ['pdf', 'exe'] },
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    const id = await createNomination(officer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: PROVINCES.namdinh,
      nominee: {
        kind: 'individual',
        organizationId: orgId(PROVINCES.namdinh),
        fullName: 'Lê Văn Chính',
        gender: 'male',
        position: 'Trưởng phòng',
      },
    });
    const before = await documents();
    const res = await officer.upload(id, 'proposal', docFile(), 'To trinh.doc');
    expect([res.status, res.body.error.code, res.body.error.details]).toEqual([
      415,
      'DOCUMENT.TYPE_NOT_IN_POLICY',
      { type: 'doc', allowed: ['pdf', 'docx'] },
    ]);
    expect(res.body.error.message).toBe(
      'Chính sách của hình thức khen thưởng này không nhận tệp DOC; chỉ nhận: PDF, DOCX.',
    );
    expect(await documents()).toBe(before);
    expect((await officer.upload(id, 'proposal', pdf('ok'))).status).toBe(201);
  });

  it('names each missing field of an individual nominee, and keeps and shows the personal details', async () => {
    const before = Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM nominations`))[0].n);
    const missing = await officer.post('/nominations', {
      awardType: 'NATIONAL_EMULATION_FIGHTER',
      year: 2023,
      nominee: { kind: 'individual', organizationId: orgId(PROVINCES.namdinh), fullName: '  ' },
      summary: 'Thành tích',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(missing.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'nominee.fullName',
      'nominee.gender',
      'nominee.position',
    ]);
    const future = await officer.post('/nominations', {
      awardType: 'NATIONAL_EMULATION_FIGHTER',
      year: 2023,
      nominee: {
        kind: 'individual',
        organizationId: orgId(PROVINCES.namdinh),
        fullName: 'Phạm Thị Lan',
        gender: 'female',
        position: 'Giáo viên',
        birthDate: '2090-01-01',
        serviceYears: 71,
      },
      summary: 'Thành tích',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'nominee.serviceYears',
    ]);
    const notYetBorn = await officer.post('/nominations', {
      awardType: 'NATIONAL_EMULATION_FIGHTER',
      year: 2023,
      nominee: {
        kind: 'individual',
        organizationId: orgId(PROVINCES.namdinh),
        fullName: 'Phạm Thị Lan',
        gender: 'female',
        position: 'Giáo viên',
        birthDate: '2090-01-01',
      },
      summary: 'Thành tích',
    });
    expect(notYetBorn.body.error.details.fields).toEqual([
      { field: 'nominee.birthDate', problems: ['birthDate must be a past date (YYYY-MM-DD)'] },
    ]);
    expect(Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM nominations`))[0].n)).toBe(
      before,
    );

    const created = await officer.post('/nominations', {
      awardType: 'NATIONAL_EMULATION_FIGHTER',
      year: 2023,
      nominee: {
        kind: 'individual',
        organizationId: orgId(PROVINCES.namdinh),
        fullName: 'Phạm Thị Lan',
        gender: 'female',
        position: 'Giáo viên',
        birthDate: '1978-05-19',
        hometown: 'Xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định',
        ethnicity: 'Kinh',
        serviceYears: 24,
      },
      summary: 'Thành tích',
    });
    expect(created.status).toBe(201);
    expect(created.body.nominee.details).toEqual({
      birthDate: '1978-05-19',
      hometown: 'Xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định',
      ethnicity: 'Kinh',
      serviceYears: 24,
    });
    const read = await officer.get(`/nominations/${created.body.id}`);
    expect(read.body.nominee.details.birthDate).toBe('1978-05-19');
    // The register's person has the date of birth too.
    const [row] = await t.dataSource.query(`SELECT birth_date::text AS b FROM persons WHERE id = $1`, [
      created.body.nominee.personId,
    ]);
    expect(row.b).toBe('1978-05-19');
  });
});
