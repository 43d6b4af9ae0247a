import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  finalResults,
  type TallyResult,
  type VotingSessionContext,
} from '../../workflows/voting-session.machine';
import { SYSTEM_ACTOR } from '../engine/actor';
import { WorkflowEngine, type InstanceView } from '../engine/workflow-engine.service';
import { BallotBox } from './ballot-box.service';
import { quorumMet, required, tally, type TallyCandidate } from './tally';
import { VotingPlaces } from './voting-places.service';
import { VotingSessionEntity } from './voting.entities';
import { VotingErrors } from './voting.errors';

/**
 * When a session closes (by its leader or by its deadline) the round is tallied in the same transaction: the
 * quorum is checked, the ballot box opened, and the result sent to the session as TALLY (or NO_QUORUM).
 */
@Injectable()
export class VotingTally implements OnModuleInit {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly ballotBox: BallotBox,
    private readonly places: VotingPlaces,
  ) {}

  /** Places this session filled in its earlier rounds. */
  private selectedSoFar(context: VotingSessionContext, awardType: string): number {
    return context.round > 1
      ? finalResults(context).filter((r) => r.awardType === awardType && r.selected).length
      : 0;
  }

  onModuleInit(): void {
    this.engine.project('votingSession', async (tx, step) => {
      if (step.instance.state === 'closed') await this.tallyClosed(tx, step.instance);
      // A session that ends without a tally (cancelled, or closed by its deadline without a quorum) keeps no
      // sealed ballots: they would stay linked to their turnout rows, to be opened by whoever gets the secret.
      if (step.instance.state === 'cancelled' || step.instance.state === 'noQuorum') {
        await tx.query(`DELETE FROM voting_sealed_ballots WHERE session_id = $1`, [step.instance.id]);
      }
    });
  }

  private async tallyClosed(tx: EntityManager, instance: InstanceView): Promise<void> {
    const context = instance.context as unknown as VotingSessionContext;
    const session = await tx.getRepository(VotingSessionEntity).findOneByOrFail({ id: instance.id });
    const [{ turnout }] = (await tx.query(
      `SELECT count(*)::int AS turnout FROM voting_turnout WHERE session_id = $1 AND round = $2`,
      [instance.id, context.round],
    )) as { turnout: number }[];
    const eligible = session.eligibleOrgIds.length;
    const quorumShare = Math.max(...session.items.map((i) => i.rules.quorumShare));
    if (!quorumMet(turnout, eligible, quorumShare)) {
      if (context.closedBy === 'deadline') {
        await this.engine.sendIn(
          tx,
          instance.id,
          { type: 'NO_QUORUM', turnout, eligible },
          { actor: SYSTEM_ACTOR },
        );
        return;
      }
      throw VotingErrors.noQuorum(turnout, required(quorumShare, eligible, false));
    }
    const ballots = await this.ballotBox.openRound(tx, instance.id, context.round);
    const nominees = (await tx.query(
      `SELECT id, nominee_kind, nominee_gender, nominee_female_share FROM nominations WHERE id = ANY($1::uuid[])`,
      [context.roundCandidates.map((c) => c.nominationId)],
    )) as {
      id: string;
      nominee_kind: 'collective' | 'individual';
      nominee_gender: 'female' | 'male' | null;
      nominee_female_share: string | null;
    }[];
    const candidate = (id: string): TallyCandidate => {
      const n = nominees.find((x) => x.id === id)!;
      return {
        nominationId: id,
        nomineeKind: n.nominee_kind,
        gender: n.nominee_gender,
        femaleShare: n.nominee_female_share === null ? null : Number(n.nominee_female_share),
      };
    };
    const last = context.results.at(-1);
    // The places at stake: the round's own (the quota, or what a run-off is for), never more than the cluster has
    // left in the year after its other sessions — which may have been certified since this one was created.
    const places: Record<string, number> = {};
    for (const item of [...session.items].sort((a, b) => a.awardType.localeCompare(b.awardType))) {
      if (!context.roundCandidates.some((c) => c.awardType === item.awardType)) continue;
      await this.places.lock(tx, session.clusterId, session.year, item.awardType);
      const own =
        context.round > 1
          ? (last?.runoff.find((r) => r.awardType === item.awardType)?.places ?? 0)
          : item.quota;
      const left =
        item.yearQuota === undefined
          ? own
          : item.yearQuota -
            (await this.places.taken(tx, session, item.awardType)) -
            this.selectedSoFar(context, item.awardType);
      places[item.awardType] = Math.max(0, Math.min(own, left));
    }
    const result: TallyResult = tally({
      round: context.round,
      eligible,
      ballots,
      places,
      items: session.items
        .map((item) => ({
          awardType: item.awardType,
          quota: item.quota,
          rules: item.rules,
          tieBreak: item.tieBreak,
          candidates: context.roundCandidates
            .filter((c) => c.awardType === item.awardType)
            .map((c) => candidate(c.nominationId)),
        }))
        .filter((item) => item.candidates.length > 0),
    });
    await this.engine.sendIn(
      tx,
      instance.id,
      { type: 'TALLY', result, quorumMet: true },
      { actor: SYSTEM_ACTOR },
    );
  }
}
