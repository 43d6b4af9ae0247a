import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { finalResults, type VotingSessionContext } from '../../workflows/voting-session.machine';

/**
 * A cluster's quota is for its year: the places its sessions of the same year and award have filled (certified)
 * or hold (tallied, or in a run-off, not yet certified) count against the next session. Places of a nomination
 * withdrawn after its selection are free again.
 */
@Injectable()
export class VotingPlaces {
  /** Serialises the tallies and creations of one cluster, year and award: two cannot both take the last place. */
  async lock(tx: EntityManager, clusterId: string, year: number, awardType: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `places:${clusterId}:${awardType}:${year}`,
    ]);
  }

  /** Places of the award taken by the cluster's other sessions of the year. */
  async taken(
    tx: EntityManager,
    session: { id?: string; clusterId: string; year: number },
    awardType: string,
  ): Promise<number> {
    const rows = (await tx.query(
      `SELECT w.state, w.snapshot FROM voting_sessions s JOIN workflow_instances w ON w.id = s.id
        WHERE s.cluster_id = $1 AND s.year = $2 AND ($3::uuid IS NULL OR s.id <> $3)
          AND (w.state IN ('certified', 'tallied') OR (w.state IN ('open', 'closed') AND (w.snapshot->'context'->>'round')::int > 1))`,
      [session.clusterId, session.year, session.id ?? null],
    )) as { state: string; snapshot: { context: VotingSessionContext } }[];
    const selected: string[] = [];
    let pending = 0;
    for (const row of rows) {
      const context = row.snapshot.context;
      for (const r of finalResults(context)) {
        if (r.awardType === awardType && r.selected) selected.push(r.nominationId);
      }
      if (row.state !== 'certified') {
        pending += context.results.at(-1)?.runoff.find((r) => r.awardType === awardType)?.places ?? 0;
      }
    }
    if (selected.length === 0) return pending;
    const [{ withdrawn }] = (await tx.query(
      `SELECT count(*)::int AS withdrawn FROM nominations WHERE id = ANY($1::uuid[]) AND state = 'withdrawn'`,
      [selected],
    )) as { withdrawn: number }[];
    return selected.length - withdrawn + pending;
  }
}
