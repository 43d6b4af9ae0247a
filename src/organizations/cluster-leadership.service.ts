import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/errors';
import { OrganizationsService, type ClusterYearView } from './organizations.service';

/**
 * Leadership rotates every year and is elected at the year-end conference, run by the outgoing leadership: the
 * admin, or the leader or a deputy of the year before (or of that year), may install it.
 */
@Injectable()
export class ClusterLeadershipService {
  constructor(private readonly organizations: OrganizationsService) {}

  async install(
    user: Principal,
    clusterId: string,
    year: number,
    leaderId: string,
    deputyIds: string[],
  ): Promise<ClusterYearView> {
    if (user.role !== 'ADMIN') {
      const lineage = await this.organizations.lineage(user.organizationId);
      const led = await this.organizations.ledClusterYears(lineage);
      const entitled = led.some((l) => l.clusterId === clusterId && (l.year === year || l.year === year - 1));
      if (!entitled) {
        throw new DomainError(
          'forbidden',
          'CLUSTER.NOT_LEADER',
          'Only the cluster leadership or an admin may do this',
        );
      }
    }
    return this.organizations.setLeadership(clusterId, year, leaderId, deputyIds);
  }
}
