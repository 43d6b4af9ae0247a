import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { StandingService } from '../organizations/standing.service';
import { isDate, PersonsService } from './persons.service';
import { RegisterErrors } from './register.errors';
import { inScope, mayWriteRegister, registerScope } from './register-scope';
import { RegisterService, type NewEntry } from './register.service';
import type { EntryCategory } from './register-entry.entity';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 5000;
const SHEET = 'So khen thuong';

/** The template's columns, in order: the header a person reads, and the field it fills. */
export const IMPORT_COLUMNS = [
  ['Đối tượng (cá nhân / tập thể)', 'subject'],
  ['Mã đơn vị', 'orgCode'],
  ['Họ và tên (cá nhân)', 'fullName'],
  ['Giới tính (nam / nữ)', 'gender'],
  ['Ngày sinh (YYYY-MM-DD)', 'birthDate'],
  ['Chức vụ', 'position'],
  ['Mã danh hiệu, hình thức, xếp loại', 'code'],
  ['Năm thành tích', 'year'],
  ['Cơ quan quyết định', 'decidingBody'],
  ['Số quyết định', 'decisionNumber'],
  ['Ngày quyết định (YYYY-MM-DD)', 'decisionDate'],
] as const;

type Field = (typeof IMPORT_COLUMNS)[number][1];
type Row = Record<Field, string>;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

/** Imports the register of the years before thidua from the XLSX template: every row valid, or nothing. */
@Injectable()
export class RegisterImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly standings: StandingService,
    private readonly persons: PersonsService,
    private readonly register: RegisterService,
    private readonly audit: AuditService,
  ) {}

  /** The template: the register sheet with its headers, and the codes and units it accepts. */
  async template(principal: Principal): Promise<Buffer> {
    const scope = registerScope(await this.standings.of(principal));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(SHEET);
    sheet.addRow(IMPORT_COLUMNS.map(([header]) => header)).font = { bold: true };
    sheet.columns.forEach((c) => (c.width = 24));
    sheet.addRow([
      'cá nhân',
      'PROVINCE-36',
      'Nguyễn Văn A',
      'nam',
      '1980-05-01',
      'Trưởng phòng',
      'GRASSROOTS_EMULATION_FIGHTER',
      2022,
      'Giám đốc Sở Nội vụ',
      '123/QĐ-SNV',
      '2023-01-15',
    ]).font = { italic: true, color: { argb: 'FF808080' } };
    const codes = workbook.addWorksheet('Danh muc');
    codes.addRow(['Mã', 'Tên', 'Loại', 'Đối tượng']).font = { bold: true };
    for (const t of await this.register.titles())
      codes.addRow([t.code, t.nameVi, t.category, t.nomineeKinds.join(', ')]);
    codes.columns.forEach((c) => (c.width = 40));
    const units = workbook.addWorksheet('Don vi');
    units.addRow(['Mã đơn vị', 'Tên đơn vị']).font = { bold: true };
    const orgs = (await this.dataSource.query(
      `SELECT code, name_vi FROM organizations WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[]) ORDER BY code`,
      [scope],
    )) as { code: string; name_vi: string }[];
    for (const o of orgs) units.addRow([o.code, o.name_vi]);
    units.columns.forEach((c) => (c.width = 40));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private async read(content: Buffer): Promise<{ row: number; values: Row }[]> {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      throw RegisterErrors.importUnreadable('not an XLSX workbook');
    }
    const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets[0];
    if (!sheet) throw RegisterErrors.importUnreadable('the workbook has no sheet');
    const header = IMPORT_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value));
    if (header[6] !== IMPORT_COLUMNS[6][0] || header[9] !== IMPORT_COLUMNS[9][0])
      throw RegisterErrors.importUnreadable('the first row is not the template header');
    const rows: { row: number; values: Row }[] = [];
    sheet.eachRow((r, number) => {
      if (number === 1) return;
      const values = Object.fromEntries(
        IMPORT_COLUMNS.map(([, field], i) => [field, cellText(r.getCell(i + 1).value)]),
      ) as Row;
      if (Object.values(values).every((v) => v === '')) return;
      rows.push({ row: number, values });
    });
    if (rows.length > MAX_ROWS) throw RegisterErrors.importUnreadable(`more than ${MAX_ROWS} rows`);
    return rows;
  }

  /**
   * Validates every row (each with its own problems); if any row is wrong nothing is written. Otherwise, in one
   * transaction, the persons are found or created and the entries inserted; a row already in the register (same
   * subject, code, year and decision number) is left as it is, so importing the same file again changes nothing.
   */
  async import(principal: Principal, content: Buffer) {
    const standing = await this.standings.of(principal);
    if (!mayWriteRegister(standing)) throw RegisterErrors.forbidden('import the register');
    const scope = registerScope(standing);
    const rows = await this.read(content);
    if (rows.length === 0) throw RegisterErrors.importUnreadable('no rows under the header');
    const titles = new Map((await this.register.titles()).map((t) => [t.code, t]));
    const orgs = new Map(
      (
        (await this.dataSource.query(`SELECT id, code FROM organizations WHERE code = ANY($1::text[])`, [
          [...new Set(rows.map((r) => r.values.orgCode))],
        ])) as { id: string; code: string }[]
      ).map((o) => [o.code, o.id]),
    );
    const thisYear = new Date().getUTCFullYear();
    const problems: { row: number; problems: string[] }[] = [];
    const entries: {
      row: number;
      person: Parameters<PersonsService['resolve']>[1] | null;
      entry: Omit<NewEntry, 'personId'>;
    }[] = [];
    for (const { row, values: v } of rows) {
      const p: string[] = [];
      const subject = v.subject.toLowerCase();
      const kind = ['cá nhân', 'ca nhan', 'individual'].includes(subject)
        ? 'individual'
        : ['tập thể', 'tap the', 'collective'].includes(subject)
          ? 'collective'
          : null;
      if (!kind) p.push('Đối tượng phải là "cá nhân" hoặc "tập thể"');
      const orgId = orgs.get(v.orgCode);
      if (!orgId) p.push(`Không có đơn vị mã "${v.orgCode}"`);
      else if (!inScope(scope, orgId)) p.push(`Đơn vị "${v.orgCode}" không thuộc phạm vi của bạn`);
      const title = titles.get(v.code);
      if (!title) p.push(`Không có danh hiệu, hình thức hay xếp loại mã "${v.code}"`);
      else if (kind && !title.nomineeKinds.includes(kind))
        p.push(`"${v.code}" không dành cho ${kind === 'individual' ? 'cá nhân' : 'tập thể'}`);
      const year = Number(v.year);
      if (!/^\d{4}$/.test(v.year) || year < 1945 || year > thisYear)
        p.push(`Năm thành tích "${v.year}" không hợp lệ`);
      if (!v.decidingBody || v.decidingBody.length > 200)
        p.push('Thiếu cơ quan quyết định (tối đa 200 ký tự)');
      if (!v.decisionNumber || v.decisionNumber.length > 60) p.push('Thiếu số quyết định (tối đa 60 ký tự)');
      if (!isDate(v.decisionDate)) p.push(`Ngày quyết định "${v.decisionDate}" không hợp lệ (YYYY-MM-DD)`);
      else if (/^\d{4}$/.test(v.year) && Number(v.decisionDate.slice(0, 4)) < year)
        p.push('Ngày quyết định trước năm thành tích');
      let gender: 'female' | 'male' | null = null;
      if (kind === 'individual') {
        if (!v.fullName || v.fullName.length > 200) p.push('Thiếu họ và tên (tối đa 200 ký tự)');
        const g = v.gender.toLowerCase();
        gender = ['nữ', 'nu', 'female'].includes(g) ? 'female' : ['nam', 'male'].includes(g) ? 'male' : null;
        if (v.gender && !gender) p.push('Giới tính phải là "nam" hoặc "nữ"');
        if (v.birthDate && !isDate(v.birthDate))
          p.push(`Ngày sinh "${v.birthDate}" không hợp lệ (YYYY-MM-DD)`);
        if (v.position.length > 200) p.push('Chức vụ quá dài (tối đa 200 ký tự)');
      } else if (kind === 'collective' && (v.fullName || v.birthDate)) {
        p.push('Họ tên và ngày sinh chỉ dành cho cá nhân');
      }
      if (p.length > 0) {
        problems.push({ row, problems: p });
        continue;
      }
      entries.push({
        row,
        person:
          kind === 'individual'
            ? {
                fullName: v.fullName,
                gender,
                birthDate: v.birthDate || null,
                organizationId: orgId!,
                position: v.position || null,
              }
            : null,
        entry: {
          subjectKind: kind!,
          organizationId: orgId!,
          category: title!.category as EntryCategory,
          code: v.code,
          year,
          decidingBody: v.decidingBody,
          decisionNumber: v.decisionNumber,
          decisionDate: v.decisionDate,
          source: 'import',
          createdBy: principal.userId,
        },
      });
    }
    if (problems.length > 0) throw RegisterErrors.importInvalid(problems);
    return this.dataSource.transaction(async (tx) => {
      // One import at a time: two uploads of the same file must not both create the same person.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('register-import'))`);
      let created = 0;
      const personIds = new Set<string>();
      for (const { person, entry } of entries) {
        const personId = person ? await this.persons.resolve(tx, person, principal.userId) : null;
        if (personId) personIds.add(personId);
        if (await this.register.insert(tx, { ...entry, personId })) created++;
      }
      const duplicates = (await tx.query(
        `SELECT p.id, p.full_name AS "fullName", q.id AS "otherId" FROM persons p JOIN persons q
            ON q.name_key = p.name_key AND q.id <> p.id AND q.merged_into_id IS NULL
           AND (q.birth_date IS NULL OR p.birth_date IS NULL OR q.birth_date = p.birth_date)
          WHERE p.id = ANY($1::uuid[]) AND p.merged_into_id IS NULL ORDER BY p.id, q.id`,
        [[...personIds]],
      )) as { id: string; fullName: string; otherId: string }[];
      if (created > 0)
        await this.audit.record(tx, {
          actor: principal,
          action: 'register.import',
          targetType: 'register',
          after: { rows: entries.length, created, unchanged: entries.length - created },
        });
      return {
        rows: entries.length,
        created,
        unchanged: entries.length - created,
        possibleDuplicates: duplicates,
      };
    });
  }
}
