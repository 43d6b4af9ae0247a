import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findWorkflow, stateLabel } from '../../workflows';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { dutiesOf } from '../nominations/nomination-subject';
import { NominationsService } from '../nominations/nominations.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService } from '../organizations/standing.service';

export interface SummaryFilter {
  year?: number;
  clusterId?: string;
  awardType?: string;
  nominatingOrganizationId?: string;
}

interface Counts {
  total: number;
  proposed: number;
  selected: number;
  forwarded: number;
  awarded: number;
  notSelected: number;
  withdrawn: number;
  rejected: { total: number; appraisal: number; council: number; primeMinister: number; chairman: number };
  inProgress: number;
  byState: Record<string, number>;
}

const emptyCounts = (): Counts => ({
  total: 0,
  proposed: 0,
  selected: 0,
  forwarded: 0,
  awarded: 0,
  notSelected: 0,
  withdrawn: 0,
  rejected: { total: 0, appraisal: 0, council: 0, primeMinister: 0, chairman: 0 },
  inProgress: 0,
  byState: {},
});

function add(into: Counts, from: Counts): void {
  for (const key of [
    'total',
    'proposed',
    'selected',
    'forwarded',
    'awarded',
    'notSelected',
    'withdrawn',
    'inProgress',
  ] as const) {
    into[key] += from[key];
  }
  for (const key of Object.keys(into.rejected) as (keyof Counts['rejected'])[])
    into.rejected[key] += from.rejected[key];
  for (const [state, n] of Object.entries(from.byState)) into.byState[state] = (into.byState[state] ?? 0) + n;
}

/** Percentile by nearest rank of sorted values (p in 0..1). */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const FINAL = ['awarded', 'rejected', 'withdrawn', 'notSelected'];

/**
 * What the Board and the Council follow, and what clusters and provinces follow of their own: counts per award
 * and cluster, time spent per stage in working days, and what is overdue. Every query is scoped like the list.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nominations: NominationsService,
    private readonly standings: StandingService,
    private readonly calendar: CalendarService,
    private readonly engine: WorkflowEngine,
    private readonly organizations: OrganizationsService,
  ) {}

  async summary(principal: Principal, filter: SummaryFilter) {
    const standing = await this.standings.of(principal);
    const qb = this.nominations
      .filtered(standing, filter)
      .select('n.award_type', 'award_type')
      .addSelect('n.cluster_id', 'cluster_id')
      .addSelect('n.state', 'state')
      .addSelect('n.rejected_stage', 'rejected_stage')
      .addSelect('count(*)::int', 'n')
      .addSelect('count(*) FILTER (WHERE n.submitted_at IS NOT NULL)::int', 'proposed')
      .addSelect(
        `count(*) FILTER (WHERE n.forwarded_at IS NOT NULL OR n.state = 'selected')::int`,
        'selected',
      )
      .addSelect('count(*) FILTER (WHERE n.forwarded_at IS NOT NULL)::int', 'forwarded')
      .groupBy('n.award_type')
      .addGroupBy('n.cluster_id')
      .addGroupBy('n.state')
      .addGroupBy('n.rejected_stage');
    const rows = (await qb.getRawMany()) as {
      award_type: string;
      cluster_id: string | null;
      state: string;
      rejected_stage: string | null;
      n: number;
      proposed: number;
      selected: number;
      forwarded: number;
    }[];
    const awards = new Map<string, { counts: Counts; clusters: Map<string, Counts> }>();
    for (const r of rows) {
      const c = emptyCounts();
      c.total = r.n;
      c.proposed = r.proposed;
      c.selected = r.selected;
      c.forwarded = r.forwarded;
      c.byState[r.state] = r.n;
      if (r.state === 'awarded') c.awarded = r.n;
      if (r.state === 'notSelected') c.notSelected = r.n;
      if (r.state === 'withdrawn') c.withdrawn = r.n;
      if (r.state === 'rejected') {
        c.rejected.total = r.n;
        const stage = r.rejected_stage as keyof Counts['rejected'] | null;
        if (stage && stage in c.rejected) c.rejected[stage] += r.n;
      }
      if (!FINAL.includes(r.state)) c.inProgress = r.n;
      const award = awards.get(r.award_type) ?? {
        counts: emptyCounts(),
        clusters: new Map<string, Counts>(),
      };
      add(award.counts, c);
      const key = r.cluster_id ?? '';
      const cluster = award.clusters.get(key) ?? emptyCounts();
      add(cluster, c);
      award.clusters.set(key, cluster);
      awards.set(r.award_type, award);
    }
    const names = (await this.dataSource.query(
      `SELECT code, name_vi, name_en FROM award_types ORDER BY sort_order`,
    )) as {
      code: string;
      name_vi: string;
      name_en: string;
    }[];
    const orgs = await this.organizations.views(
      [...awards.values()].flatMap((a) => [...a.clusters.keys()].filter(Boolean)),
    );
    const totals = emptyCounts();
    for (const a of awards.values()) add(totals, a.counts);
    return {
      filter,
      totals,
      awards: names
        .filter((n) => awards.has(n.code))
        .map((n) => {
          const award = awards.get(n.code)!;
          return {
            awardType: n.code,
            nameVi: n.name_vi,
            nameEn: n.name_en,
            ...award.counts,
            clusters: [...award.clusters.entries()].map(([id, counts]) => ({
              clusterId: id || null,
              nameVi: id ? (orgs.get(id)?.nameVi ?? id) : null,
              nameEn: id ? (orgs.get(id)?.nameEn ?? id) : null,
              ...counts,
            })),
          };
        }),
    };
  }

  /**
   * Time spent in each stage, in working days, from the history: a stage starts when a transition enters the
   * state and ends at the next transition that changes it (reminders and attachments do not).
   */
  async stageDurations(principal: Principal, filter: { year?: number; awardType?: string }, slowest = 5) {
    const standing = await this.standings.of(principal);
    const scoped = this.nominations.filtered(standing, filter).select('n.id');
    const [scopeSql, scopeParams] = scoped.getQueryAndParameters();
    const rows = (await this.dataSource.query(
      `WITH scoped AS (${scopeSql}),
            changes AS (
              SELECT h.instance_id, h.to_state AS stage, h.created_at AS entered,
                     lead(h.created_at) OVER (PARTITION BY h.instance_id ORDER BY h.seq) AS left_at
                FROM workflow_history h
               WHERE h.instance_id IN (SELECT n_id FROM scoped) AND h.from_state IS DISTINCT FROM h.to_state)
       SELECT c.instance_id, c.stage, c.entered, c.left_at, n.nominee_name, n.dossier_number, n.award_type, n.year
         FROM changes c JOIN nominations n ON n.id = c.instance_id`,
      scopeParams,
    )) as {
      instance_id: string;
      stage: string;
      entered: Date;
      left_at: Date | null;
      nominee_name: string;
      dossier_number: string;
      award_type: string;
      year: number;
    }[];
    const now = new Date();
    const stages = new Map<
      string,
      {
        done: number[];
        items: {
          id: string;
          dossierNumber: string;
          nominee: string;
          workingDays: number;
          ongoing: boolean;
        }[];
      }
    >();
    for (const r of rows) {
      if (FINAL.includes(r.stage)) continue;
      const days = await this.calendar.workingDaysBetween(r.entered, r.left_at ?? now);
      const entry = stages.get(r.stage) ?? { done: [], items: [] };
      if (r.left_at) entry.done.push(days);
      entry.items.push({
        id: r.instance_id,
        dossierNumber: r.dossier_number,
        nominee: r.nominee_name,
        workingDays: days,
        ongoing: !r.left_at,
      });
      stages.set(r.stage, entry);
    }
    const definition = findWorkflow('nomination', 1)!;
    return {
      filter,
      unit: 'workingDays',
      stages: [...stages.entries()].map(([stage, s]) => {
        const sorted = [...s.done].sort((a, b) => a - b);
        return {
          stage,
          label: stateLabel(definition, stage),
          completed: sorted.length,
          ongoing: s.items.filter((i) => i.ongoing).length,
          median: percentile(sorted, 0.5),
          p90: percentile(sorted, 0.9),
          slowest: [...s.items].sort((a, b) => b.workingDays - a.workingDays).slice(0, slowest),
        };
      }),
    };
  }

  /** What is past its limit, where it stands and who must act. */
  async overdue(principal: Principal, filter: { year?: number; awardType?: string; clusterId?: string }) {
    const standing = await this.standings.of(principal);
    const rows = await this.nominations
      .filtered(standing, filter)
      .andWhere('(n.overdue OR (n.due_at IS NOT NULL AND n.due_at < now()))')
      .orderBy('n.due_at', 'ASC', 'NULLS LAST')
      .limit(500)
      .getMany();
    const instances = await this.engine.readMany(rows.map((n) => n.id));
    const orgs = await this.organizations.views(
      rows.flatMap((n) => [n.nominatingOrgId, ...(n.clusterId ? [n.clusterId] : [])]),
    );
    const now = new Date();
    const items = [];
    for (const n of rows) {
      const instance = instances.get(n.id)!.instance;
      const duties = dutiesOf(n.route, this.engine.allowedEventsOf(instance));
      items.push({
        id: n.id,
        dossierNumber: n.dossierNumber,
        nominee: n.nomineeName,
        awardType: n.awardType,
        year: n.year,
        state: instance.state,
        stateLabel: instance.label,
        dueAt: n.dueAt ? new Date(n.dueAt).toISOString() : null,
        overdueWorkingDays: n.dueAt ? await this.calendar.workingDaysBetween(n.dueAt, now) : null,
        nominatingOrganization: orgs.get(n.nominatingOrgId)?.nameVi ?? null,
        cluster: n.clusterId ? (orgs.get(n.clusterId)?.nameVi ?? null) : null,
        mustAct: duties.map((d) => d.role ?? d.audience),
      });
    }
    return { count: items.length, items };
  }
}
