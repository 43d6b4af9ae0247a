import { Injectable } from '@nestjs/common';
import { latestWorkflow, stateLabel, type Label } from '../../workflows';
import type { Principal } from '../auth/principal';
import { NominationsService, type NominationView } from '../nominations/nominations.service';
import { ReportsService } from '../reports/reports.service';

export interface DashboardRow {
  cluster: { id: string; nameVi: string; nameEn: string } | null;
  award: { code: string; nameVi: string; nameEn: string };
  counts: Record<string, number>;
  total: number;
}

export interface DashboardData {
  year: number | null;
  rows: DashboardRow[];
  states: { key: string; label: Label }[];
  overdue: NominationView[];
  /** True when more nominations exist than the source looked at (the figures are then a lower bound). */
  truncated: boolean;
  /** Time per stage in working days, when the source can compute it. */
  stages: { label: Label; completed: number; median: number | null; p90: number | null }[];
}

/** Where the Board's and Council's dashboard reads its figures (`ReportsDashboardSource`, from the reports module). */
export interface DashboardSource {
  load(principal: Principal, year?: number): Promise<DashboardData>;
}

export const DASHBOARD_SOURCE = Symbol('DASHBOARD_SOURCE');

const OVERDUE_SHOWN = 100;

/** The dashboard from the reports: grouped counts, stage times and the overdue list, all scoped like the list. */
@Injectable()
export class ReportsDashboardSource implements DashboardSource {
  constructor(
    private readonly reports: ReportsService,
    private readonly nominations: NominationsService,
  ) {}

  async load(principal: Principal, year?: number): Promise<DashboardData> {
    const [summary, durations, overdue] = await Promise.all([
      this.reports.summary(principal, { year }),
      this.reports.stageDurations(principal, { year }),
      this.nominations.list(principal, { year, overdue: true, limit: OVERDUE_SHOWN }),
    ]);
    const rows: DashboardRow[] = summary.awards.flatMap((a) =>
      a.clusters.map((c) => ({
        cluster: c.clusterId ? { id: c.clusterId, nameVi: c.nameVi ?? '', nameEn: c.nameEn ?? '' } : null,
        award: { code: a.awardType, nameVi: a.nameVi, nameEn: a.nameEn },
        counts: c.byState,
        total: c.total,
      })),
    );
    const seen = new Set(rows.flatMap((r) => Object.keys(r.counts)));
    const machine = latestWorkflow('nomination')!;
    const provincial = latestWorkflow('provincialAward')!;
    const states = [
      ...new Set([
        ...Object.keys(machine.machine.root.states),
        ...Object.keys(provincial.machine.root.states),
      ]),
    ]
      .filter((key) => seen.has(key))
      .map((key) => ({
        key,
        label: key in machine.machine.root.states ? stateLabel(machine, key) : stateLabel(provincial, key),
      }));
    return {
      year: year ?? null,
      rows: rows.sort(
        (a, b) =>
          (a.cluster?.nameVi ?? '~').localeCompare(b.cluster?.nameVi ?? '~', 'vi') ||
          a.award.code.localeCompare(b.award.code),
      ),
      states,
      overdue: overdue.items,
      truncated: false,
      stages: durations.stages.map((s) => ({
        label: s.label,
        completed: s.completed,
        median: s.median,
        p90: s.p90,
      })),
    };
  }
}
