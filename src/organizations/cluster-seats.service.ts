import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ClusterRole } from './cluster-membership.entity';
import { OrganizationErrors } from './organizations.errors';

export interface ClusterSeat {
  /** The organisation that holds the seat: the member itself, or its heir after a merger. */
  organizationId: string;
  role: ClusterRole;
  /** The recorded members whose seat this is (the holder itself, and the members it succeeded). */
  represents: string[];
}

const RANK: Record<ClusterRole, number> = { leader: 0, deputy: 1, member: 2 };
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * The seats of a cluster's year as of a day: a member that has ended (merged) is represented by its heir, one seat
 * per organisation, so electorates and quorums count the members that exist. What was recorded for the year stays
 * as it was (its history); the seats are what a new act of the year (a vote opened now) counts.
 */
@Injectable()
export class ClusterSeats {
  constructor(private readonly dataSource: DataSource) {}

  async of(clusterId: string, year: number, tx?: EntityManager, at = today()): Promise<ClusterSeat[]> {
    const rows = (await (tx ?? this.dataSource.manager).query(
      `WITH RECURSIVE heir(origin, id, role, depth) AS (
         SELECT organization_id, organization_id, role, 0 FROM cluster_memberships
          WHERE cluster_id = $1 AND year = $2
         UNION ALL
         SELECT h.origin, o.successor_id, h.role, h.depth + 1 FROM heir h JOIN organizations o ON o.id = h.id
          WHERE o.valid_to < $3::date AND o.successor_id IS NOT NULL AND h.depth < 32)
       SELECT DISTINCT ON (h.origin) h.origin, h.id, h.role, (o.valid_to IS NULL OR o.valid_to >= $3::date) AS active
         FROM heir h JOIN organizations o ON o.id = h.id
        ORDER BY h.origin, h.depth DESC`,
      [clusterId, year, at],
    )) as { origin: string; id: string; role: ClusterRole; active: boolean }[];
    const seats = new Map<string, ClusterSeat>();
    for (const r of rows.filter((x) => x.active)) {
      const seat = seats.get(r.id) ?? { organizationId: r.id, role: r.role, represents: [] };
      if (RANK[r.role] < RANK[seat.role]) seat.role = r.role;
      seat.represents.push(r.origin);
      seats.set(r.id, seat);
    }
    return [...seats.values()];
  }

  /**
   * The refusal for a person of an organisation that has ended: it names the merger and the successor, whose
   * people continue its work.
   */
  async endedError(organizationId: string, tx?: EntityManager) {
    const [row] = (await (tx ?? this.dataSource.manager).query(
      `SELECT o.name_vi, o.name_en, to_char(o.valid_to, 'YYYY-MM-DD') AS valid_to,
              s.id AS successor_id, s.name_vi AS successor_vi, s.name_en AS successor_en
         FROM organizations o LEFT JOIN organizations s ON s.id = o.successor_id WHERE o.id = $1`,
      [organizationId],
    )) as {
      name_vi: string;
      name_en: string;
      valid_to: string | null;
      successor_id: string | null;
      successor_vi: string | null;
      successor_en: string | null;
    }[];
    if (!row) return OrganizationErrors.ended();
    return OrganizationErrors.endedBy({
      organization: { id: organizationId, nameVi: row.name_vi, nameEn: row.name_en },
      endedOn: row.valid_to,
      successor: row.successor_id
        ? { id: row.successor_id, nameVi: row.successor_vi!, nameEn: row.successor_en! }
        : null,
    });
  }
}
