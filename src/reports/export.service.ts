import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { WORKFLOWS } from '../../workflows';
import type { Principal } from '../auth/principal';
import type { ListNominationsQuery } from '../nominations/nominations.dto';
import { NominationsService } from '../nominations/nominations.service';
import { StandingService } from '../organizations/standing.service';

const PAGE = 1000;

export const EXPORT_COLUMNS = [
  { header: 'Mã hồ sơ', key: 'id', width: 38 },
  { header: 'Năm', key: 'year', width: 7 },
  { header: 'Hình thức khen thưởng', key: 'award', width: 34 },
  { header: 'Cụm, khối thi đua', key: 'cluster', width: 34 },
  { header: 'Đơn vị đề nghị', key: 'nominating', width: 22 },
  { header: 'Đối tượng', key: 'nominee', width: 30 },
  { header: 'Loại', key: 'kind', width: 10 },
  { header: 'Trạng thái', key: 'state', width: 28 },
  { header: 'Hạn xử lý', key: 'dueAt', width: 20 },
  { header: 'Quá hạn', key: 'overdue', width: 9 },
  { header: 'Số phiếu', key: 'approvals', width: 9 },
  { header: 'Số quyết định', key: 'decisionNumber', width: 16 },
  { header: 'Ngày quyết định', key: 'decisionDate', width: 14 },
  { header: 'Ngày gửi', key: 'submittedAt', width: 20 },
  { header: 'Cập nhật', key: 'updatedAt', width: 20 },
] as const;

/**
 * The nomination list as an XLSX workbook, written as a stream: rows are read a page at a time (keyset) and
 * flushed as they are written, so a large export never sits in memory.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly nominations: NominationsService,
    private readonly standings: StandingService,
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
    const sheet = workbook.addWorksheet('Hồ sơ đề nghị');
    sheet.columns = EXPORT_COLUMNS.map((c) => ({ ...c }));
    sheet.getRow(1).font = { bold: true };
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
            'n.year AS year',
            't.name_vi AS award',
            'c.name_vi AS cluster',
            'o.name_vi AS nominating',
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
        for (const r of rows) {
          sheet
            .addRow({
              id: r.id,
              year: r.year,
              award: r.award,
              cluster: r.cluster ?? '',
              nominating: r.nominating,
              nominee: r.nominee,
              kind: r.kind === 'collective' ? 'Tập thể' : 'Cá nhân',
              state: labels.get(String(r.state)) ?? r.state,
              dueAt: r.due_at ? new Date(r.due_at as Date).toISOString() : '',
              overdue: r.overdue ? 'Có' : '',
              approvals: r.approvals ?? '',
              decisionNumber: r.decision_number ?? '',
              decisionDate: r.decision_date ?? '',
              submittedAt: r.submitted_at ? new Date(r.submitted_at as Date).toISOString() : '',
              updatedAt: new Date(r.updated_at as Date).toISOString(),
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
