import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TallyResult, VotingSessionContext } from '../../workflows/voting-session.machine';
import { SYSTEM_ACTOR } from '../engine/actor';
import { WorkflowEngine, type InstanceView } from '../engine/workflow-engine.service';
import { BallotBox } from './ballot-box.service';
import { quorumMet, required, tally, type TallyCandidate } from './tally';
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
  ) {}

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
    const result: TallyResult = tally({
      round: context.round,
      eligible,
      ballots,
      places:
        context.round > 1
          ? Object.fromEntries((last?.runoff ?? []).map((r) => [r.awardType, r.places]))
          : undefined,
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
