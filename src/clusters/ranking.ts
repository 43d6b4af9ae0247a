import type { Criterion } from './clusters.entities';

export interface RankedMember {
  organizationId: string;
  total: number;
  rank: number;
}

/**
 * The weighted total of a member: Σ weight × score / maxScore, scaled so that full marks on every criterion give
 * 100. Ranks are competition ranks: equal totals share a rank (1, 1, 3).
 */
export function weightedTotal(criteria: Criterion[], scores: Record<string, number>): number {
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (weights === 0) return 0;
  const raw = criteria.reduce((sum, c) => sum + (c.weight * (scores[c.code] ?? 0)) / c.maxScore, 0);
  return Math.round((raw / weights) * 100 * 100) / 100;
}

export function rank(
  criteria: Criterion[],
  members: { organizationId: string; scores: Record<string, number> }[],
): RankedMember[] {
  const totals = members.map((m) => ({
    organizationId: m.organizationId,
    total: weightedTotal(criteria, m.scores),
  }));
  const sorted = [...totals].sort((a, b) => b.total - a.total);
  return sorted.map((m) => ({ ...m, rank: sorted.findIndex((x) => x.total === m.total) + 1 }));
}
