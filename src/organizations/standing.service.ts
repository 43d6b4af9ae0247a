import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { Role } from '../auth/roles';
import { ChangeBus } from '../database/change-bus.service';
import { OrganizationsService } from './organizations.service';

/** What the server knows of the caller's organisation, for scope and access decisions. */
export interface Standing {
  role: Role;
  organizationId: string;
  /** The caller's organisation and its predecessors (through mergers). */
  orgIds: string[];
  /** Those plus every organisation under them (for provincial approvers). */
  governedOrgIds: string[];
  /** Cluster-years the caller's organisation (or a predecessor) leads or deputises. */
  ledClusterYears: { clusterId: string; year: number }[];
  /** Clusters the caller's organisation belongs to, by year. */
  memberships: { clusterId: string; year: number }[];
  /** False when the caller's organisation has ended (merged): it may read but not act. */
  orgActive: boolean;
}

// Changes reach every process through the change bus at once; the age limit only bounds how long an entry lives.
const TTL_MS = 5 * 60_000;

/**
 * Computes a caller's standing from the organisation tables. Cached per organisation: it is read on every
 * request and changes rarely (a merger, a new leadership); any change clears the cache of every process through
 * the change bus, and nothing is cached while the bus is disconnected.
 */
@Injectable()
export class StandingService {
  private readonly cache = new Map<string, { at: number; value: Promise<Omit<Standing, 'role'>> }>();

  constructor(
    private readonly organizations: OrganizationsService,
    private readonly bus: ChangeBus,
  ) {
    organizations.onChange(() => this.invalidate());
  }

  /**
   * The caller's standing. Inside a transaction pass its manager: a cold cache is then filled through the
   * transaction's own connection, never by waiting for a second pooled connection while holding one (under a
   * burst every connection would be held by a transaction waiting for another: a pool deadlock).
   */
  async of(principal: Pick<Principal, 'role' | 'organizationId'>, tx?: EntityManager): Promise<Standing> {
    const cached = this.bus.reliable ? this.cache.get(principal.organizationId) : undefined;
    let value = cached && Date.now() - cached.at < TTL_MS ? cached.value : undefined;
    if (!value) {
      const mark = this.bus.mark('organizations');
      const at = Date.now();
      const computed = this.compute(principal.organizationId, tx);
      // Inside a transaction the value is used only by its caller until it resolved on that connection.
      value = tx ? Promise.resolve(await computed) : computed;
      this.cache.set(principal.organizationId, { at, value });
      value.then(
        () => {
          if (!this.bus.fresh('organizations', mark)) this.forget(principal.organizationId, value!);
        },
        () => this.forget(principal.organizationId, value!),
      );
    }
    return { role: principal.role, ...(await value) };
  }

  private forget(organizationId: string, value: Promise<unknown>): void {
    if (this.cache.get(organizationId)?.value === value) this.cache.delete(organizationId);
  }

  invalidate(): void {
    this.cache.clear();
  }

  private async compute(organizationId: string, tx?: EntityManager): Promise<Omit<Standing, 'role'>> {
    const org = await this.organizations.get(organizationId, tx);
    const orgIds = await this.organizations.lineage(organizationId, tx);
    const descendants: string[] = [];
    for (const id of orgIds) descendants.push(...(await this.organizations.descendants(id, tx)));
    const clusters = await this.organizations.clustersOf(orgIds, tx);
    return {
      organizationId,
      orgIds,
      governedOrgIds: [...new Set([...orgIds, ...descendants])],
      ledClusterYears: clusters
        .filter((c) => c.role !== 'member')
        .map(({ clusterId, year }) => ({ clusterId, year })),
      memberships: clusters.map(({ clusterId, year }) => ({ clusterId, year })),
      orgActive: this.organizations.isActive(org),
    };
  }
}
