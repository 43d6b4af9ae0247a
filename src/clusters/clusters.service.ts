import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf, type Principal } from '../auth/principal';
import { isCentral } from '../auth/roles';
import { DomainError } from '../common/errors';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { NotificationsService } from '../notifications/notifications.service';
import { maySeeClusterYear, OrganizationsService } from '../organizations/organizations.service';
import { StandingService, type Standing } from '../organizations/standing.service';
import {
  AgreementSignatureEntity,
  ClusterAgreementEntity,
  ClusterEvaluationEntity,
  type Criterion,
} from './clusters.entities';
import { leadershipResult } from './leadership-result';
import { rank, weightedTotal } from './ranking';

const err = (
  kind:
    | 'not_found'
    | 'forbidden'
    | 'conflict'
    | 'unprocessable'
    | 'precondition_required'
    | 'precondition_failed',
  code: string,
  message: string,
  details?: Record<string, unknown>,
) => new DomainError(kind, code, message, details);

/** Roles that may sign or report for their organisation in a cluster. */
const MEMBER_ROLES = ['PROVINCE_APPROVER', 'CLUSTER_LEADER', 'CLUSTER_VOTER', 'NOMINATOR'];

/** The cluster's year: the agreement and its signatures, the year-end evaluation, the ranking, next year's leadership. */
@Injectable()
export class ClustersService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.engine.project('agreement', async (tx, step) => {
      await tx.query(`UPDATE cluster_agreements SET state = $2 WHERE id = $1`, [
        step.instance.id,
        step.instance.state,
      ]);
    });
    this.notifications.registerSubject('agreement', async (tx, id) => {
      const a = await tx.getRepository(ClusterAgreementEntity).findOneBy({ id });
      if (!a) return null;
      const { instance } = await this.engine.read(id, undefined, tx);
      return {
        type: 'agreement',
        id,
        title: { vi: `${a.title} (${a.year})`, en: `${a.title} (${a.year})` },
        stateLabel: instance.label,
        path: `/app/clusters/${a.clusterId}/years/${a.year}`,
        context: { clusterId: a.clusterId, year: a.year },
        mustAct: [],
        // As `getAgreement` reads it: the year's members, the centre, the leadership of the year or the one before.
        visibleTo: (standing) =>
          maySeeClusterYear(standing, (instance.context.members as string[]) ?? []) ||
          (standing.role === 'CLUSTER_LEADER' &&
            standing.ledClusterYears.some(
              (l) => l.clusterId === a.clusterId && (l.year === a.year || l.year === a.year - 1),
            )),
      };
    });
  }

  private async context(principal: Principal, clusterId: string, year: number) {
    await this.organizations.getCluster(clusterId);
    const standing = await this.standings.of(principal);
    const rows = await this.organizations.membership(clusterId, year);
    const members = rows.map((m) => m.organizationId);
    const memberOrg = standing.orgIds.find((o) => members.includes(o));
    const leads = (y: number) =>
      standing.role === 'CLUSTER_LEADER' &&
      standing.ledClusterYears.some((l) => l.clusterId === clusterId && l.year === y);
    // The outgoing leadership acts for the year only until the year's own leadership is installed.
    const installed = rows.some((m) => m.role !== 'member');
    return { standing, members, memberOrg, leads, installed };
  }

  private assertMayRead(ctx: { standing: Standing; memberOrg?: string }, leads: boolean): void {
    if (!ctx.memberOrg && !leads && !isCentral(ctx.standing.role)) {
      throw err('not_found', 'CLUSTER.NOT_FOUND', 'No such cluster year among yours');
    }
  }

  // ---- agreement --------------------------------------------------------------------------------------------

  async createAgreement(
    principal: Principal,
    clusterId: string,
    year: number,
    input: { title: string; criteria: Criterion[] },
  ) {
    const ctx = await this.context(principal, clusterId, year);
    if (!(ctx.leads(year) || (ctx.leads(year - 1) && !ctx.installed)) || !ctx.standing.orgActive) {
      throw err('forbidden', 'CLUSTER.NOT_LEADER', 'The cluster leadership proposes the agreement');
    }
    const codes = input.criteria.map((c) => c.code);
    if (new Set(codes).size !== codes.length)
      throw err('unprocessable', 'AGREEMENT.DUPLICATE_CRITERION', 'Criterion codes must be unique');
    if (ctx.members.length === 0)
      throw err('unprocessable', 'AGREEMENT.NO_MEMBERS', `The cluster has no members in ${year}`);
    return this.engine.transaction(async (tx) => {
      const existing = await tx.query(
        `SELECT 1 FROM cluster_agreements WHERE cluster_id = $1 AND year = $2 AND state <> 'cancelled'`,
        [clusterId, year],
      );
      if (existing.length > 0)
        throw err('conflict', 'AGREEMENT.EXISTS', `The ${year} agreement already exists`);
      const id = randomUUID();
      await tx.getRepository(ClusterAgreementEntity).insert({
        id,
        clusterId,
        year,
        title: input.title,
        criteria: input.criteria,
        state: 'signing',
        createdBy: principal.userId,
        createdAt: new Date(),
      });
      await this.engine.create(
        'agreement',
        { agreementId: id, members: ctx.members },
        { actor: actorOf(principal), id },
        tx,
      );
      return this.agreementView(tx, clusterId, year);
    });
  }

  async getAgreement(principal: Principal, clusterId: string, year: number) {
    const ctx = await this.context(principal, clusterId, year);
    this.assertMayRead(ctx, ctx.leads(year) || ctx.leads(year - 1));
    return this.agreementView(this.dataSource.manager, clusterId, year);
  }

  async sign(principal: Principal, clusterId: string, year: number) {
    const ctx = await this.context(principal, clusterId, year);
    if (!ctx.memberOrg || !MEMBER_ROLES.includes(principal.role) || !ctx.standing.orgActive) {
      throw err(
        'forbidden',
        'AGREEMENT.NOT_A_MEMBER',
        'Only a member organisation of the cluster that year signs',
      );
    }
    return this.engine.transaction(async (tx) => {
      const agreement = await this.current(tx, clusterId, year);
      await this.engine.sendIn(
        tx,
        agreement.id,
        { type: 'SIGN', organizationId: ctx.memberOrg! },
        { actor: actorOf(principal) },
      );
      await tx.getRepository(AgreementSignatureEntity).insert({
        agreementId: agreement.id,
        organizationId: ctx.memberOrg!,
        signedBy: principal.userId,
        signedAt: new Date(),
      });
      return this.agreementView(tx, clusterId, year);
    });
  }

  private async current(tx: EntityManager, clusterId: string, year: number): Promise<ClusterAgreementEntity> {
    const found = await tx
      .getRepository(ClusterAgreementEntity)
      .createQueryBuilder('a')
      .where(`a.cluster_id = :clusterId AND a.year = :year AND a.state <> 'cancelled'`, { clusterId, year })
      .getOne();
    if (!found) throw err('not_found', 'AGREEMENT.NOT_FOUND', `No agreement for ${year}`);
    return found;
  }

  private async agreementView(tx: EntityManager, clusterId: string, year: number) {
    const a = await this.current(tx, clusterId, year);
    const { instance } = await this.engine.read(a.id, undefined, tx);
    const signatures = await tx
      .getRepository(AgreementSignatureEntity)
      .find({ where: { agreementId: a.id } });
    const members = (instance.context.members as string[]) ?? [];
    const orgs = await this.organizations.views(members);
    return {
      id: a.id,
      clusterId,
      year,
      title: a.title,
      criteria: a.criteria,
      state: instance.state,
      stateLabel: instance.label,
      version: instance.version,
      members: members
        .map((m) => {
          const s = signatures.find((x) => x.organizationId === m);
          return {
            organization: { id: m, nameVi: orgs.get(m)?.nameVi, nameEn: orgs.get(m)?.nameEn },
            signedAt: s ? new Date(s.signedAt).toISOString() : null,
          };
        })
        .sort((x, y) => (x.organization.nameVi ?? '').localeCompare(y.organization.nameVi ?? '', 'vi')),
      signed: signatures.length,
    };
  }

  // ---- evaluation -------------------------------------------------------------------------------------------

  async submitScores(principal: Principal, clusterId: string, year: number, scores: Record<string, number>) {
    const ctx = await this.context(principal, clusterId, year);
    if (!ctx.memberOrg || !MEMBER_ROLES.includes(principal.role) || !ctx.standing.orgActive) {
      throw err('forbidden', 'EVALUATION.NOT_A_MEMBER', 'Only a member organisation reports its own results');
    }
    return this.dataSource.transaction(async (tx) => {
      const agreement = await this.current(tx, clusterId, year);
      if (agreement.state !== 'inForce') {
        throw err(
          'conflict',
          'EVALUATION.AGREEMENT_NOT_IN_FORCE',
          'Results are reported against an agreement in force',
        );
      }
      const problems = agreement.criteria.flatMap((c) => {
        const v = scores[c.code];
        return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= c.maxScore
          ? []
          : [`${c.code}: 0–${c.maxScore}`];
      });
      const unknown = Object.keys(scores).filter((k) => !agreement.criteria.some((c) => c.code === k));
      if (problems.length > 0 || unknown.length > 0) {
        throw err(
          'unprocessable',
          'EVALUATION.INVALID_SCORES',
          'A score for every criterion, within its range',
          { problems, unknown },
        );
      }
      const existing = await tx
        .getRepository(ClusterEvaluationEntity)
        .findOneBy({ clusterId, year, organizationId: ctx.memberOrg! });
      if (existing?.status === 'confirmed')
        throw err('conflict', 'EVALUATION.CONFIRMED', 'Confirmed results cannot change');
      await tx.getRepository(ClusterEvaluationEntity).save({
        clusterId,
        year,
        organizationId: ctx.memberOrg!,
        scores,
        status: 'submitted',
        note: null,
        submittedBy: principal.userId,
        submittedAt: new Date(),
        reviewedBy: null,
        reviewedAt: null,
      });
      return this.evaluationsView(tx, clusterId, year, agreement.criteria);
    });
  }

  async review(
    principal: Principal,
    clusterId: string,
    year: number,
    organizationId: string,
    decision: 'confirm' | 'return',
    note?: string,
    seenSubmittedAt?: string,
  ) {
    const ctx = await this.context(principal, clusterId, year);
    const admin = principal.role === 'ADMIN';
    if (!admin && (!ctx.leads(year) || !ctx.standing.orgActive))
      throw err('forbidden', 'CLUSTER.NOT_LEADER', 'The cluster leader confirms results');
    // The leadership does not judge its own results: another member of it (or the administrator) does. The
    // confirmed ranking names next year's leader.
    if (!admin && ctx.standing.orgIds.includes(organizationId))
      throw err(
        'forbidden',
        'EVALUATION.OWN_RESULTS',
        'Another member of the leadership reviews your own results',
      );
    if (decision === 'return' && !note?.trim())
      throw err('unprocessable', 'EVALUATION.REASON_REQUIRED', 'Returning needs a reason');
    if (decision === 'confirm' && !seenSubmittedAt)
      throw err(
        'precondition_required',
        'EVALUATION.SEEN_REQUIRED',
        'Confirm the results you read: send their submittedAt',
        {
          fields: [{ field: 'submittedAt', problems: ['submittedAt of the results you read is required'] }],
        },
      );
    return this.dataSource.transaction(async (tx) => {
      const agreement = await this.current(tx, clusterId, year);
      const row = await tx
        .getRepository(ClusterEvaluationEntity)
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.cluster_id = :clusterId AND e.year = :year AND e.organization_id = :organizationId', {
          clusterId,
          year,
          organizationId,
        })
        .getOne();
      if (!row) throw err('not_found', 'EVALUATION.NOT_FOUND', 'This member has not reported');
      if (row.status !== 'submitted')
        throw err('conflict', 'EVALUATION.NOT_SUBMITTED', `The results are ${row.status}`);
      // What is confirmed is what was read: results submitted again since answer 412, and are read again.
      if (
        decision === 'confirm' &&
        new Date(row.submittedAt).toISOString() !== new Date(seenSubmittedAt!).toISOString()
      ) {
        throw err(
          'precondition_failed',
          'EVALUATION.CHANGED',
          'The results changed since you read them: read them again',
          {
            submittedAt: new Date(row.submittedAt).toISOString(),
          },
        );
      }
      await tx.getRepository(ClusterEvaluationEntity).update(
        { clusterId, year, organizationId },
        {
          status: decision === 'confirm' ? 'confirmed' : 'returned',
          note: note ?? null,
          reviewedBy: principal.userId,
          reviewedAt: new Date(),
        },
      );
      return this.evaluationsView(tx, clusterId, year, agreement.criteria);
    });
  }

  async evaluations(principal: Principal, clusterId: string, year: number) {
    const ctx = await this.context(principal, clusterId, year);
    this.assertMayRead(ctx, ctx.leads(year));
    const agreement = await this.current(this.dataSource.manager, clusterId, year);
    return this.evaluationsView(this.dataSource.manager, clusterId, year, agreement.criteria);
  }

  private async evaluationsView(tx: EntityManager, clusterId: string, year: number, criteria: Criterion[]) {
    const rows = await tx.getRepository(ClusterEvaluationEntity).find({ where: { clusterId, year } });
    const orgs = await this.organizations.views(rows.map((r) => r.organizationId));
    return rows
      .map((r) => ({
        organization: {
          id: r.organizationId,
          nameVi: orgs.get(r.organizationId)?.nameVi,
          nameEn: orgs.get(r.organizationId)?.nameEn,
        },
        scores: r.scores,
        total: weightedTotal(criteria, r.scores),
        status: r.status,
        note: r.note,
        submittedAt: new Date(r.submittedAt).toISOString(),
      }))
      .sort((a, b) => b.total - a.total);
  }

  /** The weighted ranking of the confirmed results; equal totals share a rank. */
  async ranking(principal: Principal, clusterId: string, year: number) {
    const ctx = await this.context(principal, clusterId, year);
    this.assertMayRead(ctx, ctx.leads(year) || ctx.leads(year + 1));
    const agreement = await this.current(this.dataSource.manager, clusterId, year);
    const rows = await this.dataSource
      .getRepository(ClusterEvaluationEntity)
      .find({ where: { clusterId, year, status: 'confirmed' } });
    const ranked = rank(agreement.criteria, rows);
    const orgs = await this.organizations.views(ranked.map((r) => r.organizationId));
    const pending = ctx.members.filter((m) => !rows.some((r) => r.organizationId === m));
    return {
      clusterId,
      year,
      criteria: agreement.criteria,
      ranking: ranked.map((r) => ({
        rank: r.rank,
        tied: ranked.filter((x) => x.rank === r.rank).length > 1,
        total: r.total,
        organization: {
          id: r.organizationId,
          nameVi: orgs.get(r.organizationId)?.nameVi,
          nameEn: orgs.get(r.organizationId)?.nameEn,
        },
      })),
      pendingOrganizationIds: pending,
    };
  }

  /**
   * The year's leadership as the results of the year before propose it (see `leadershipResult`): the outgoing
   * leadership may install exactly this leader; the conference chooses the deputies among the members.
   */
  async proposeLeadership(principal: Principal, clusterId: string, year: number) {
    const ctx = await this.context(principal, clusterId, year - 1);
    this.assertMayRead(ctx, ctx.leads(year - 1) || ctx.leads(year));
    return leadershipResult(this.dataSource.manager, clusterId, year);
  }
}
