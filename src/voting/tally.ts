import type { TieBreak, VoteRules } from '../awards/policy-rules';
import type { BallotCounts, CandidateResult, TallyResult } from '../../workflows/voting-session.machine';

export interface TallyCandidate {
  nominationId: string;
  nomineeKind: 'collective' | 'individual';
  gender: 'female' | 'male' | null;
  femaleShare: number | null;
}

export interface TallyItem {
  awardType: string;
  quota: number;
  rules: VoteRules;
  tieBreak: TieBreak[];
  candidates: TallyCandidate[];
}

/** One ballot: for each award, the nominations it approves (an empty or missing list abstains). */
export interface Ballot {
  choices: Record<string, string[]>;
}

export interface TallyInput {
  round: number;
  eligible: number;
  ballots: Ballot[];
  items: TallyItem[];
  /**
   * The places at stake per award: in a run-off those left by round 1; in any round no more than the cluster's
   * places left in the year. Absent: the item's quota.
   */
  places?: Record<string, number>;
}

const EPSILON = 1e-9;

/** How many of `base` a share requires: "more than half of 9" is 5, "at least two thirds of 9" is 6. */
export function required(share: number, base: number, strictlyMore: boolean): number {
  return strictlyMore ? Math.floor(share * base + EPSILON) + 1 : Math.ceil(share * base - EPSILON);
}

export function quorumMet(turnout: number, eligible: number, quorumShare: number): boolean {
  return eligible > 0 && turnout >= required(quorumShare, eligible, false);
}

/** Whether the Decree 152/2025 art. 4 preference applies to a candidate. */
const PREFERRED: Record<Exclude<TieBreak, 'runoff'>, (c: TallyCandidate) => boolean> = {
  female: (c) => c.nomineeKind === 'individual' && c.gender === 'female',
  femaleCollective70: (c) => c.nomineeKind === 'collective' && (c.femaleShare ?? 0) >= 0.7 - EPSILON,
};

/** Competition ranking: equal approvals share a rank (1, 1, 3). */
function ranks(approvals: Map<string, number>): Map<string, number> {
  const sorted = [...approvals.values()].sort((a, b) => b - a);
  return new Map([...approvals].map(([id, n]) => [id, sorted.indexOf(n) + 1]));
}

/**
 * Resolves a tie for `places` places among `tied` by the policy's order: each preference in turn selects the
 * candidates it marks when they fit in the places left, or narrows the tie to them when they are too many.
 * What remains tied goes to a run-off. Candidates are never chosen by their order in a list.
 */
function breakTie(
  tied: TallyCandidate[],
  places: number,
  order: TieBreak[],
): { chosen: Map<string, string>; runoff: TallyCandidate[]; runoffPlaces: number } {
  const chosen = new Map<string, string>();
  let pool = tied;
  let left = places;
  for (const rule of order) {
    if (left === 0 || pool.length <= left) break;
    if (rule === 'runoff') break;
    const preferred = pool.filter(PREFERRED[rule]);
    if (preferred.length === 0 || preferred.length === pool.length) continue;
    if (preferred.length <= left) {
      for (const c of preferred) chosen.set(c.nominationId, rule);
      left -= preferred.length;
      pool = pool.filter((c) => !preferred.includes(c));
    } else {
      pool = preferred;
    }
  }
  if (left > 0 && pool.length <= left) {
    for (const c of pool) chosen.set(c.nominationId, chosen.get(c.nominationId) ?? 'tie');
    return { chosen, runoff: [], runoffPlaces: 0 };
  }
  return { chosen, runoff: left > 0 ? pool : [], runoffPlaces: left };
}

/**
 * The tally of one round, a pure function of the ballots and the policy: approvals per candidate, the
 * threshold (a share of the eligible voters or of the valid ballots), the quota (at most N per award, by
 * approvals), and ties at the quota's boundary resolved by the policy's tie-break order or sent to a run-off.
 */
export function tally(input: TallyInput): TallyResult {
  const candidates: CandidateResult[] = [];
  const runoff: TallyResult['runoff'] = [];
  const ballots: BallotCounts[] = [];
  for (const item of input.items) {
    const ids = new Set(item.candidates.map((c) => c.nominationId));
    const approvals = new Map(item.candidates.map((c) => [c.nominationId, 0]));
    const quota = input.places?.[item.awardType] ?? item.quota;
    // The ballot box refuses a ballot that breaks the rules when it is cast (a stranger, more than the places),
    // so every ballot received is valid; the minutes still report the invalid ones, as the form asks.
    const valid = input.ballots.length;
    let blank = 0;
    for (const ballot of input.ballots) {
      const chosen = [...new Set(ballot.choices[item.awardType] ?? [])].filter((id) => ids.has(id));
      if (chosen.length === 0) blank++;
      for (const id of chosen) approvals.set(id, approvals.get(id)! + 1);
    }
    const base = item.rules.approvalBase === 'eligible' ? input.eligible : valid;
    // A run-off only orders candidates that already passed the threshold; a candidate nobody approved never passes.
    const needed =
      input.round > 1 ? 0 : Math.max(1, required(item.rules.approvalShare, base, item.rules.strictlyMore));
    ballots.push({
      awardType: item.awardType,
      issued: input.eligible,
      received: input.ballots.length,
      valid,
      invalid: input.ballots.length - valid,
      blank,
      threshold: needed,
      places: quota,
    });
    const rank = ranks(approvals);
    const passing = item.candidates
      .filter((c) => approvals.get(c.nominationId)! >= needed)
      .sort((a, b) => approvals.get(b.nominationId)! - approvals.get(a.nominationId)!);

    const outcome = new Map<string, { outcome: CandidateResult['outcome']; tieBreak?: string }>();
    for (const c of item.candidates) outcome.set(c.nominationId, { outcome: 'belowThreshold' });
    if (passing.length <= quota) {
      for (const c of passing) outcome.set(c.nominationId, { outcome: 'selected' });
    } else {
      const boundary = approvals.get(passing[quota - 1]?.nominationId ?? '') ?? Infinity;
      const above = quota === 0 ? [] : passing.filter((c) => approvals.get(c.nominationId)! > boundary);
      const tied = quota === 0 ? [] : passing.filter((c) => approvals.get(c.nominationId)! === boundary);
      for (const c of passing) outcome.set(c.nominationId, { outcome: 'beyondQuota' });
      for (const c of above) outcome.set(c.nominationId, { outcome: 'selected' });
      const places = quota - above.length;
      // Candidates at the boundary that fit in the places left are chosen by their approvals: no tie to break.
      const resolved =
        tied.length <= places
          ? { chosen: new Map<string, string>(), runoff: [], runoffPlaces: 0 }
          : breakTie(tied, places, item.tieBreak);
      if (tied.length <= places) for (const c of tied) outcome.set(c.nominationId, { outcome: 'selected' });
      for (const [id, rule] of resolved.chosen) outcome.set(id, { outcome: 'selected', tieBreak: rule });
      if (resolved.runoff.length > 0) {
        for (const c of resolved.runoff) outcome.set(c.nominationId, { outcome: 'runoff' });
        runoff.push({
          awardType: item.awardType,
          nominationIds: resolved.runoff.map((c) => c.nominationId).sort(),
          places: resolved.runoffPlaces,
        });
      }
    }
    for (const c of item.candidates) {
      const n = approvals.get(c.nominationId)!;
      const o = outcome.get(c.nominationId)!;
      candidates.push({
        nominationId: c.nominationId,
        awardType: item.awardType,
        approvals: n,
        share: base > 0 ? n / base : 0,
        rank: rank.get(c.nominationId)!,
        selected: o.outcome === 'selected',
        outcome: o.outcome,
        ...(o.tieBreak ? { tieBreak: o.tieBreak } : {}),
      });
    }
  }
  return {
    round: input.round,
    turnout: input.ballots.length,
    eligible: input.eligible,
    candidates,
    runoff,
    ballots,
  };
}
