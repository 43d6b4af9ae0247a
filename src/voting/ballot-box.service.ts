import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { VotingSessionContext } from '../../workflows/voting-session.machine';
import type { Principal } from '../auth/principal';
import type { Standing } from '../organizations/standing.service';
import { AppConfig } from '../config/config';
import { ClusterSeats } from '../organizations/cluster-seats.service';
import { canonicalJson } from '../engine/canonical-json';
import { sql } from '../engine/sql';
import { WorkflowEngine } from '../engine/workflow-engine.service';
import { openBallot, sealBallot, sealedSize, sessionKey } from './ballot-seal';
import { resolveBallotSecret } from './ballot-secret';
import type { Ballot } from './tally';
import { VotingAccess } from './voting-access.service';
import type { VotingSessionEntity } from './voting.entities';
import { VotingErrors } from './voting.errors';

const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

function receiptCode(): string {
  return Array.from(randomBytes(10), (b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]).join('');
}

export interface BallotChoice {
  awardType: string;
  nominationIds: string[];
}

/**
 * The ballot box. A ballot is sealed (AES-256-GCM, with a key that never enters the database) and written in the
 * transaction that records its organisation's turnout: a reader of the tables can see that a sealed ballot and a
 * turnout row belong together (they share a transaction id), but not what the ballot says or which receipt it
 * carries. At the close the round's ballots are opened, the sealed rows deleted, and the ballots and receipts
 * published in one statement each, ordered by their content, so no transaction id, physical order, time or
 * sequence links an opened ballot or a receipt to the sealed ballot it came from, nor to its voter.
 */
@Injectable()
export class BallotBox {
  private readonly secret: Buffer;

  constructor(
    config: AppConfig,
    private readonly engine: WorkflowEngine,
    private readonly access: VotingAccess,
    private readonly seats: ClusterSeats,
  ) {
    this.secret = resolveBallotSecret(config);
  }

  /** Casts the ballot of the caller's organisation in the current round and returns only its receipt code. */
  async cast(principal: Principal, id: string, choices: BallotChoice[]) {
    if (principal.role !== 'CLUSTER_VOTER') throw VotingErrors.notVoter();
    return this.engine.transaction(async (tx) => {
      // A delegate of an organisation that has ended learns why it cannot vote: the merger and its successor.
      if (!(await this.access.standing(principal, tx)).orgActive) {
        throw await this.seats.endedError(principal.organizationId, tx);
      }
      const { session, standing } = await this.access.visible(principal, id, tx);
      // The seats the caller's organisation holds: its own, and in an electorate fixed before a merger those of the
      // members it succeeded.
      const seats = [
        standing.organizationId,
        ...standing.orgIds.filter((o) => o !== standing.organizationId),
      ].filter((o) => session.eligibleOrgIds.includes(o));
      if (seats.length === 0) throw VotingErrors.notEligible();
      // Lock the session: ballots and the close of the round are serialised.
      const [row] = (await tx.query(
        `SELECT state, snapshot FROM workflow_instances WHERE id = $1 FOR UPDATE`,
        [id],
      )) as { state: string; snapshot: { context: VotingSessionContext } }[];
      const context = row.snapshot.context;
      if (
        row.state !== 'open' ||
        (context.round === 1 && session.closesAt && session.closesAt.getTime() <= Date.now())
      ) {
        throw VotingErrors.notOpen(row.state);
      }
      // Each ballot fills the first of those seats that has not voted in this round, its own first.
      let voterOrg = seats[0];
      if (seats.length > 1) {
        const voted = new Set(
          (
            (await tx.query(
              `SELECT organization_id FROM voting_turnout WHERE session_id = $1 AND round = $2 AND organization_id = ANY($3::uuid[])`,
              [id, context.round, seats],
            )) as { organization_id: string }[]
          ).map((r) => r.organization_id),
        );
        voterOrg = seats.find((o) => !voted.has(o)) ?? seats[0];
      }
      const ballot = await this.validate(tx, session, context, standing, choices);
      const receipt = receiptCode();
      const sealed = sealBallot(
        sessionKey(this.secret, id),
        id,
        context.round,
        { choices: ballot, receipt },
        this.size(context),
      );
      // Turnout and the sealed ballot in one statement: both or neither, so a ballot counts exactly once.
      const { rows } = await sql(
        tx,
        `WITH turnout AS (
           INSERT INTO voting_turnout (session_id, round, organization_id) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING 1)
         INSERT INTO voting_sealed_ballots (id, session_id, round, sealed)
         SELECT $4, $1, $2, $5 FROM turnout RETURNING 1`,
        [id, context.round, voterOrg, randomUUID(), sealed],
      );
      if (rows.length === 0) throw VotingErrors.alreadyVoted();
      await tx.query(`SELECT pg_notify('thidua_turnout', $1)`, [id]);
      return { receipt, round: context.round };
    });
  }

  /**
   * Opens the round's sealed ballots at its close, deletes them, and publishes the ballots and the receipts, each
   * set in one statement ordered by content. Returns the ballots for the tally.
   */
  async openRound(tx: EntityManager, sessionId: string, round: number): Promise<Ballot[]> {
    const key = sessionKey(this.secret, sessionId);
    const { rows: sealed } = await sql<{ sealed: Buffer }>(
      tx,
      `DELETE FROM voting_sealed_ballots WHERE session_id = $1 AND round = $2 RETURNING sealed`,
      [sessionId, round],
    );
    const opened = sealed.map((s) => {
      try {
        return openBallot(key, sessionId, round, s.sealed);
      } catch {
        throw VotingErrors.ballotsUnreadable();
      }
    });
    // Ballots and receipts an earlier version stored unsealed while the round was open join the set, which is
    // rewritten whole.
    const { rows: published } = await sql<{ choices: Record<string, string[]> }>(
      tx,
      `DELETE FROM voting_ballots WHERE session_id = $1 AND round = $2 RETURNING choices`,
      [sessionId, round],
    );
    const { rows: receipts } = await sql<{ code: string }>(
      tx,
      `DELETE FROM voting_receipts WHERE session_id = $1 AND round = $2 RETURNING code`,
      [sessionId, round],
    );
    const ballots = [...published, ...opened.map((o) => ({ choices: o.choices }))]
      .map((b) => ({ b, key: canonicalJson(b.choices) }))
      .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .map(({ b }) => b);
    const codes = [...receipts.map((r) => r.code), ...opened.map((o) => o.receipt)].sort();
    if (ballots.length > 0) {
      await tx.query(
        `INSERT INTO voting_ballots (id, session_id, round, choices)
         SELECT gen_random_uuid(), $1, $2, c FROM unnest($3::jsonb[]) WITH ORDINALITY AS b(c, n) ORDER BY n`,
        [sessionId, round, ballots.map((b) => JSON.stringify(b.choices))],
      );
    }
    if (codes.length > 0) {
      await tx.query(
        `INSERT INTO voting_receipts (session_id, round, code)
         SELECT $1, $2, c FROM unnest($3::varchar[]) WITH ORDINALITY AS r(c, n) ORDER BY n`,
        [sessionId, round, codes],
      );
    }
    return ballots;
  }

  /** The padded size of the round's sealed ballots, from its candidates only. */
  private size(context: VotingSessionContext): number {
    const counts: Record<string, number> = {};
    for (const c of context.roundCandidates) counts[c.awardType] = (counts[c.awardType] ?? 0) + 1;
    return sealedSize(counts);
  }

  private async validate(
    tx: EntityManager,
    session: VotingSessionEntity,
    context: VotingSessionContext,
    standing: Standing,
    choices: BallotChoice[],
  ): Promise<Record<string, string[]>> {
    const ballot: Record<string, string[]> = {};
    const last = context.results.at(-1);
    for (const item of session.items) {
      if (context.roundCandidates.some((c) => c.awardType === item.awardType)) ballot[item.awardType] = [];
    }
    // The caller's own candidates among the round's, read for every ballot whatever it chooses: the work done
    // must not depend on the ballot's content (statistics views would show it).
    const own = new Set(
      (
        (await tx.query(
          `SELECT id FROM nominations WHERE id = ANY($1::uuid[]) AND nominating_org_id = ANY($2::uuid[])`,
          [context.roundCandidates.map((c) => c.nominationId), standing.orgIds],
        )) as { id: string }[]
      ).map((r) => r.id),
    );
    const seenAwards = new Set<string>();
    for (const choice of choices) {
      if (!(choice.awardType in ballot)) {
        throw VotingErrors.invalid('UNKNOWN_AWARD', `${choice.awardType} is not voted on in this round`);
      }
      if (seenAwards.has(choice.awardType))
        throw VotingErrors.invalid('DUPLICATE_AWARD', 'Each award appears once in a ballot');
      seenAwards.add(choice.awardType);
      const ids = [...new Set(choice.nominationIds)];
      if (ids.length !== choice.nominationIds.length)
        throw VotingErrors.invalid('DUPLICATE_CHOICE', 'A candidate is chosen once');
      const allowed = context.roundCandidates
        .filter((c) => c.awardType === choice.awardType)
        .map((c) => c.nominationId);
      const strangers = ids.filter((n) => !allowed.includes(n));
      if (strangers.length > 0)
        throw VotingErrors.invalid('NOT_A_CANDIDATE', 'Only this round’s candidates can be chosen', {
          nominationIds: strangers,
        });
      const item = session.items.find((i) => i.awardType === choice.awardType)!;
      const places =
        context.round > 1
          ? (last?.runoff.find((r) => r.awardType === choice.awardType)?.places ?? item.quota)
          : item.quota;
      if (ids.length > places) {
        throw VotingErrors.invalid('TOO_MANY_CHOICES', `At most ${places} for ${choice.awardType}`, {
          awardType: choice.awardType,
          places,
        });
      }
      if (!item.rules.selfVote && ids.some((n) => own.has(n))) {
        throw VotingErrors.invalid(
          'SELF_VOTE_NOT_ALLOWED',
          'The policy does not allow voting for your own candidate',
        );
      }
      ballot[choice.awardType] = ids.sort();
    }
    return ballot;
  }
}
