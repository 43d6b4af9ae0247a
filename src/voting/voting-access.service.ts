import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { StandingService, type Standing } from '../organizations/standing.service';
import { VotingSessionEntity } from './voting.entities';
import { leadsSession, maySeeSession } from './session-access';
import { VotingErrors } from './voting.errors';

/** Who may see a voting session and who runs it: the cluster's leadership of the session's year. */
@Injectable()
export class VotingAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly standings: StandingService,
  ) {}

  leads(standing: Standing, s: { clusterId: string; year: number }): boolean {
    return leadsSession(standing, s);
  }

  /**
   * Whether the caller leads the session's cluster-year as the transaction reads it now (and holds it: the rows
   * are share-locked until it ends), not as a cached standing may remember it.
   */
  async leadsNow(
    tx: EntityManager,
    standing: Standing,
    s: { clusterId: string; year: number },
  ): Promise<boolean> {
    if (standing.role !== 'CLUSTER_LEADER') return false;
    const rows = (await tx.query(
      `SELECT 1 FROM cluster_memberships
        WHERE cluster_id = $1 AND year = $2 AND role <> 'member' AND organization_id = ANY($3::uuid[])
        FOR SHARE`,
      [s.clusterId, s.year, standing.orgIds],
    )) as unknown[];
    return rows.length > 0;
  }

  standing(principal: Principal, tx?: EntityManager): Promise<Standing> {
    return this.standings.of(principal, tx);
  }

  /** The session and the caller's standing, or 404 when the caller may not see it. */
  async visible(principal: Principal, id: string, tx?: EntityManager) {
    const session = await (tx ?? this.dataSource.manager)
      .getRepository(VotingSessionEntity)
      .findOneBy({ id });
    const standing = await this.standings.of(principal, tx);
    if (!session || !maySeeSession(standing, session)) throw VotingErrors.notFound(id);
    return { session, standing };
  }
}
