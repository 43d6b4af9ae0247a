import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppConfig } from '../config/config';
import { NotificationsService } from '../notifications/notifications.service';
import type { ClusterMembershipEntity } from '../organizations/cluster-membership.entity';
import { OrganizationErrors } from '../organizations/organizations.errors';
import { type ClusterYearView, OrganizationsService } from '../organizations/organizations.service';
import { LeadershipErrors } from './leadership.errors';
import { leadershipResult } from './leadership-result';

export interface LeadershipInput {
  leaderId: string;
  deputyIds: string[];
  reason?: string;
}

/**
 * Records the leadership the cluster's conference elected for a year. The conference decides; the system records
 * it, and only from what the data says:
 * - the administrator may record it, and is the only one who may change it once installed (with a reason);
 * - the outgoing leadership (the leader or a deputy of the year before) may install it while the year has none,
 *   and only as the year's result proposes it: the proposed unit leads, with the deputies the result suggests or
 *   none; any other choice of the conference is recorded by the administrator.
 * Every check runs in the transaction that writes, on the locked rows of the cluster-year, so two requests can
 * never both find the year without leadership. Each act is audited and told to the people it concerns.
 */
@Injectable()
export class ClusterLeadershipService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  async install(
    user: Principal,
    clusterId: string,
    year: number,
    input: LeadershipInput,
  ): Promise<ClusterYearView> {
    const { leaderId } = input;
    const deputyIds = [...new Set(input.deputyIds)];
    const reason = input.reason?.trim() || null;
    return this.dataSource.transaction(async (tx) => {
      const cluster = await this.organizations.getCluster(clusterId, tx);
      const rows = await this.organizations.lockClusterYear(tx, clusterId, year);
      const installed = rows.some((r) => r.role !== 'member');
      if (user.role === 'ADMIN') {
        if (installed && !reason) throw LeadershipErrors.reasonRequired();
      } else {
        await this.assertOutgoing(tx, user, clusterId, year);
        if (installed) throw LeadershipErrors.installed(year);
        const result = await leadershipResult(tx, clusterId, year);
        if (!result.leaderId) throw LeadershipErrors.noResult(year);
        if (leaderId !== result.leaderId) throw LeadershipErrors.notProposed(result.leaderId);
        // Deputies are the result's suggestion (the next of the ranking) or none: other deputies — the caller's own
        // unit, for one — are the conference's choice, which the administrator records (with a reason).
        const proposed = [...result.deputyIds].sort();
        const asProposed =
          deputyIds.length === proposed.length && [...deputyIds].sort().every((d, i) => d === proposed[i]);
        if (deputyIds.length > 0 && !asProposed) throw LeadershipErrors.deputiesNotProposed(result.deputyIds);
      }
      if (deputyIds.includes(leaderId))
        throw OrganizationErrors.invalidMembers('the leader cannot also be a deputy');
      const members = new Set(rows.map((r) => r.organizationId));
      const outsiders = [leaderId, ...deputyIds].filter((id) => !members.has(id));
      if (outsiders.length > 0)
        throw OrganizationErrors.invalidMembers(`not members in ${year}: ${outsiders.join(', ')}`);

      const role = (id: string) =>
        id === leaderId ? 'leader' : deputyIds.includes(id) ? 'deputy' : ('member' as const);
      const before = await this.organizations.compositionOf(rows, tx);
      const next = await this.organizations.compositionOf(
        rows.map((r) => ({ ...r, role: role(r.organizationId) })),
        tx,
      );
      await this.organizations.writeLeadership(tx, clusterId, year, leaderId, deputyIds);
      await this.audit.record(tx, {
        actor: user,
        action: installed ? 'cluster.leadership.change' : 'cluster.leadership.install',
        targetType: 'clusterYear',
        targetId: `${clusterId}:${year}`,
        reason,
        before: { leader: before.leader, deputies: before.deputies },
        after: { leader: next.leader, deputies: next.deputies },
      });
      const after = await this.organizations.clusterYear(clusterId, year, tx);
      await this.tell(tx, rows, after, installed, {
        vi: cluster.nameVi,
        en: cluster.nameEn,
      });
      return after;
    });
  }

  /** The caller's organisation (or one it succeeded) led or deputised the cluster the year before, as the rows say now. */
  private async assertOutgoing(
    tx: EntityManager,
    user: Principal,
    clusterId: string,
    year: number,
  ): Promise<void> {
    const org = await this.organizations.get(user.organizationId, tx);
    const lineage = await this.organizations.lineage(user.organizationId, tx);
    // FOR SHARE: a concurrent change of the year before waits for this act, or this act for it.
    const outgoing = (await tx.query(
      `SELECT 1 FROM cluster_memberships
        WHERE cluster_id = $1 AND year = $2 AND role IN ('leader', 'deputy') AND organization_id = ANY($3::uuid[])
        FOR SHARE`,
      [clusterId, year - 1, lineage],
    )) as unknown[];
    if (user.role !== 'CLUSTER_LEADER' || outgoing.length === 0) throw LeadershipErrors.notOutgoing();
    if (!this.organizations.isActive(org)) throw OrganizationErrors.ended();
  }

  /** Everyone of the cluster's members that year, and of any organisation that gained or lost a place, is told. */
  private async tell(
    tx: EntityManager,
    before: ClusterMembershipEntity[],
    after: ClusterYearView,
    changed: boolean,
    cluster: { vi: string; en: string },
  ): Promise<void> {
    const affected = new Set([
      ...before.filter((r) => r.role !== 'member').map((r) => r.organizationId),
      ...after.members.map((m) => m.id),
    ]);
    const leader = (locale: 'vi' | 'en') =>
      after.leader ? (locale === 'vi' ? after.leader.nameVi : after.leader.nameEn) : '—';
    const deputies = (locale: 'vi' | 'en') =>
      after.deputies.map((d) => (locale === 'vi' ? d.nameVi : d.nameEn)).join(', ') || '—';
    await this.notifications.inform(
      tx,
      {
        organizationIds: [...affected],
        template: changed ? 'cluster.leadershipChanged' : 'cluster.leadershipInstalled',
        subject: { type: 'clusterYear', id: after.cluster.id },
        title: {
          vi: `${changed ? 'Thay đổi' : 'Bầu'} ban lãnh đạo ${cluster.vi} năm ${after.year}: cụm trưởng ${leader('vi')}; cụm phó ${deputies('vi')}`,
          en: `${cluster.en}, ${after.year}: leadership ${changed ? 'changed' : 'installed'} – leader ${leader('en')}; deputies ${deputies('en')}`,
        },
        path: `/app/clusters/${after.cluster.id}/years/${after.year}`,
      },
      this.config.publicUrl,
    );
  }
}
