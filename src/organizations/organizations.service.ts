import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ClusterMembershipEntity, type ClusterRole } from './cluster-membership.entity';
import { OrganizationEntity, type OrganizationKind } from './organization.entity';
import { OrganizationErrors } from './organizations.errors';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { isCentral } from '../auth/roles';
import { DomainError } from '../common/errors';
import { ChangeBus } from '../database/change-bus.service';
import type { Standing } from './standing.service';

export interface OrganizationView {
  id: string;
  code: string;
  kind: OrganizationKind;
  nameVi: string;
  nameEn: string;
  provinceCode: number | null;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  active: boolean;
}

// A type, not an interface: it is stored as an audit entry's JSON (`Record<string, unknown>`).
export type Composition = {
  leader: { id: string; name: string } | null;
  deputies: { id: string; name: string }[];
  members: { id: string; name: string }[];
};

export interface ClusterYearView {
  cluster: OrganizationView;
  year: number;
  leader: OrganizationView | null;
  deputies: OrganizationView[];
  members: OrganizationView[];
}

const compositionOfView = (v: ClusterYearView): Composition => {
  const named = (o: OrganizationView) => ({ id: o.id, name: o.nameVi });
  return {
    leader: v.leader && named(v.leader),
    deputies: v.deputies.map(named),
    members: v.members.map(named),
  };
};

const clusterYearNotFound = () =>
  new DomainError('not_found', 'CLUSTER.NOT_FOUND', 'No such cluster year among yours');

/**
 * Who may read a cluster-year (its members, leadership, agreement, results): the organisations that belong to it
 * that year and their successors (`orgIds` holds the caller's predecessors), and the central bodies.
 */
export function maySeeClusterYear(standing: Pick<Standing, 'role' | 'orgIds'>, memberIds: string[]): boolean {
  return isCentral(standing.role) || standing.orgIds.some((o) => memberIds.includes(o));
}

const today = () => new Date().toISOString().slice(0, 10);
// Changes reach every process through the change bus; the age limit only bounds memory held by old rows.
const ROW_CACHE_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toOrganizationView(o: OrganizationEntity, at = today()): OrganizationView {
  return {
    id: o.id,
    code: o.code,
    kind: o.kind,
    nameVi: o.nameVi,
    nameEn: o.nameEn,
    provinceCode: o.provinceCode,
    parentId: o.parentId,
    validFrom: o.validFrom,
    validTo: o.validTo,
    successorId: o.successorId,
    active: o.validFrom <= at && (o.validTo === null || o.validTo >= at),
  };
}

/** Organisations, their succession (mergers) and the yearly membership and leadership of clusters. */
@Injectable()
export class OrganizationsService {
  private readonly listeners: (() => void)[] = [];
  /** Organisation rows by id, for the views of every response; cleared by any change made here. */
  private readonly rows = new Map<string, { at: number; entity: OrganizationEntity }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: ChangeBus,
    private readonly audit: AuditService,
  ) {
    // A change made by any process (this one included) clears every cache that depends on organisations.
    bus.subscribe('organizations', () => {
      for (const listener of this.listeners) listener();
    });
    this.onChange(() => this.rows.clear());
  }

  /** Called after any change of succession, membership or leadership (caches depend on them). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Announces a change; inside the transaction that makes it, the other processes hear of it on commit. */
  private async changed(tx?: EntityManager): Promise<void> {
    await this.bus.publish('organizations', null, tx);
  }

  private repo(tx?: EntityManager) {
    return (tx ?? this.dataSource.manager).getRepository(OrganizationEntity);
  }

  async get(id: string, tx?: EntityManager): Promise<OrganizationEntity> {
    if (!UUID.test(id)) throw OrganizationErrors.notFound(id);
    const found = await this.repo(tx).findOneBy({ id });
    if (!found) throw OrganizationErrors.notFound(id);
    return found;
  }

  async view(id: string): Promise<OrganizationView> {
    return toOrganizationView(await this.get(id));
  }

  /**
   * Views of these organisations, from rows cached for a few seconds (they are read by every response and change
   * rarely, through this service, which clears the cache). Pass `tx` inside a transaction, so that a miss is read
   * on its connection rather than a second one from the pool.
   */
  async views(ids: string[], tx?: EntityManager): Promise<Map<string, OrganizationView>> {
    const unique = [...new Set(ids)].filter((id) => UUID.test(id));
    if (unique.length === 0) return new Map();
    const now = Date.now();
    const found = new Map<string, OrganizationEntity>();
    const missing: string[] = [];
    for (const id of unique) {
      const cached = this.bus.reliable ? this.rows.get(id) : undefined;
      if (cached && now - cached.at < ROW_CACHE_MS) found.set(id, cached.entity);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const mark = this.bus.mark('organizations');
      const rows = await this.repo(tx)
        .createQueryBuilder('o')
        .where('o.id = ANY(:ids)', { ids: missing })
        .getMany();
      const keep = this.bus.fresh('organizations', mark);
      for (const o of rows) {
        found.set(o.id, o);
        if (keep) this.rows.set(o.id, { at: now, entity: o });
      }
    }
    const views = new Map<string, OrganizationView>();
    for (const id of unique) {
      const entity = found.get(id);
      if (entity) views.set(id, toOrganizationView(entity));
    }
    return views;
  }

  async list(filter: { kind?: OrganizationKind; includeEnded?: boolean }): Promise<OrganizationView[]> {
    const qb = this.repo().createQueryBuilder('o').orderBy('o.kind').addOrderBy('o.name_vi');
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (!filter.includeEnded) qb.andWhere('(o.valid_to IS NULL OR o.valid_to >= :today)', { today: today() });
    return (await qb.getMany()).map((o) => toOrganizationView(o));
  }

  async create(
    actor: Principal,
    input: {
      code: string;
      kind: OrganizationKind;
      nameVi: string;
      nameEn: string;
      provinceCode?: number;
      parentId?: string;
      validFrom?: string;
    },
  ): Promise<OrganizationView> {
    return this.dataSource.transaction(async (tx) => {
      const parent = input.parentId ? await this.get(input.parentId, tx) : null;
      // Serialises creations of one code, so that the second answers CODE_TAKEN rather than a unique violation.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`organization:${input.code}`]);
      const exists = await this.repo(tx).findOneBy({ code: input.code });
      if (exists) throw OrganizationErrors.codeTaken(input.code);
      const entity = this.repo(tx).create({
        id: randomUUID(),
        code: input.code,
        kind: input.kind,
        nameVi: input.nameVi,
        nameEn: input.nameEn,
        provinceCode: input.provinceCode ?? null,
        parentId: input.parentId ?? null,
        validFrom: input.validFrom ?? today(),
        validTo: null,
        successorId: null,
      });
      await this.repo(tx).insert(entity);
      const view = toOrganizationView(entity);
      await this.audit.record(tx, {
        actor,
        action: 'organization.create',
        targetType: 'organization',
        targetId: entity.id,
        after: {
          code: view.code,
          kind: view.kind,
          nameVi: view.nameVi,
          nameEn: view.nameEn,
          provinceCode: view.provinceCode,
          parent: parent && { id: parent.id, name: parent.nameVi },
          validFrom: view.validFrom,
        },
      });
      await this.changed(tx);
      return view;
    });
  }

  /**
   * Ends an organisation on the day before `effectiveDate` and makes `successorId` its heir: the successor's
   * people can then read and continue its open work. Nothing is deleted and history keeps the original names.
   */
  async merge(
    actor: Principal,
    id: string,
    successorId: string,
    effectiveDate: string,
  ): Promise<OrganizationView> {
    return this.dataSource.transaction(async (tx) => {
      const org = await this.repo(tx)
        .createQueryBuilder('o')
        .setLock('pessimistic_write')
        .where('o.id = :id', { id: UUID.test(id) ? id : '00000000-0000-0000-0000-000000000000' })
        .getOne();
      if (!org) throw OrganizationErrors.notFound(id);
      if (org.validTo !== null || org.successorId !== null) throw OrganizationErrors.alreadyEnded(id);
      if (successorId === id)
        throw OrganizationErrors.invalidSuccessor('an organisation cannot succeed itself');
      const successor = await this.get(successorId, tx).catch((error: unknown) => {
        if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
        throw OrganizationErrors.invalidSuccessor(`no organisation ${successorId}`);
      });
      if (successor.validTo !== null && successor.validTo < effectiveDate) {
        throw OrganizationErrors.invalidSuccessor('the successor has itself ended');
      }
      if (effectiveDate <= org.validFrom) {
        throw OrganizationErrors.invalidSuccessor('the merger must take effect after the organisation began');
      }
      if ((await this.lineage(id, tx)).includes(successorId)) {
        throw OrganizationErrors.invalidSuccessor('the successor is one of its predecessors');
      }
      const dayBefore = new Date(Date.parse(`${effectiveDate}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      await this.repo(tx).update({ id }, { validTo: dayBefore, successorId });
      const after = toOrganizationView({ ...org, validTo: dayBefore, successorId }, today());
      await this.audit.record(tx, {
        actor,
        action: 'organization.merge',
        targetType: 'organization',
        targetId: id,
        before: { name: org.nameVi, validTo: org.validTo, successor: null },
        after: {
          name: org.nameVi,
          validTo: dayBefore,
          successor: { id: successorId, code: successor.code, name: successor.nameVi },
          effectiveDate,
        },
      });
      await this.changed(tx);
      return after;
    });
  }

  /** For each ended organisation, the organisation that continues its work now (the end of its successor chain). */
  async heirs(ids: string[], tx?: EntityManager): Promise<Map<string, OrganizationView>> {
    const unique = [...new Set(ids)].filter((id) => UUID.test(id));
    if (unique.length === 0) return new Map();
    const rows = (await (tx ?? this.dataSource.manager).query(
      `WITH RECURSIVE chain(origin, id, depth) AS (
         SELECT id, successor_id, 1 FROM organizations WHERE id = ANY($1::uuid[]) AND successor_id IS NOT NULL
         UNION ALL
         SELECT c.origin, o.successor_id, c.depth + 1 FROM chain c JOIN organizations o ON o.id = c.id
          WHERE o.successor_id IS NOT NULL AND c.depth < 32)
       SELECT DISTINCT ON (origin) origin, id FROM chain ORDER BY origin, depth DESC`,
      [unique],
    )) as { origin: string; id: string }[];
    const views = await this.views(
      rows.map((r) => r.id),
      tx,
    );
    return new Map(rows.filter((r) => views.has(r.id)).map((r) => [r.origin, views.get(r.id)!]));
  }

  /** The members of a fixed electorate that have ended since, with the organisation that continues each. */
  async electorateChanges(eligibleOrgIds: string[], tx?: EntityManager) {
    const orgs = await this.views(eligibleOrgIds, tx);
    const ended = eligibleOrgIds.filter((id) => orgs.get(id)?.successorId && !orgs.get(id)?.active);
    const heirs = await this.heirs(ended, tx);
    return ended
      .filter((id) => heirs.has(id))
      .map((id) => {
        const o = orgs.get(id)!;
        const h = heirs.get(id)!;
        return {
          organization: { id, nameVi: o.nameVi, nameEn: o.nameEn },
          endedOn: o.validTo,
          successor: { id: h.id, nameVi: h.nameVi, nameEn: h.nameEn },
        };
      });
  }
  /** The organisation and all its predecessors (through mergers): whose work its people may see and continue. */
  async lineage(id: string, tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (tx ?? this.dataSource.manager).query(
      `WITH RECURSIVE l(id) AS (
         SELECT id FROM organizations WHERE id = $1
         UNION SELECT o.id FROM organizations o JOIN l ON o.successor_id = l.id)
       SELECT id FROM l`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  /** The organisations under this one (its departments), with their lineages. */
  async descendants(id: string, tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (tx ?? this.dataSource.manager).query(
      `WITH RECURSIVE d(id) AS (
         SELECT o.id FROM organizations o WHERE o.parent_id = $1
         UNION SELECT o.id FROM organizations o JOIN d ON o.parent_id = d.id OR o.successor_id = d.id)
       SELECT id FROM d`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  async membership(clusterId: string, year: number, tx?: EntityManager): Promise<ClusterMembershipEntity[]> {
    return (tx ?? this.dataSource.manager)
      .getRepository(ClusterMembershipEntity)
      .find({ where: { clusterId, year }, order: { role: 'ASC' } });
  }

  /**
   * Locks a cluster-year for a change of its members or leadership and returns its memberships: writers of one
   * cluster-year run one after the other, each deciding on what the one before committed. The advisory lock
   * covers a year without rows yet; the row locks also hold off any writer that does not take it.
   */
  async lockClusterYear(
    tx: EntityManager,
    clusterId: string,
    year: number,
  ): Promise<ClusterMembershipEntity[]> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `cluster-year:${clusterId}:${year}`,
    ]);
    const rows = (await tx.query(
      `SELECT organization_id, role FROM cluster_memberships WHERE cluster_id = $1 AND year = $2
        ORDER BY organization_id FOR UPDATE`,
      [clusterId, year],
    )) as { organization_id: string; role: ClusterRole }[];
    return rows.map((r) => ({ clusterId, year, organizationId: r.organization_id, role: r.role }));
  }

  /** A cluster's members, leader and deputies in a year, unscoped: callers check who may read it. */
  async clusterYear(clusterId: string, year: number, tx?: EntityManager): Promise<ClusterYearView> {
    const cluster = await this.getCluster(clusterId, tx);
    const members = await this.membership(clusterId, year, tx);
    const views = await this.views(
      members.map((m) => m.organizationId),
      tx,
    );
    const pick = (role: ClusterRole) =>
      members.filter((m) => m.role === role).map((m) => views.get(m.organizationId)!);
    return {
      cluster: toOrganizationView(cluster),
      year,
      leader: pick('leader')[0] ?? null,
      deputies: pick('deputy'),
      members: members
        .map((m) => views.get(m.organizationId)!)
        .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi')),
    };
  }

  /**
   * The cluster-year as `standing` may read it: its members (and, through mergers, their successors) — the
   * leadership is among them — and the central bodies. Anybody else is told it does not exist.
   */
  async clusterYearFor(standing: Standing, clusterId: string, year: number): Promise<ClusterYearView> {
    const view = await this.clusterYear(clusterId, year);
    if (
      !maySeeClusterYear(
        standing,
        view.members.map((m) => m.id),
      )
    )
      throw clusterYearNotFound();
    return view;
  }

  async getCluster(clusterId: string, tx?: EntityManager): Promise<OrganizationEntity> {
    const cluster = await this.get(clusterId, tx);
    if (cluster.kind !== 'cluster' && cluster.kind !== 'block')
      throw OrganizationErrors.notACluster(clusterId);
    return cluster;
  }

  /** The clusters (and years) an organisation belongs to. */
  async clustersOf(
    orgIds: string[],
    tx?: EntityManager,
  ): Promise<{ clusterId: string; year: number; role: ClusterRole }[]> {
    const rows: { cluster_id: string; year: number; role: ClusterRole }[] = await (
      tx ?? this.dataSource.manager
    ).query(
      `SELECT cluster_id, year, role FROM cluster_memberships WHERE organization_id = ANY($1::uuid[])`,
      [orgIds],
    );
    return rows.map((r) => ({ clusterId: r.cluster_id, year: r.year, role: r.role }));
  }

  /**
   * Replaces the members of a cluster for a year (the administrator's act), keeping the leadership of those who
   * stay; audited with the members and roles before and after.
   */
  async setMembers(
    actor: Principal,
    clusterId: string,
    year: number,
    organizationIds: string[],
  ): Promise<ClusterYearView> {
    const unique = [...new Set(organizationIds)];
    return this.dataSource.transaction(async (tx) => {
      await this.getCluster(clusterId, tx);
      const orgs = await this.views(unique, tx);
      const missing = unique.filter((id) => !orgs.has(id));
      if (missing.length > 0)
        throw OrganizationErrors.invalidMembers(`unknown organisations ${missing.join(', ')}`);
      if (unique.includes(clusterId))
        throw OrganizationErrors.invalidMembers('a cluster is not its own member');
      const current = await this.lockClusterYear(tx, clusterId, year);
      const before = await this.compositionOf(current, tx);
      const repo = tx.getRepository(ClusterMembershipEntity);
      const leaving = current.filter((m) => !unique.includes(m.organizationId));
      if (leaving.length > 0) {
        await tx.query(
          `DELETE FROM cluster_memberships WHERE cluster_id = $1 AND year = $2 AND organization_id = ANY($3::uuid[])`,
          [clusterId, year, leaving.map((m) => m.organizationId)],
        );
      }
      const joining = unique.filter((id) => !current.some((m) => m.organizationId === id));
      if (joining.length > 0) {
        await repo.insert(
          joining.map((organizationId) => ({ clusterId, year, organizationId, role: 'member' as const })),
        );
      }
      const after = await this.clusterYear(clusterId, year, tx);
      await this.audit.record(tx, {
        actor,
        action: 'cluster.members.set',
        targetType: 'clusterYear',
        targetId: `${clusterId}:${year}`,
        before,
        after: compositionOfView(after),
      });
      await this.changed(tx);
      return after;
    });
  }

  /** Who leads, deputises and belongs, by name, for an audit entry. */
  async compositionOf(rows: ClusterMembershipEntity[], tx?: EntityManager): Promise<Composition> {
    const views = await this.views(
      rows.map((r) => r.organizationId),
      tx,
    );
    const named = (id: string) => ({ id, name: views.get(id)?.nameVi ?? id });
    return {
      leader: rows.filter((r) => r.role === 'leader').map((r) => named(r.organizationId))[0] ?? null,
      deputies: rows.filter((r) => r.role === 'deputy').map((r) => named(r.organizationId)),
      members: rows.map((r) => named(r.organizationId)).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    };
  }

  /**
   * Makes `leaderId` the leader and `deputyIds` the deputies of a locked cluster-year (see `lockClusterYear`);
   * everybody else is a member. Who may do it is the caller's decision, taken in the same transaction.
   */
  async writeLeadership(
    tx: EntityManager,
    clusterId: string,
    year: number,
    leaderId: string,
    deputyIds: string[],
  ): Promise<void> {
    await tx.query(
      `UPDATE cluster_memberships
          SET role = CASE WHEN organization_id = $3 THEN 'leader'
                          WHEN organization_id = ANY($4::uuid[]) THEN 'deputy' ELSE 'member' END
        WHERE cluster_id = $1 AND year = $2`,
      [clusterId, year, leaderId, deputyIds],
    );
    await this.changed(tx);
  }

  isActive(org: OrganizationEntity, at = today()): boolean {
    return org.validFrom <= at && (org.validTo === null || org.validTo >= at);
  }
}
