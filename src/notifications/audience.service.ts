import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '../auth/roles';
import type { Audience } from './recipients';

/** What an audience is relative to: the nominating unit and, on the cluster route, the cluster and year. */
export interface AudienceContext {
  nominatingOrgId?: string;
  /** The nominating units of a vote's candidates. */
  candidateOrgIds?: string[];
  clusterId?: string | null;
  year?: number;
}

const DEFAULT_ROLE: Record<Audience, Role | undefined> = {
  nominator: 'NOMINATOR',
  candidates: 'NOMINATOR',
  clusterLeadership: 'CLUSTER_LEADER',
  provinceApprover: 'PROVINCE_APPROVER',
  clusterVoters: 'CLUSTER_VOTER',
  clusterMembers: 'PROVINCE_APPROVER',
  board: 'CENTRAL_APPRAISER',
  councilSecretariat: 'COUNCIL_SECRETARY',
  pmOffice: 'PM_OFFICE',
  whoMustAct: undefined,
};

// Organisations and, through mergers, their current heirs: the successor answers for its predecessors.
const heirsOf = (organizations: string, role: string) => `
  WITH RECURSIVE heirs(id, successor_id) AS (
    SELECT id, successor_id FROM organizations WHERE id IN (${organizations})
    UNION SELECT o.id, o.successor_id FROM organizations o JOIN heirs h ON o.id = h.successor_id)
  SELECT u.id FROM users u JOIN heirs h ON u.organization_id = h.id JOIN organizations o ON o.id = h.id
   WHERE u.active AND u.role = ${role} AND (o.valid_to IS NULL OR o.valid_to >= current_date)`;
const HEIRS = heirsOf('SELECT unnest($1::uuid[])', '$2');

/** Finds the active users of an audience. */
@Injectable()
export class AudienceService {
  async users(
    tx: EntityManager,
    audience: Audience,
    context: AudienceContext,
    role?: Role,
  ): Promise<string[]> {
    const r = role ?? DEFAULT_ROLE[audience];
    if (!r) return [];
    const ids = async (orgIds: string[]) =>
      orgIds.length === 0 ? [] : ((await tx.query(HEIRS, [orgIds, r])) as { id: string }[]).map((u) => u.id);
    switch (audience) {
      case 'nominator':
        return context.nominatingOrgId ? ids([context.nominatingOrgId]) : [];
      case 'candidates':
        return ids(context.candidateOrgIds ?? []);
      case 'provinceApprover': {
        if (!context.nominatingOrgId) return [];
        const rows = (await tx.query(
          `WITH RECURSIVE up(id, parent_id) AS (
             SELECT id, parent_id FROM organizations WHERE id = $1
             UNION SELECT o.id, o.parent_id FROM organizations o JOIN up ON o.id = up.parent_id)
           SELECT id FROM up`,
          [context.nominatingOrgId],
        )) as { id: string }[];
        return ids(rows.map((o) => o.id));
      }
      case 'clusterLeadership':
      case 'clusterMembers':
      case 'clusterVoters': {
        if (!context.clusterId || context.year === undefined) return [];
        // The members (or the leadership) of the cluster's year and their heirs' users, in one statement.
        const members = `SELECT organization_id FROM cluster_memberships WHERE cluster_id = $1 AND year = $2 ${
          audience === 'clusterLeadership' ? `AND role IN ('leader', 'deputy')` : ''
        }`;
        const rows = (await tx.query(heirsOf(members, '$3'), [context.clusterId, context.year, r])) as {
          id: string;
        }[];
        return rows.map((u) => u.id);
      }
      default: {
        const rows = (await tx.query(`SELECT id FROM users WHERE active AND role = $1`, [r])) as {
          id: string;
        }[];
        return rows.map((u) => u.id);
      }
    }
  }
}
