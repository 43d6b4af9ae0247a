import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { StandingService } from '../organizations/standing.service';
import type { ListNominationsQuery } from './nominations.dto';
import { NominationsService, type NominationView } from './nominations.service';

/** The columns a work list sorts by, and the nominations' columns behind them. */
export const WORKLIST_SORTS = {
  submitted: 'n.submittedAt',
  due: 'n.dueAt',
  number: 'n.dossierNumber',
  name: 'n.nomineeName',
} as const;
export type WorklistSort = keyof typeof WORKLIST_SORTS;
export type SortDirection = 'asc' | 'desc';

export const WORKLIST_PAGE_SIZE = 20;
/** The last page a work list reads (10,000 nominations): filters narrow it further. */
export const WORKLIST_MAX_PAGE = 500;

export interface Worklist {
  items: NominationView[];
  total: number;
  page: number;
  pages: number;
}

/**
 * A list of nominations as a task inbox: sorted by a column in either direction, with the total and numbered
 * pages. Scope and filters are the API list's (`NominationsService.filtered`).
 */
@Injectable()
export class NominationWorklistService {
  constructor(
    private readonly nominations: NominationsService,
    private readonly standings: StandingService,
    private readonly engine: WorkflowEngine,
  ) {}

  async page(
    principal: Principal,
    query: Omit<ListNominationsQuery, 'cursor' | 'limit'>,
    order: { sort: WorklistSort; dir: SortDirection },
    page: number,
    size = WORKLIST_PAGE_SIZE,
  ): Promise<Worklist> {
    const standing = await this.standings.of(principal);
    const qb = this.nominations.filtered(standing, query);
    const total = await qb.clone().getCount();
    const direction = order.dir === 'asc' ? 'ASC' : 'DESC';
    const rows = await qb
      .orderBy(WORKLIST_SORTS[order.sort], direction, 'NULLS LAST')
      .addOrderBy('n.dossierNumber', direction)
      .addOrderBy('n.id', 'ASC')
      .offset((page - 1) * size)
      .limit(size)
      .getMany();
    const instances = await this.engine.readMany(rows.map((n) => n.id));
    const items = await this.nominations.views(
      rows.map((n) => ({ n, instance: instances.get(n.id)!.instance })),
      standing,
    );
    return { items, total, page, pages: Math.max(1, Math.ceil(total / size)) };
  }
}
