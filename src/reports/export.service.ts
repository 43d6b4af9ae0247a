import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { WORKFLOWS } from '../../workflows';
import type { Principal } from '../auth/principal';
import type { ListNominationsQuery } from '../nominations/nominations.dto';
import { NominationsService } from '../nominations/nominations.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService } from '../organizations/standing.service';

const PAGE = 1000;

const DATE_TIME = 'dd/mm/yyyy hh:mm';
const DATE = 'dd/mm/yyyy';

export const EXPORT_COLUMNS = [
  { header: 'STT', key: 'row', width: 6 },
  { header: 'Số hồ sơ', key: 'dossierNumber', width: 17 },
  { header: 'Năm', key: 'year', width: 7 },
  { header: 'Hình thức khen thưởng', key: 'award', width: 34 },
  { header: 'Cụm, khối thi đua', key: 'cluster', width: 34 },
  { header: 'Đơn vị đề nghị', key: 'nominating', width: 22 },
  { header: 'Đơn vị kế thừa (sau sắp xếp)', key: 'successor', width: 22 },
  { header: 'Đối tượng', key: 'nominee', width: 30 },
  { header: 'Loại', key: 'kind', width: 10 },
  { header: 'Trạng thái', key: 'state', width: 28 },
  { header: 'Hạn xử lý', key: 'dueAt', width: 17, style: { numFmt: DATE_TIME } },
  { header: 'Quá hạn', key: 'overdue', width: 9 },
  { header: 'Số phiếu', key: 'approvals', width: 9 },
  { header: 'Số quyết định', key: 'decisionNumber', width: 16 },
  { header: 'Ngày quyết định', key: 'decisionDate', width: 15, style: { numFmt: DATE } },
  { header: 'Ngày gửi', key: 'submittedAt', width: 17, style: { numFmt: DATE_TIME } },
  { header: 'Cập nhật', key: 'updatedAt', width: 17, style: { numFmt: DATE_TIME } },
] as const;

/** Spreadsheet date cells have no time zone: an instant is written as the wall-clock time in Vietnam. */
const vietnamCell = (at: Date | string | null) =>
  at === null ? null : new Date(new Date(at).getTime() + 7 * 3600_000);
/** A date (YYYY-MM-DD) as a date cell. */
const dateCell = (day: unknown) =>
  typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;

/** `A1:Q1` for the header row of the columns. */
const headerRange = `A1:${String.fromCharCode(64 + EXPORT_COLUMNS.length)}1`;

/**
 * The nomination list as an XLSX workbook, written as a stream: rows are read a page at a time (keyset) and
 * flushed as they are written, so a large export never sits in memory.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly nominations: NominationsService,
    private readonly standings: StandingService,
    private readonly organizations: OrganizationsService,
  ) {}

  async nominationsXlsx(
    principal: Principal,
    query: Omit<ListNominationsQuery, 'cursor' | 'limit'>,
  ): Promise<PassThrough> {
    const standing = await this.standings.of(principal);
    const labels = await this.stateLabels();
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    // The header stays in view and carries the filters.
    const sheet = workbook.addWorksheet('Hồ sơ đề nghị', {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    });
    sheet.autoFilter = headerRange;
    sheet.columns = EXPORT_COLUMNS.map((c) => ({ ...c }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } };
    let count = 0;
    const write = async () => {
      let after: { at: Date; id: string } | null = null;
      for (;;) {
        const qb = this.nominations
          .filtered(standing, query)
          .leftJoin('award_types', 't', 't.code = n.award_type')
          .leftJoin('organizations', 'c', 'c.id = n.cluster_id')
          .leftJoin('organizations', 'o', 'o.id = n.nominating_org_id')
          .leftJoin('workflow_instances', 'w', 'w.id = n.id')
          .select([
            'n.id AS id',
            'n.dossier_number AS dossier_number',
            'n.year AS year',
            't.name_vi AS award',
            'c.name_vi AS cluster',
            'o.name_vi AS nominating',
            'o.id AS nominating_id',
            'n.nominee_name AS nominee',
            'n.nominee_kind AS kind',
            'n.state AS state',
            'n.due_at AS due_at',
            'n.overdue AS overdue',
            `(w.snapshot->'context'->'vote'->>'approvals')::int AS approvals`,
            `w.snapshot->'context'->'decision'->>'decisionNumber' AS decision_number`,
            `w.snapshot->'context'->'decision'->>'decisionDate' AS decision_date`,
            'n.submitted_at AS submitted_at',
            'n.updated_at AS updated_at',
            'n.created_at AS created_at',
          ])
          .orderBy('n.created_at', 'DESC')
          .addOrderBy('n.id', 'DESC')
          .limit(PAGE);
        if (after)
          qb.andWhere('(n.created_at, n.id) < (:afterAt, :afterId)', {
            afterAt: after.at,
            afterId: after.id,
          });
        const rows = (await qb.getRawMany()) as Record<string, unknown>[];
        // A unit ended by a merger: the unit that continues its work now, the end of the successor chain.
        const heirs = await this.organizations.heirs(rows.map((r) => String(r.nominating_id)));
        for (const r of rows) {
          sheet
            .addRow({
              row: ++count,
              dossierNumber: r.dossier_number,
              year: r.year,
              award: r.award,
              cluster: r.cluster ?? '',
              nominating: r.nominating,
              successor: heirs.get(String(r.nominating_id))?.nameVi ?? '',
              nominee: r.nominee,
              kind: r.kind === 'collective' ? 'Tập thể' : 'Cá nhân',
              state: labels.get(String(r.state)) ?? r.state,
              dueAt: vietnamCell(r.due_at as Date | null),
              overdue: r.overdue ? 'Có' : '',
              approvals: r.approvals ?? '',
              decisionNumber: r.decision_number ?? '',
              decisionDate: dateCell(r.decision_date),
              submittedAt: vietnamCell(r.submitted_at as Date | null),
              updatedAt: vietnamCell(r.updated_at as Date),
            })
            .commit();
        }
        if (rows.length < PAGE) break;
        const last = rows[rows.length - 1];
        after = { at: last.created_at as Date, id: String(last.id) };
      }
      sheet.commit();
      await workbook.commit();
    };
    write().catch((error: Error) => out.destroy(error));
    return out;
  }

  private async stateLabels(): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    for (const w of WORKFLOWS) {
      for (const [key, node] of Object.entries(w.machine.root.states) as [string, { meta?: unknown }][]) {
        const label = (node.meta as { label?: { vi: string } } | undefined)?.label;
        if (label && !labels.has(key)) labels.set(key, label.vi);
      }
    }
    return labels;
  }
}
