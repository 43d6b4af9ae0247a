import type { AwardRoute } from '../awards/award-type.entity';
import { isCentral, type Role } from '../auth/roles';
import type { Standing } from '../organizations/standing.service';

/**
 * How the caller stands towards a nomination: `nominator` (their organisation, or one it succeeded, nominated
 * it), `clusterLeader` (their organisation leads or deputises the nomination's cluster in its year),
 * `provinceApprover` (the nominating unit is their province or under it), `central` (a central body).
 */
export type Relation = 'nominator' | 'clusterLeader' | 'provinceApprover' | 'central';

export interface AccessRule {
  roles: Role[];
  relation: Relation;
}

const NOMINATOR: AccessRule = { roles: ['NOMINATOR'], relation: 'nominator' };
const CLUSTER: AccessRule = { roles: ['CLUSTER_LEADER'], relation: 'clusterLeader' };
const PROVINCE: AccessRule = { roles: ['PROVINCE_APPROVER'], relation: 'provinceApprover' };
const BOARD: AccessRule = { roles: ['CENTRAL_APPRAISER'], relation: 'central' };
const COUNCIL: AccessRule = { roles: ['COUNCIL_SECRETARY'], relation: 'central' };
const PRIME_MINISTER: AccessRule = { roles: ['PM_OFFICE'], relation: 'central' };
const PRESIDENT: AccessRule = { roles: ['PRESIDENT_OFFICE'], relation: 'central' };

const CENTRAL_STAGES = {
  REQUEST_SUPPLEMENT: BOARD,
  REQUEST_CONSULTATION: BOARD,
  APPRAISAL_PASSED: BOARD,
  APPRAISAL_REJECTED: BOARD,
  COUNCIL_APPROVED: COUNCIL,
  COUNCIL_REJECTED: COUNCIL,
  PM_DECIDED: PRIME_MINISTER,
};

const { PM_DECIDED: _decidedByThePrimeMinister, ...CENTRAL_BEFORE_DECISION } = CENTRAL_STAGES;

/**
 * Who may send which event, per route: the one table the server enforces (`mayAct`) and the UI draws buttons
 * from. Events not listed (votes, deadlines, reminders) are sent by the system only.
 */
export const NOMINATION_ACCESS: Record<AwardRoute, Record<string, AccessRule>> = {
  cluster: {
    SUBMIT: NOMINATOR,
    RESUBMIT: NOMINATOR,
    WITHDRAW: NOMINATOR,
    SUPPLEMENT: NOMINATOR,
    RETURN: CLUSTER,
    ACCEPT: CLUSTER,
    FORWARD: CLUSTER,
    ...CENTRAL_STAGES,
  },
  direct: {
    SUBMIT: NOMINATOR,
    RESUBMIT: NOMINATOR,
    WITHDRAW: NOMINATOR,
    SUPPLEMENT: NOMINATOR,
    RETURN: PROVINCE,
    ACCEPT: PROVINCE,
    FORWARD: PROVINCE,
    ...CENTRAL_STAGES,
  },
  // Orders, medals and state honorary titles: as the direct route, then the Government Office forwards the Prime
  // Minister's proposal and the Office of the President records the President's decision.
  presidential: {
    SUBMIT: NOMINATOR,
    RESUBMIT: NOMINATOR,
    WITHDRAW: NOMINATOR,
    SUPPLEMENT: NOMINATOR,
    RETURN: PROVINCE,
    ACCEPT: PROVINCE,
    FORWARD: PROVINCE,
    ...CENTRAL_BEFORE_DECISION,
    PM_PROPOSED: PRIME_MINISTER,
    PRESIDENT_DECIDED: PRESIDENT,
  },
  provincial: {
    SUBMIT: NOMINATOR,
    RESUBMIT: NOMINATOR,
    WITHDRAW: NOMINATOR,
    RETURN: PROVINCE,
    APPRAISAL_PASSED: PROVINCE,
    APPRAISAL_REJECTED: PROVINCE,
    CHAIRMAN_DECIDED: PROVINCE,
  },
};

export interface NominationFacts {
  route: AwardRoute;
  nominatingOrgId: string;
  clusterId: string | null;
  year: number;
}

export function hasRelation(relation: Relation, standing: Standing, n: NominationFacts): boolean {
  switch (relation) {
    case 'nominator':
      return standing.orgIds.includes(n.nominatingOrgId);
    case 'clusterLeader':
      return standing.ledClusterYears.some((l) => l.clusterId === n.clusterId && l.year === n.year);
    case 'provinceApprover':
      return standing.governedOrgIds.includes(n.nominatingOrgId);
    case 'central':
      return isCentral(standing.role);
  }
}

/** Whether the caller may send `eventType` to the nomination (whether the state accepts it is the machine's call). */
export function mayAct(eventType: string, standing: Standing, n: NominationFacts): boolean {
  const rule = NOMINATION_ACCESS[n.route][eventType];
  return (
    !!rule &&
    standing.orgActive &&
    rule.roles.includes(standing.role) &&
    hasRelation(rule.relation, standing, n)
  );
}

/** Whether the caller may see the nomination at all (if not, it answers 404: existence does not leak). */
export function maySee(standing: Standing, n: NominationFacts): boolean {
  if (isCentral(standing.role)) return true;
  if (standing.orgIds.includes(n.nominatingOrgId)) return true;
  if (standing.role === 'PROVINCE_APPROVER') return standing.governedOrgIds.includes(n.nominatingOrgId);
  if (standing.role === 'CLUSTER_LEADER') return hasRelation('clusterLeader', standing, n);
  return false;
}

/** Voting sessions whose states let their voters read the candidates: before the result is certified. */
export const VOTER_READABLE_SESSION_STATES = ['draft', 'open', 'closed', 'tallied'];

/**
 * Whether a member's delegate may read a candidate (its nomination, summary and submitted dossier; nothing else):
 * a `CLUSTER_VOTER` of an organisation that votes in a session, not yet certified, where it is a candidate.
 * `sessions` are the electorates of those sessions.
 */
export function maySeeAsVoter(standing: Standing, sessions: { eligibleOrgIds: string[] }[]): boolean {
  return (
    standing.role === 'CLUSTER_VOTER' &&
    sessions.some((s) => s.eligibleOrgIds.some((o) => standing.orgIds.includes(o)))
  );
}
