import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ClusterMembershipEntity, type ClusterRole } from './cluster-membership.entity';
import { OrganizationEntity, type OrganizationKind } from './organization.entity';
import { OrganizationErrors } from './organizations.errors';
import { DomainError } from '../common/errors';
import { ChangeBus } from '../database/change-bus.service';

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

export interface ClusterYearView {
  cluster: OrganizationView;
  year: number;
  leader: OrganizationView | null;
  deputies: OrganizationView[];
  members: OrganizationView[];
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

  private async changed(): Promise<void> {
    await this.bus.publish('organizations');
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

  async create(input: {
    code: string;
    kind: OrganizationKind;
    nameVi: string;
    nameEn: string;
    provinceCode?: number;
    parentId?: string;
    validFrom?: string;
  }): Promise<OrganizationView> {
    if (input.parentId) await this.get(input.parentId);
    const exists = await this.repo().findOneBy({ code: input.code });
    if (exists) throw OrganizationErrors.codeTaken(input.code);
    const entity = this.repo().create({
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
    await this.repo().insert(entity);
    await this.changed();
    return toOrganizationView(entity);
  }

  /**
   * Ends an organisation on the day before `effectiveDate` and makes `successorId` its heir: the successor's
   * people can then read and continue its open work. Nothing is deleted and history keeps the original names.
   */
  async merge(id: string, successorId: string, effectiveDate: string): Promise<OrganizationView> {
    return this.dataSource
      .transaction(async (tx) => {
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
          throw OrganizationErrors.invalidSuccessor(
            'the merger must take effect after the organisation began',
          );
        }
        if ((await this.lineage(id, tx)).includes(successorId)) {
          throw OrganizationErrors.invalidSuccessor('the successor is one of its predecessors');
        }
        const dayBefore = new Date(Date.parse(`${effectiveDate}T00:00:00Z`) - 86_400_000)
          .toISOString()
          .slice(0, 10);
        await this.repo(tx).update({ id }, { validTo: dayBefore, successorId });
        return toOrganizationView({ ...org, validTo: dayBefore, successorId }, today());
      })
      .finally(() => this.changed());
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

  /** The (cluster, year) pairs that any of these organisations leads or deputises. */
  async ledClusterYears(orgIds: string[]): Promise<{ clusterId: string; year: number }[]> {
    const rows: { cluster_id: string; year: number }[] = await this.dataSource.query(
      `SELECT cluster_id, year FROM cluster_memberships WHERE organization_id = ANY($1::uuid[]) AND role IN ('leader', 'deputy')`,
      [orgIds],
    );
    return rows.map((r) => ({ clusterId: r.cluster_id, year: r.year }));
  }

  async membership(clusterId: string, year: number, tx?: EntityManager): Promise<ClusterMembershipEntity[]> {
    return (tx ?? this.dataSource.manager)
      .getRepository(ClusterMembershipEntity)
      .find({ where: { clusterId, year }, order: { role: 'ASC' } });
  }

  async clusterYear(clusterId: string, year: number): Promise<ClusterYearView> {
    const cluster = await this.getCluster(clusterId);
    const members = await this.membership(clusterId, year);
    const views = await this.views(members.map((m) => m.organizationId));
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

  async getCluster(clusterId: string): Promise<OrganizationEntity> {
    const cluster = await this.get(clusterId);
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

  /** Replaces the members of a cluster for a year, keeping the leadership of those who stay. */
  async setMembers(clusterId: string, year: number, organizationIds: string[]): Promise<ClusterYearView> {
    await this.getCluster(clusterId);
    const unique = [...new Set(organizationIds)];
    const orgs = await this.views(unique);
    const missing = unique.filter((id) => !orgs.has(id));
    if (missing.length > 0)
      throw OrganizationErrors.invalidMembers(`unknown organisations ${missing.join(', ')}`);
    await this.dataSource.transaction(async (tx) => {
      const current = await this.membership(clusterId, year, tx);
      const repo = tx.getRepository(ClusterMembershipEntity);
      const leaving = current.filter((m) => !unique.includes(m.organizationId));
      if (leaving.length > 0) await repo.remove(leaving);
      const joining = unique.filter((id) => !current.some((m) => m.organizationId === id));
      if (joining.length > 0) {
        await repo.insert(
          joining.map((organizationId) => ({ clusterId, year, organizationId, role: 'member' as const })),
        );
      }
    });
    await this.changed();
    return this.clusterYear(clusterId, year);
  }

  /** Installs the leader and deputies of a cluster for a year; they must be members of that year. */
  async setLeadership(
    clusterId: string,
    year: number,
    leaderId: string,
    deputyIds: string[],
  ): Promise<ClusterYearView> {
    await this.getCluster(clusterId);
    if (deputyIds.includes(leaderId))
      throw OrganizationErrors.invalidMembers('the leader cannot also be a deputy');
    await this.dataSource.transaction(async (tx) => {
      const current = await this.membership(clusterId, year, tx);
      const ids = new Set(current.map((m) => m.organizationId));
      const outsiders = [leaderId, ...deputyIds].filter((id) => !ids.has(id));
      if (outsiders.length > 0) {
        throw OrganizationErrors.invalidMembers(`not members in ${year}: ${outsiders.join(', ')}`);
      }
      await tx.query(`UPDATE cluster_memberships SET role = 'member' WHERE cluster_id = $1 AND year = $2`, [
        clusterId,
        year,
      ]);
      await tx.query(
        `UPDATE cluster_memberships SET role = 'leader' WHERE cluster_id = $1 AND year = $2 AND organization_id = $3`,
        [clusterId, year, leaderId],
      );
      if (deputyIds.length > 0) {
        await tx.query(
          `UPDATE cluster_memberships SET role = 'deputy' WHERE cluster_id = $1 AND year = $2 AND organization_id = ANY($3::uuid[])`,
          [clusterId, year, deputyIds],
        );
      }
    });
    await this.changed();
    return this.clusterYear(clusterId, year);
  }

  isActive(org: OrganizationEntity, at = today()): boolean {
    return org.validFrom <= at && (org.validTo === null || org.validTo >= at);
  }
}
