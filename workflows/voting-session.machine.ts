import { assign, enqueueActions, setup } from 'xstate';
import type { WorkflowDefinition } from './definition';
import { effectActions } from './effects';

export interface SessionCandidate {
  nominationId: string;
  awardType: string;
}

/** A candidate's figures after the tally (public once tallied; ballots themselves never enter the machine). */
export interface CandidateResult {
  nominationId: string;
  awardType: string;
  approvals: number;
  share: number;
  rank: number;
  selected: boolean;
  /** Why a candidate is not selected: below the threshold, beyond the quota, or waiting for a run-off. */
  outcome: 'selected' | 'belowThreshold' | 'beyondQuota' | 'runoff';
  tieBreak?: string;
}

/** The ballots of an award in a round: issued (one per eligible member), received, valid, invalid and blank. */
export interface BallotCounts {
  awardType: string;
  issued: number;
  received: number;
  valid: number;
  invalid: number;
  blank: number;
  /** Approvals a candidate needed to pass (0 in a run-off, which only orders candidates that passed). */
  threshold: number;
  /** The places at stake in this round. */
  places: number;
}

/** What decided a candidate's place, in the round that decided it. */
export type DecidedBy = 'threshold' | 'tieBreak' | 'runoff' | 'belowThreshold' | 'beyondQuota' | 'runoffLost';

/** A candidate's final figures: those of the round that decided its place, with every round it took part in. */
export interface FinalResult extends CandidateResult {
  round: number;
  decidedBy: DecidedBy;
  rounds: { round: number; approvals: number; share: number }[];
}

export interface TallyResult {
  round: number;
  turnout: number;
  eligible: number;
  candidates: CandidateResult[];
  /** Candidates that must meet again, per award, and how many places are left for them. */
  runoff: { awardType: string; nominationIds: string[]; places: number }[];
  /** Per award (absent from results tallied before they were counted). */
  ballots?: BallotCounts[];
}

export interface VotingSessionContext {
  sessionId: string;
  round: number;
  candidates: SessionCandidate[];
  /** The candidates of the current round (all of them in round 1, the tied ones in a run-off). */
  roundCandidates: SessionCandidate[];
  closesAt: string | null;
  opened: boolean;
  closedBy: 'leader' | 'deadline' | null;
  results: TallyResult[];
}

export type VotingSessionEvent =
  | { type: 'OPEN' }
  | { type: 'CLOSE' }
  | { type: 'DEADLINE'; key: string }
  | { type: 'REMINDER'; key: string }
  | { type: 'TALLY'; result: TallyResult; quorumMet: boolean }
  | { type: 'NO_QUORUM'; turnout: number; eligible: number }
  | { type: 'RUNOFF'; candidates: SessionCandidate[] }
  /** `decidedOn`: the date of the meeting that voted, which the verdicts carry. */
  | { type: 'CERTIFY'; decidedOn?: string }
  | { type: 'CANCEL'; reason: string };

const CLOSES = 'closes';

/**
 * The final figures of every candidate: those of the last round it took part in, which decided its place. A
 * run-off ranks its candidates among themselves below the places already taken: the winner of a run-off for the
 * second place of a tie at rank 2 ranks 2, the next 3.
 */
export function finalResults(context: VotingSessionContext): FinalResult[] {
  const byCandidate = new Map<string, FinalResult>();
  for (const result of context.results) {
    for (const c of result.candidates) {
      const earlier = byCandidate.get(c.nominationId);
      const rounds = [
        ...(earlier?.rounds ?? []),
        { round: result.round, approvals: c.approvals, share: c.share },
      ];
      const decidedBy: DecidedBy =
        c.outcome === 'selected'
          ? earlier
            ? 'runoff'
            : c.tieBreak
              ? 'tieBreak'
              : 'threshold'
          : c.outcome === 'runoff'
            ? 'runoff'
            : earlier
              ? 'runoffLost'
              : c.outcome;
      byCandidate.set(c.nominationId, {
        ...c,
        rank: earlier ? earlier.rank + c.rank - 1 : c.rank,
        round: result.round,
        decidedBy,
        rounds,
      });
    }
  }
  return [...byCandidate.values()];
}

/**
 * A cluster's secret-ballot vote. Ballots are not events (an event records its sender): they are counted by
 * the voting module, which sends TALLY with the result when the session closes. Certifying sends every candidate
 * VOTE_PASSED or VOTE_FAILED in the same transaction; cancelling sends them back to `accepted`.
 */
export const votingSessionMachine = setup({
  types: {
    context: {} as VotingSessionContext,
    events: {} as VotingSessionEvent,
    input: {} as { sessionId: string; candidates: SessionCandidate[]; closesAt: string | null },
  },
  guards: {
    quorumMet: ({ event }) => event.type === 'TALLY' && event.quorumMet === true,
    closedByDeadline: ({ context }) => context.closedBy === 'deadline',
    needsRunoff: ({ context }) => (context.results.at(-1)?.runoff.length ?? 0) > 0,
    noRunoffPending: ({ context }) =>
      context.results.length > 0 && context.results.at(-1)!.runoff.length === 0,
    hasReason: ({ event }) =>
      event.type === 'CANCEL' && typeof event.reason === 'string' && event.reason.trim().length > 0,
  },
  actions: {
    ...effectActions,
    sendVoteOpened: enqueueActions(({ context, enqueue }) => {
      for (const c of context.candidates) {
        enqueue({
          type: 'sendEvent',
          params: {
            instanceId: c.nominationId,
            event: { type: 'VOTE_OPENED', sessionId: context.sessionId },
          },
        });
      }
    }),
    sendVerdicts: enqueueActions(({ context, event, enqueue }) => {
      for (const r of finalResults(context)) {
        enqueue({
          type: 'sendEvent',
          params: {
            instanceId: r.nominationId,
            event: {
              type: r.selected ? 'VOTE_PASSED' : 'VOTE_FAILED',
              sessionId: context.sessionId,
              approvals: r.approvals,
              share: r.share,
              rank: r.rank,
              round: r.round,
              decidedBy: r.decidedBy,
              ...(r.tieBreak ? { tieBreak: r.tieBreak } : {}),
              ...(event.type === 'CERTIFY' && event.decidedOn ? { decidedOn: event.decidedOn } : {}),
            },
          },
        });
      }
    }),
    sendCancelled: enqueueActions(({ context, enqueue }) => {
      if (!context.opened) return;
      for (const c of context.candidates) {
        enqueue({
          type: 'sendEvent',
          params: {
            instanceId: c.nominationId,
            event: { type: 'VOTE_CANCELLED', sessionId: context.sessionId },
          },
        });
      }
    }),
  },
}).createMachine({
  id: 'votingSession',
  version: '1',
  initial: 'draft',
  context: ({ input }) => ({
    sessionId: input.sessionId,
    round: 1,
    candidates: input.candidates,
    roundCandidates: input.candidates,
    closesAt: input.closesAt,
    opened: false,
    closedBy: null,
    results: [],
  }),
  states: {
    draft: {
      meta: { label: { vi: 'Chuẩn bị', en: 'Draft' } },
      on: {
        OPEN: {
          target: 'open',
          actions: [
            'sendVoteOpened',
            assign({ opened: true }),
            { type: 'notify', params: { template: 'vote.opened' } },
          ],
        },
        CANCEL: { target: 'cancelled', guard: 'hasReason' },
      },
    },
    open: {
      meta: { label: { vi: 'Đang bỏ phiếu', en: 'Voting open' } },
      entry: enqueueActions(({ context, enqueue }) => {
        if (context.closesAt && context.round === 1) {
          enqueue({
            type: 'startTimer',
            params: { key: CLOSES, event: { type: 'DEADLINE', key: CLOSES }, at: context.closesAt },
          });
        }
      }),
      on: {
        CLOSE: { target: 'closed', actions: assign({ closedBy: 'leader' }) },
        DEADLINE: { target: 'closed', actions: assign({ closedBy: 'deadline' }) },
        CANCEL: { target: 'cancelled', guard: 'hasReason', actions: ['sendCancelled'] },
      },
    },
    closed: {
      meta: { label: { vi: 'Đã đóng, đang kiểm phiếu', en: 'Closed, counting' } },
      entry: { type: 'cancelTimer', params: { key: CLOSES } },
      on: {
        TALLY: {
          target: 'tallied',
          guard: 'quorumMet',
          actions: assign({
            results: ({ context, event }) => [...context.results, event.result],
          }),
        },
        NO_QUORUM: {
          target: 'noQuorum',
          guard: 'closedByDeadline',
          actions: ['sendCancelled', { type: 'notify', params: { template: 'vote.noQuorum' } }],
        },
      },
    },
    tallied: {
      meta: { label: { vi: 'Đã kiểm phiếu', en: 'Tallied' } },
      on: {
        RUNOFF: {
          target: 'open',
          guard: 'needsRunoff',
          actions: [
            assign({
              round: ({ context }) => context.round + 1,
              roundCandidates: ({ event }) => event.candidates,
              closedBy: null,
            }),
            { type: 'notify', params: { template: 'vote.runoff' } },
          ],
        },
        CERTIFY: {
          target: 'certified',
          guard: 'noRunoffPending',
          actions: ['sendVerdicts', { type: 'notify', params: { template: 'vote.certified' } }],
        },
        CANCEL: { target: 'cancelled', guard: 'hasReason', actions: ['sendCancelled'] },
      },
    },
    certified: { type: 'final', meta: { label: { vi: 'Đã công nhận kết quả', en: 'Certified' } } },
    noQuorum: { type: 'final', meta: { label: { vi: 'Không đủ số đại biểu', en: 'No quorum' } } },
    cancelled: { type: 'final', meta: { label: { vi: 'Đã hủy', en: 'Cancelled' } } },
  },
});

export const votingSessionWorkflow: WorkflowDefinition<typeof votingSessionMachine> = {
  id: 'votingSession',
  version: 1,
  machine: votingSessionMachine,
  events: {
    OPEN: { label: { vi: 'Mở bỏ phiếu', en: 'Open the vote' } },
    CLOSE: { label: { vi: 'Kết thúc bỏ phiếu', en: 'Close the vote' } },
    DEADLINE: { label: { vi: 'Hết giờ bỏ phiếu', en: 'Voting time is over' }, system: true },
    REMINDER: { label: { vi: 'Nhắc hạn', en: 'Reminder' }, system: true },
    TALLY: { label: { vi: 'Kiểm phiếu', en: 'Tally' }, system: true },
    NO_QUORUM: { label: { vi: 'Không đủ số đại biểu', en: 'No quorum' }, system: true },
    RUNOFF: { label: { vi: 'Bỏ phiếu lại', en: 'Run-off round' } },
    CERTIFY: { label: { vi: 'Công nhận kết quả', en: 'Certify the result' } },
    CANCEL: { label: { vi: 'Hủy phiên bỏ phiếu', en: 'Cancel the session' } },
  },
  guardErrors: {
    quorumMet: { code: 'VOTING.NO_QUORUM', message: 'Too few members have voted to close the session' },
    closedByDeadline: {
      code: 'VOTING.NO_QUORUM',
      message: 'Too few members have voted to close the session',
    },
    needsRunoff: { code: 'VOTING.NO_RUNOFF_NEEDED', message: 'No tie needs a run-off' },
    noRunoffPending: {
      code: 'VOTING.RUNOFF_PENDING',
      message: 'A tie at the quota needs a run-off before certification',
    },
    hasReason: { code: 'VOTING.REASON_REQUIRED', message: 'Cancelling needs a reason' },
  },
};
