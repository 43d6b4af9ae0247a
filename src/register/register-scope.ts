import { isCentral } from '../auth/roles';
import type { Standing } from '../organizations/standing.service';

/**
 * The organisations whose register the caller reads: the central bodies read all (null); a unit reads its own,
 * its predecessors' and those under it, and the people who work there.
 */
export function registerScope(standing: Standing): string[] | null {
  return isCentral(standing.role) ? null : standing.governedOrgIds;
}

export function inScope(scope: string[] | null, organizationId: string): boolean {
  return scope === null || scope.includes(organizationId);
}

/** Who may write the register by hand (import, revoke): the Board and administrators everywhere, a province's
 * approver and a nominating unit within their scope. */
export function mayWriteRegister(standing: Standing): boolean {
  return ['ADMIN', 'CENTRAL_APPRAISER', 'PROVINCE_APPROVER', 'NOMINATOR'].includes(standing.role);
}
