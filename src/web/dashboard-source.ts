import { Injectable } from '@nestjs/common';
import { latestWorkflow, stateLabel, type Label } from '../../workflows';
import type { Principal } from '../auth/principal';
import { NominationsService, type NominationView } from '../nominations/nominations.service';

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
}

/**
 * SEAM for the reports module: the Board's and Council's dashboard reads its figures through this interface.
 * `ReportsService` (src/reports/, being written on the main branch) will provide the summary by cluster, award and
 * state with SQL aggregates; until it lands, `NominationListDashboardSource` builds the same figures from
 * `NominationsService.list`. Swap the provider of DASHBOARD_SOURCE in web.module.ts when it is there.
 */
export interface DashboardSource {
  load(principal: Principal, year?: number): Promise<DashboardData>;
}

export const DASHBOARD_SOURCE = Symbol('DASHBOARD_SOURCE');

const PAGE = 100;
const MAX_NOMINATIONS = 5000;

/** The interim source: pages through the nominations the caller may see and counts them. */
@Injectable()
export class NominationListDashboardSource implements DashboardSource {
  constructor(private readonly nominations: NominationsService) {}

  async load(principal: Principal, year?: number): Promise<DashboardData> {
    const rows = new Map<string, DashboardRow>();
    const seenStates = new Set<string>();
    let cursor: string | undefined;
    let scanned = 0;
    let truncated = false;
    for (;;) {
      const page = await this.nominations.list(principal, { year, limit: PAGE, cursor });
      for (const n of page.items) {
        const key = `${n.clusterId ?? '-'}|${n.awardType.code}`;
        const row = rows.get(key) ?? { cluster: n.cluster, award: n.awardType, counts: {}, total: 0 };
        row.counts[n.state] = (row.counts[n.state] ?? 0) + 1;
        row.total++;
        rows.set(key, row);
        seenStates.add(n.state);
      }
      scanned += page.items.length;
      if (!page.nextCursor) break;
      if (scanned >= MAX_NOMINATIONS) {
        truncated = true;
        break;
      }
      cursor = page.nextCursor;
    }
    const overdue = await this.nominations.list(principal, { year, overdue: true, limit: PAGE });
    const machine = latestWorkflow('nomination')!;
    const provincial = latestWorkflow('provincialAward')!;
    const order = [
      ...Object.keys(machine.machine.root.states),
      ...Object.keys(provincial.machine.root.states),
    ];
    const states = [...new Set(order)]
      .filter((key) => seenStates.has(key))
      .map((key) => ({
        key,
        label: key in machine.machine.root.states ? stateLabel(machine, key) : stateLabel(provincial, key),
      }));
    return {
      year: year ?? null,
      rows: [...rows.values()].sort(
        (a, b) =>
          (a.cluster?.nameVi ?? '~').localeCompare(b.cluster?.nameVi ?? '~', 'vi') ||
          a.award.code.localeCompare(b.award.code),
      ),
      states,
      overdue: overdue.items,
      truncated,
    };
  }
}
