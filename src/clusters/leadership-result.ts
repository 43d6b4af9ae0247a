import type { EntityManager } from 'typeorm';
import type { Criterion } from './clusters.entities';
import { rank } from './ranking';

/** States a nomination reaches only once the cluster's certified vote selected it. */
const NOT_SELECTED = ['draft', 'submitted', 'returned', 'accepted', 'voting', 'notSelected', 'withdrawn'];

export type LeadershipBasis = 'flag' | 'ranking' | 'ambiguous' | 'none';

export interface LeadershipResult {
  /** The year the leadership is for; the result is that of the year before. */
  year: number;
  /** The unit the result makes leader, or null when the result names no single unit. */
  leaderId: string | null;
  /** The next two of the ranking: a suggestion only, the conference chooses the deputies. */
  deputyIds: string[];
  basis: LeadershipBasis;
}

/**
 * What the results of `year - 1` make of `year`'s leadership. The leading unit — the one unit the cluster's
 * certified vote selected for the Government Emulation Flag — leads. Without a flag selection, the first of the
 * year's ranking leads, but only when the ranking is a result: every member's self-assessment confirmed and the
 * first place not shared. Two selected flag units, a shared first place or an incomplete ranking name no single
 * unit (`leaderId: null`): the conference decides and the administrator records it.
 */
export async function leadershipResult(
  tx: EntityManager,
  clusterId: string,
  year: number,
): Promise<LeadershipResult> {
  const previous = year - 1;
  const flags = (await tx.query(
    `SELECT DISTINCT n.nominee_org_id FROM nominations n
      WHERE n.cluster_id = $1 AND n.year = $2 AND n.award_type = 'GOVERNMENT_FLAG'
        AND n.nominee_org_id IS NOT NULL AND n.state <> ALL($3::text[])`,
    [clusterId, previous, NOT_SELECTED],
  )) as { nominee_org_id: string }[];
  const ranking = await completeRanking(tx, clusterId, previous);
  const leaderId =
    flags.length === 1
      ? flags[0].nominee_org_id
      : flags.length === 0 && ranking && ranking.length > 0 && ranking[1]?.rank !== 1
        ? ranking[0].organizationId
        : null;
  const basis: LeadershipBasis =
    flags.length > 1
      ? 'ambiguous'
      : flags.length === 1
        ? 'flag'
        : leaderId
          ? 'ranking'
          : ranking && ranking.length > 0
            ? 'ambiguous'
            : 'none';
  return {
    year,
    leaderId,
    deputyIds: (ranking ?? [])
      .map((r) => r.organizationId)
      .filter((id) => id !== leaderId)
      .slice(0, 2),
    basis,
  };
}

/** The year's ranking when every member's results are confirmed against the agreement in force; else null. */
async function completeRanking(tx: EntityManager, clusterId: string, year: number) {
  const [agreement] = (await tx.query(
    `SELECT criteria FROM cluster_agreements WHERE cluster_id = $1 AND year = $2 AND state = 'inForce'`,
    [clusterId, year],
  )) as { criteria: Criterion[] }[];
  if (!agreement) return null;
  const rows = (await tx.query(
    `SELECT m.organization_id, e.scores FROM cluster_memberships m
       LEFT JOIN cluster_evaluations e
         ON e.cluster_id = m.cluster_id AND e.year = m.year AND e.organization_id = m.organization_id
        AND e.status = 'confirmed'
      WHERE m.cluster_id = $1 AND m.year = $2`,
    [clusterId, year],
  )) as { organization_id: string; scores: Record<string, number> | null }[];
  if (rows.length === 0 || rows.some((r) => r.scores === null)) return null;
  return rank(
    agreement.criteria,
    rows.map((r) => ({ organizationId: r.organization_id, scores: r.scores! })),
  );
}
