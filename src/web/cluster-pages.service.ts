import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { ClustersService } from '../clusters/clusters.service';
import { mapError } from '../common/http-exception.filter';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService } from '../organizations/standing.service';
import { VotingService } from '../voting/voting.service';

/** A part of the page that does not exist yet (no agreement, no results): shown as missing, not as an error. */
async function orNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (mapError(error).status === 404) return null;
    throw error;
  }
}

/** The cluster's year as its members, its leadership and the centre see it (ClustersService checks who may). */
@Injectable()
export class ClusterPagesService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
    private readonly voting: VotingService,
  ) {}

  /** The cluster-years the user belongs to or leads, newest first (the cluster menu opens the first). */
  async mine(principal: Principal) {
    const standing = await this.standings.of(principal);
    const years = [...standing.memberships, ...standing.ledClusterYears].sort((a, b) => b.year - a.year);
    const clusters = await this.organizations.list({ kind: 'cluster', includeEnded: true });
    return { latest: years[0] ?? null, clusters };
  }

  /**
   * The cluster-year page. Whether the user may see the cluster-year at all is decided first (its members and
   * their successors, the centre; anyone else gets the not-found page); only then are its parts that may not
   * exist yet (no agreement, no results) shown as missing.
   */
  async year(principal: Principal, clusterId: string, year: number) {
    const standing = await this.standings.of(principal);
    const composition = await this.organizations.clusterYearFor(standing, clusterId, year);
    const agreement = await orNull(this.clusters.getAgreement(principal, clusterId, year));
    const [evaluations, ranking, sessions] = await Promise.all([
      agreement ? orNull(this.clusters.evaluations(principal, clusterId, year)) : null,
      agreement ? orNull(this.clusters.ranking(principal, clusterId, year)) : null,
      this.voting.list(principal, { clusterId, year }),
    ]);
    const memberOrg = standing.orgIds.find((o) => composition.members.some((m) => m.id === o)) ?? null;
    const leadsYear = (y: number) =>
      principal.role === 'CLUSTER_LEADER' &&
      standing.ledClusterYears.some((l) => l.clusterId === clusterId && l.year === y);
    const installed = composition.leader !== null || composition.deputies.length > 0;
    return {
      composition,
      agreement,
      evaluations: evaluations ?? [],
      ranking,
      sessions,
      memberOrg,
      leads: leadsYear(year),
      // The outgoing leadership acts for the year only until the year's own leadership is installed.
      ledBefore: leadsYear(year - 1) && !installed,
    };
  }
}
