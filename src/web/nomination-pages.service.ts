import { Injectable } from '@nestjs/common';
import { findWorkflow, latestWorkflow, stateLabel, type Label } from '../../workflows';
import type { Principal } from '../auth/principal';
import { AwardsService } from '../awards/awards.service';
import { DOCUMENT_KINDS, type DocumentKind } from '../awards/document-kinds';
import { DocumentsService } from '../nominations/documents.service';
import { MACHINE_OF_ROUTE, NominationsService } from '../nominations/nominations.service';
import type { ListNominationsQuery } from '../nominations/nominations.dto';
import {
  NominationWorklistService,
  type SortDirection,
  type WorklistSort,
} from '../nominations/nomination-worklist.service';
import { OrganizationsService, type OrganizationView } from '../organizations/organizations.service';
import { StandingService } from '../organizations/standing.service';
import { diagramOf } from './state-diagram';

/** Every state of the nomination machines with its label, for the list's filter. */
function stateOptions(): { value: string; label: Label }[] {
  const seen = new Map<string, Label>();
  for (const id of ['nomination', 'provincialAward']) {
    const definition = latestWorkflow(id);
    if (!definition) continue;
    for (const key of Object.keys(definition.machine.root.states)) {
      if (!seen.has(key)) seen.set(key, stateLabel(definition, key));
    }
  }
  return [...seen.entries()].map(([value, label]) => ({ value, label }));
}

/** What the nomination pages show, gathered from the API's services (which enforce scope and access). */
@Injectable()
export class NominationPagesService {
  constructor(
    private readonly nominations: NominationsService,
    private readonly documents: DocumentsService,
    private readonly awards: AwardsService,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
    private readonly worklist: NominationWorklistService,
  ) {}

  async list(
    principal: Principal,
    query: ListNominationsQuery,
    order: { sort: WorklistSort; dir: SortDirection; page: number },
  ) {
    const [result, options] = await Promise.all([
      this.worklist.page(principal, query, order, order.page),
      this.filterOptions(),
    ]);
    return { ...result, options };
  }

  async filterOptions() {
    const [awards, clusters, provinces] = await Promise.all([
      this.awards.list(),
      this.organizations.list({ kind: 'cluster', includeEnded: true }),
      this.organizations.list({ kind: 'province', includeEnded: true }),
    ]);
    return { awards, clusters, provinces, states: stateOptions() };
  }

  async detail(principal: Principal, id: string) {
    const nomination = await this.nominations.get(principal, id);
    // A session's voter reads the candidate and its submitted dossier only, not its history.
    const { asVoter } = await this.nominations.visible(principal, id);
    const [documents, history, uploadable] = await Promise.all([
      this.documents.list(principal, id),
      asVoter ? null : this.nominations.history(principal, id),
      this.documents.uploadableKinds(principal, id),
    ]);
    const machine = MACHINE_OF_ROUTE[nomination.route];
    const definition = findWorkflow(machine, nomination.machineVersion) ?? latestWorkflow(machine)!;
    const eligibility = asVoter ? null : await this.nominations.eligibility(principal, id);
    return {
      nomination,
      documents,
      history,
      uploadable: uploadable.map((kind: DocumentKind) => ({ kind, label: DOCUMENT_KINDS[kind] })),
      diagram: diagramOf(definition),
      eligibility,
    };
  }

  /** The choices of the creation form: awards, the clusters the unit belongs to, the units it may nominate. */
  async createOptions(principal: Principal) {
    const standing = await this.standings.of(principal);
    const [awards, orgs] = await Promise.all([
      this.awards.list(),
      this.organizations.views([...standing.governedOrgIds, ...standing.memberships.map((m) => m.clusterId)]),
    ]);
    const clusterIds = [...new Set(standing.memberships.map((m) => m.clusterId))];
    return {
      awards,
      clusters: clusterIds.map((id) => orgs.get(id)).filter((o): o is OrganizationView => o !== undefined),
      nominees: standing.governedOrgIds
        .map((id) => orgs.get(id))
        .filter((o): o is OrganizationView => o !== undefined && o.active && o.kind !== 'cluster'),
      years: [...new Set(standing.memberships.map((m) => m.year))].sort((a, b) => b - a),
    };
  }
}
