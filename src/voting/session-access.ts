import { isCentral } from '../auth/roles';
import type { Standing } from '../organizations/standing.service';

/** Whether the caller leads or deputises the session's cluster in the session's year (not the year before). */
export function leadsSession(standing: Standing, s: { clusterId: string; year: number }): boolean {
  return (
    standing.role === 'CLUSTER_LEADER' &&
    standing.ledClusterYears.some((l) => l.clusterId === s.clusterId && l.year === s.year)
  );
}

/** Who may see a voting session: its eligible member organisations (and successors), its leadership, the centre. */
export function maySeeSession(
  standing: Standing,
  s: { clusterId: string; year: number; eligibleOrgIds: string[] },
): boolean {
  return (
    standing.orgIds.some((o) => s.eligibleOrgIds.includes(o)) ||
    isCentral(standing.role) ||
    leadsSession(standing, s)
  );
}
