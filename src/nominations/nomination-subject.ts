import type { EntityManager } from 'typeorm';
import type { InstanceRow, WorkflowEngine } from '../engine/workflow-engine.service';
import type { NotificationSubject } from '../notifications/notifications.service';
import type { RecipientRule } from '../notifications/recipients';
import { maySee, NOMINATION_ACCESS, type AccessRule } from './nomination-access';
import type { AwardRoute } from '../awards/award-type.entity';

/** Events that never make someone responsible for a nomination's progress. */
const NOT_A_DUTY = new Set(['WITHDRAW']);

function audienceOf(rule: AccessRule): RecipientRule[] {
  switch (rule.relation) {
    case 'nominator':
      return [{ audience: 'nominator' }];
    case 'clusterLeader':
      return [{ audience: 'clusterLeadership' }];
    case 'provinceApprover':
      return [{ audience: 'provinceApprover' }];
    case 'central':
      return rule.roles.map((role) =>
        role === 'COUNCIL_SECRETARY'
          ? { audience: 'councilSecretariat' as const }
          : role === 'PM_OFFICE'
            ? { audience: 'pmOffice' as const }
            : { audience: 'board' as const, role },
      );
  }
}

/** Who must act on a nomination in its current state, from the access table. */
export function dutiesOf(route: AwardRoute, acceptedEvents: string[]): RecipientRule[] {
  const seen = new Map<string, RecipientRule>();
  for (const event of acceptedEvents) {
    const rule = NOMINATION_ACCESS[route][event];
    if (!rule || NOT_A_DUTY.has(event)) continue;
    for (const a of audienceOf(rule)) seen.set(`${a.audience}:${a.role ?? ''}`, a);
  }
  return [...seen.values()];
}

/** Describes a nomination for its notifications. */
export async function describeNomination(
  tx: EntityManager,
  engine: WorkflowEngine,
  instanceId: string,
  atState?: string,
): Promise<NotificationSubject | null> {
  // The nomination, its award's names and its workflow instance, in one statement.
  const [n] = (await tx.query(
    `SELECT n.id, n.year, n.route, n.cluster_id, n.nominating_org_id, n.nominee_name, t.name_vi, t.name_en,
            i.machine_id, i.machine_version, i.state, i.snapshot, i.version, i.head_hash,
            i.created_at AS instance_created_at, i.updated_at AS instance_updated_at
       FROM nominations n JOIN award_types t ON t.code = n.award_type
       JOIN workflow_instances i ON i.id = n.id
      WHERE n.id = $1`,
    [instanceId],
  )) as {
    id: string;
    year: number;
    route: AwardRoute;
    cluster_id: string | null;
    nominating_org_id: string;
    nominee_name: string;
    name_vi: string;
    name_en: string;
    machine_id: string;
    machine_version: number;
    state: string;
    snapshot: InstanceRow['snapshot'];
    version: number;
    head_hash: string;
    instance_created_at: Date;
    instance_updated_at: Date;
  }[];
  if (!n) return null;
  const instance = engine.viewOf({
    id: n.id,
    machine_id: n.machine_id,
    machine_version: n.machine_version,
    state: n.state,
    snapshot: n.snapshot,
    version: n.version,
    head_hash: n.head_hash,
    created_at: n.instance_created_at,
    updated_at: n.instance_updated_at,
  });
  return {
    type: 'nomination',
    id: n.id,
    title: {
      vi: `${n.nominee_name} – ${n.name_vi} ${n.year}`,
      en: `${n.nominee_name} – ${n.name_en} ${n.year}`,
    },
    stateLabel: instance.label,
    path: `/app/nominations/${n.id}`,
    context: { nominatingOrgId: n.nominating_org_id, clusterId: n.cluster_id, year: n.year },
    visibleTo: (standing) =>
      maySee(standing, {
        route: n.route,
        nominatingOrgId: n.nominating_org_id,
        clusterId: n.cluster_id,
        year: n.year,
      }),
    // Who must act after the notifying transition: the next one may already be committed when this is delivered.
    mustAct: dutiesOf(
      n.route,
      engine.allowedEventsOf(
        atState && atState !== instance.state
          ? { ...instance, state: atState, snapshotValue: atState }
          : instance,
      ),
    ),
  };
}
