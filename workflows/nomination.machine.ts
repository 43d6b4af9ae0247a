import { and, assign, setup } from 'xstate';
import type { WorkflowDefinition } from './definition';
import {
  APPRAISAL,
  DOSSIER_EVENTS,
  DOSSIER_GUARD_ERRORS,
  dossierGuards,
  RESPONSE,
  responseDeadline,
  STANDARD_GUARD_ERRORS,
  standardGuards,
} from './dossier-rules';
import { effectActions } from './effects';

/** The part of the award policy a nomination carries from the day it was created (policy is data). */
export interface NominationPolicy {
  requiredDocuments: string[];
  appraisalWorkingDays: number;
  consultationWorkingDays: number;
  responseWorkingDays: number;
  reminderShare: number;
  lapseOnExpiry: boolean;
}

export interface VoteFigures {
  sessionId: string;
  approvals: number;
  share: number;
  rank: number;
  /** The round that decided the place (a run-off's winner carries the run-off's figures). */
  round?: number;
  /** threshold, tieBreak, runoff (selected); belowThreshold, beyondQuota, runoffLost (not selected). */
  decidedBy?: string;
  tieBreak?: string;
  /** The day of the conference that voted. */
  decidedOn?: string;
}

/**
 * `cluster`: checked and voted on by an emulation cluster; `direct`: approved by the province and sent up (no
 * vote); `presidential` (version 2): like `direct`, then the Prime Minister proposes and the President decides.
 */
export type NominationRoute = 'cluster' | 'direct' | 'presidential';

export interface NominationContext {
  nominationId: string;
  route: NominationRoute;
  policy: NominationPolicy;
  returns: number;
  supplements: number;
  lastReason: string | null;
  overdue: boolean;
  consultation: boolean;
  vote: VoteFigures | null;
  rejectedAt: string | null;
  decision: {
    outcome: 'awarded' | 'rejected';
    decisionNumber: string;
    decisionDate: string;
    /** Who decided (version 2): the Prime Minister, or the President on the Prime Minister's proposal. */
    by?: 'primeMinister' | 'president';
    /** The recorded decision that covers this nomination (with others). */
    decisionId?: string;
  } | null;
  /** Generated documents attached so far (older snapshots may lack it). */
  attachedDocuments?: number;
}

export interface NominationInput {
  nominationId: string;
  route: NominationRoute;
  policy: NominationPolicy;
}

/** Facts about the dossier that the nominations module reads from the database and passes with the event. */
export interface DossierFacts {
  kinds: string[];
}

/**
 * The award's standard evaluated against the register (version 2): how many blocking and warning criteria are
 * not met. Absent when nothing was evaluated (then nothing refuses).
 */
export interface EligibilityFacts {
  blockingUnmet: number;
  warningsUnmet: number;
}

interface Decision {
  outcome: 'awarded' | 'rejected';
  decisionNumber: string;
  decisionDate: string;
  /** The recorded decision that covers this nomination (with others). */
  decisionId?: string;
}

export type NominationEvent =
  | { type: 'SUBMIT'; dossier: DossierFacts; policy?: NominationPolicy; eligibility?: EligibilityFacts }
  | { type: 'RETURN'; reason: string }
  | { type: 'RESUBMIT'; dossier: DossierFacts; policy?: NominationPolicy; eligibility?: EligibilityFacts }
  | { type: 'ACCEPT' }
  | { type: 'VOTE_OPENED'; sessionId: string }
  | ({ type: 'VOTE_PASSED' } & VoteFigures)
  | ({ type: 'VOTE_FAILED' } & VoteFigures)
  | { type: 'VOTE_CANCELLED'; sessionId: string }
  | { type: 'FORWARD'; minutesAttached: boolean; quota: { used: number; limit: number } }
  | { type: 'REQUEST_SUPPLEMENT'; reason: string; dueDate?: string }
  | { type: 'SUPPLEMENT'; dossier?: DossierFacts }
  | { type: 'REQUEST_CONSULTATION'; reason?: string }
  | { type: 'APPRAISAL_PASSED'; eligibility?: EligibilityFacts; acceptanceReason?: string }
  | { type: 'APPRAISAL_REJECTED'; reason: string }
  | { type: 'COUNCIL_APPROVED'; meetingId?: string; decidedOn?: string; decisionId?: string }
  | { type: 'COUNCIL_REJECTED'; reason: string; meetingId?: string; decidedOn?: string; decisionId?: string }
  | ({ type: 'PM_DECIDED' } & Decision)
  | { type: 'PM_PROPOSED'; proposalNumber?: string }
  | ({ type: 'PRESIDENT_DECIDED' } & Decision)
  | { type: 'WITHDRAW'; reason: string }
  | { type: 'DEADLINE'; key: string }
  | { type: 'REMINDER'; key: string }
  | { type: 'DOCUMENT_ATTACHED'; documentId: string; kind: string; sha256: string };

const presidentGuards = dossierGuards('PRESIDENT_DECIDED');

/**
 * The nomination machine of a version. Version 1 is the machine instances started with before standards were
 * checked; version 2 refuses a submission that fails a blocking criterion of the award's standard, asks the Board
 * for a written reason to accept a nomination that fails a warning criterion, and adds the President's decision
 * (`pmProposal → presidentialDecision`) for orders, medals and state honorary titles.
 */
function nominationMachineOf(version: 1 | 2) {
  const v2 = version === 2;
  const submitGuard = v2 ? and(['hasRequiredDocuments', 'meetsBlockingStandard']) : 'hasRequiredDocuments';
  return setup({
    types: {
      context: {} as NominationContext,
      events: {} as NominationEvent,
      input: {} as NominationInput,
    },
    guards: {
      ...dossierGuards('PM_DECIDED'),
      hasPresidentDecision: presidentGuards.hasDecision,
      presidentDecidedToAward: presidentGuards.decidedToAward,
      isDirectRoute: ({ context }) => context.route === 'direct' || context.route === 'presidential',
      isPresidentialRoute: ({ context }) => context.route === 'presidential',
      notPresidentialRoute: ({ context }) => context.route !== 'presidential',
      ...standardGuards,
      minutesAttached: ({ context, event }) =>
        context.route !== 'cluster' || (event as { minutesAttached?: boolean }).minutesAttached === true,
      withinQuota: ({ event }) => {
        const quota = (event as { quota?: { used: number; limit: number } }).quota;
        return !!quota && quota.used < quota.limit;
      },
    },
    actions: {
      ...effectActions,
      /** The policy in force on the day of submission stays with the nomination. */
      pinPolicy: assign({
        policy: ({ context, event }) => (event as { policy?: NominationPolicy }).policy ?? context.policy,
      }),
      rememberReason: assign({
        lastReason: ({ event }) => (event as { reason?: string }).reason ?? null,
      }),
      countReturn: assign({ returns: ({ context }) => context.returns + 1 }),
      countSupplement: assign({ supplements: ({ context }) => context.supplements + 1 }),
      clearOverdue: assign({ overdue: false }),
      markOverdue: assign({ overdue: true }),
      startConsultation: assign({ consultation: true }),
      recordVote: assign({
        vote: ({ event }) => {
          const e = event as VoteFigures;
          return {
            sessionId: e.sessionId,
            approvals: e.approvals,
            share: e.share,
            rank: e.rank,
            ...(e.round !== undefined ? { round: e.round } : {}),
            ...(e.decidedBy ? { decidedBy: e.decidedBy } : {}),
            ...(e.tieBreak ? { tieBreak: e.tieBreak } : {}),
            ...(e.decidedOn ? { decidedOn: e.decidedOn } : {}),
          };
        },
      }),
      recordDecision: assign({
        decision: ({ event }) =>
          event.type === 'PM_DECIDED' || event.type === 'PRESIDENT_DECIDED'
            ? {
                outcome: event.outcome,
                decisionNumber: event.decisionNumber,
                decisionDate: event.decisionDate,
                ...(event.decisionId ? { decisionId: event.decisionId } : {}),
                ...(v2
                  ? { by: event.type === 'PM_DECIDED' ? ('primeMinister' as const) : ('president' as const) }
                  : {}),
              }
            : null,
      }),
      rejectAt: assign({ rejectedAt: (_, params: { stage: string }) => params.stage }),
    },
  }).createMachine({
    id: 'nomination',
    version: String(version),
    initial: 'draft',
    context: ({ input }) => ({
      nominationId: input.nominationId,
      route: input.route,
      policy: input.policy,
      returns: 0,
      supplements: 0,
      lastReason: null,
      overdue: false,
      consultation: false,
      vote: null,
      rejectedAt: null,
      decision: null,
    }),
    on: {
      // A document the system generated (vote minutes, the cluster's proposal, the Board's list) joins the dossier:
      // the history records it with its hash.
      DOCUMENT_ATTACHED: {
        actions: assign({ attachedDocuments: ({ context }) => (context.attachedDocuments ?? 0) + 1 }),
      },
      REMINDER: {
        actions: [
          {
            type: 'notify',
            params: ({ event }) => ({ template: 'nomination.reminder', data: { key: event.key } }),
          },
        ],
      },
    },
    states: {
      draft: {
        meta: { label: { vi: 'Dự thảo (chờ chuyển)', en: 'Draft (waiting to forward)' } },
        on: {
          SUBMIT: {
            target: 'submitted',
            guard: submitGuard,
            actions: ['pinPolicy', { type: 'notify', params: { template: 'nomination.submitted' } }],
          },
          WITHDRAW: { target: 'withdrawn', guard: 'hasReason', actions: ['rememberReason'] },
        },
      },
      submitted: {
        meta: { label: { vi: 'Chờ duyệt', en: 'Waiting for approval' } },
        on: {
          RETURN: {
            target: 'returned',
            guard: 'hasReason',
            actions: [
              'rememberReason',
              'countReturn',
              { type: 'notify', params: { template: 'nomination.returned' } },
            ],
          },
          ACCEPT: [
            {
              target: 'selected',
              guard: 'isDirectRoute',
              actions: [{ type: 'notify', params: { template: 'nomination.accepted' } }],
            },
            {
              target: 'accepted',
              actions: [{ type: 'notify', params: { template: 'nomination.accepted' } }],
            },
          ],
          WITHDRAW: { target: 'withdrawn', guard: 'hasReason', actions: ['rememberReason'] },
        },
      },
      returned: {
        meta: { label: { vi: 'Bị trả lại', en: 'Returned' } },
        entry: [{ type: 'startTimer', params: ({ context }) => responseDeadline(context) }],
        exit: ['clearOverdue', { type: 'cancelTimer', params: { key: RESPONSE } }],
        on: {
          RESUBMIT: {
            target: 'submitted',
            guard: submitGuard,
            actions: ['pinPolicy', { type: 'notify', params: { template: 'nomination.submitted' } }],
          },
          WITHDRAW: { target: 'withdrawn', guard: 'hasReason', actions: ['rememberReason'] },
          DEADLINE: [
            {
              target: 'withdrawn',
              guard: 'lapsesOnExpiry',
              actions: [
                assign({ lastReason: 'lapsed: no answer within the time limit' }),
                { type: 'notify', params: { template: 'nomination.lapsed' } },
              ],
            },
            {
              actions: ['markOverdue', { type: 'notify', params: { template: 'nomination.overdue' } }],
            },
          ],
        },
      },
      accepted: {
        meta: { label: { vi: 'Đã duyệt, chờ bình xét', en: 'Accepted, waiting for the vote' } },
        on: {
          VOTE_OPENED: { target: 'voting' },
          WITHDRAW: { target: 'withdrawn', guard: 'hasReason', actions: ['rememberReason'] },
        },
      },
      voting: {
        meta: { label: { vi: 'Đang bình xét', en: 'In the vote' } },
        on: {
          VOTE_PASSED: { target: 'selected', actions: ['recordVote'] },
          VOTE_FAILED: { target: 'notSelected', actions: ['recordVote'] },
          VOTE_CANCELLED: { target: 'accepted' },
        },
      },
      selected: {
        meta: { label: { vi: 'Được đề nghị, chờ chuyển', en: 'Selected, waiting to forward' } },
        on: {
          FORWARD: [
            {
              target: 'centralAppraisal',
              guard: and(['minutesAttached', 'withinQuota']),
              actions: [{ type: 'notify', params: { template: 'nomination.forwarded' } }],
            },
          ],
          WITHDRAW: { target: 'withdrawn', guard: 'hasReason', actions: ['rememberReason'] },
        },
      },
      notSelected: {
        type: 'final',
        meta: { label: { vi: 'Không được suy tôn', en: 'Not selected' } },
      },
      centralAppraisal: {
        meta: { label: { vi: 'Đang thẩm định', en: 'Under appraisal' } },
        entry: [
          {
            type: 'startTimer',
            params: ({ context }) => ({
              key: APPRAISAL,
              event: { type: 'DEADLINE', key: APPRAISAL },
              workingDays: context.consultation
                ? context.policy.consultationWorkingDays
                : context.policy.appraisalWorkingDays,
              remindAtShare: context.policy.reminderShare,
            }),
          },
        ],
        exit: ['clearOverdue', { type: 'cancelTimer', params: { key: APPRAISAL } }],
        on: {
          REQUEST_SUPPLEMENT: {
            target: 'supplementRequested',
            guard: 'hasReason',
            actions: [
              'rememberReason',
              'countSupplement',
              { type: 'notify', params: { template: 'nomination.supplementRequested' } },
            ],
          },
          REQUEST_CONSULTATION: {
            actions: [
              'startConsultation',
              {
                type: 'startTimer',
                params: ({ context }) => ({
                  key: APPRAISAL,
                  event: { type: 'DEADLINE', key: APPRAISAL },
                  workingDays: context.policy.consultationWorkingDays,
                  remindAtShare: context.policy.reminderShare,
                  keepStart: true,
                }),
              },
            ],
          },
          APPRAISAL_PASSED: {
            target: 'councilReview',
            ...(v2 ? { guard: 'warningsAccepted' as const } : {}),
            actions: [{ type: 'notify', params: { template: 'nomination.appraisalPassed' } }],
          },
          APPRAISAL_REJECTED: {
            target: 'rejected',
            guard: 'hasReason',
            actions: [
              'rememberReason',
              { type: 'rejectAt', params: { stage: 'appraisal' } },
              { type: 'notify', params: { template: 'nomination.rejected' } },
            ],
          },
          DEADLINE: {
            actions: ['markOverdue', { type: 'notify', params: { template: 'nomination.overdue' } }],
          },
          WITHDRAW: { target: 'withdrawn', guard: 'hasReason', actions: ['rememberReason'] },
        },
      },
      supplementRequested: {
        meta: { label: { vi: 'Trả lại bổ sung hồ sơ', en: 'Supplement requested' } },
        entry: [
          {
            type: 'startTimer',
            params: ({ context, event }) =>
              responseDeadline(context, event.type === 'REQUEST_SUPPLEMENT' ? event.dueDate : undefined),
          },
        ],
        exit: ['clearOverdue', { type: 'cancelTimer', params: { key: RESPONSE } }],
        on: {
          SUPPLEMENT: {
            target: 'centralAppraisal',
            actions: [{ type: 'notify', params: { template: 'nomination.supplemented' } }],
          },
          DEADLINE: {
            actions: ['markOverdue', { type: 'notify', params: { template: 'nomination.overdue' } }],
          },
          WITHDRAW: { target: 'withdrawn', guard: 'hasReason', actions: ['rememberReason'] },
        },
      },
      councilReview: {
        meta: { label: { vi: 'Chờ Hội đồng xét', en: 'Waiting for council review' } },
        on: {
          COUNCIL_APPROVED: {
            target: 'pmProposal',
            actions: [{ type: 'notify', params: { template: 'nomination.councilApproved' } }],
          },
          COUNCIL_REJECTED: {
            target: 'rejected',
            guard: 'hasReason',
            actions: [
              'rememberReason',
              { type: 'rejectAt', params: { stage: 'council' } },
              { type: 'notify', params: { template: 'nomination.rejected' } },
            ],
          },
        },
      },
      pmProposal: {
        meta: { label: { vi: 'Trình Thủ tướng', en: 'Proposed to the Prime Minister' } },
        on: {
          ...(v2
            ? {
                PM_PROPOSED: {
                  target: 'presidentialDecision',
                  guard: 'isPresidentialRoute' as const,
                  actions: [{ type: 'notify' as const, params: { template: 'nomination.pmProposed' } }],
                },
              }
            : {}),
          PM_DECIDED: [
            {
              target: 'awarded',
              guard: v2
                ? and(['notPresidentialRoute', 'hasDecision', 'decidedToAward'])
                : and(['hasDecision', 'decidedToAward']),
              actions: ['recordDecision', { type: 'notify', params: { template: 'nomination.decided' } }],
            },
            {
              target: 'rejected',
              guard: v2 ? and(['notPresidentialRoute', 'hasDecision']) : 'hasDecision',
              actions: [
                'recordDecision',
                { type: 'rejectAt', params: { stage: 'primeMinister' } },
                { type: 'notify', params: { template: 'nomination.decided' } },
              ],
            },
          ],
        },
      },
      ...(v2
        ? {
            presidentialDecision: {
              meta: { label: { vi: 'Trình Chủ tịch nước', en: 'Proposed to the President' } },
              on: {
                PRESIDENT_DECIDED: [
                  {
                    target: 'awarded',
                    guard: and(['hasPresidentDecision', 'presidentDecidedToAward']),
                    actions: [
                      'recordDecision' as const,
                      { type: 'notify' as const, params: { template: 'nomination.decided' } },
                    ],
                  },
                  {
                    target: 'rejected',
                    guard: 'hasPresidentDecision' as const,
                    actions: [
                      'recordDecision' as const,
                      { type: 'rejectAt' as const, params: { stage: 'president' } },
                      { type: 'notify' as const, params: { template: 'nomination.decided' } },
                    ],
                  },
                ],
              },
            },
          }
        : {}),
      awarded: { type: 'final', meta: { label: { vi: 'Đã khen thưởng', en: 'Awarded' } } },
      rejected: { type: 'final', meta: { label: { vi: 'Không khen thưởng', en: 'Rejected' } } },
      withdrawn: { type: 'final', meta: { label: { vi: 'Đã rút', en: 'Withdrawn' } } },
    },
  });
}

export const nominationMachine = nominationMachineOf(1);
export const nominationMachineV2 = nominationMachineOf(2);

const EVENTS_V1: WorkflowDefinition['events'] = {
  ...DOSSIER_EVENTS,
  ACCEPT: { label: { vi: 'Tiếp nhận', en: 'Accept' } },
  VOTE_OPENED: { label: { vi: 'Mở bỏ phiếu', en: 'Vote opened' }, system: true },
  VOTE_PASSED: { label: { vi: 'Đạt số phiếu', en: 'Vote passed' }, system: true },
  VOTE_FAILED: { label: { vi: 'Không đạt số phiếu', en: 'Vote failed' }, system: true },
  VOTE_CANCELLED: { label: { vi: 'Hủy phiên bỏ phiếu', en: 'Vote cancelled' }, system: true },
  FORWARD: {
    label: { vi: 'Trình Ban Thi đua – Khen thưởng Trung ương', en: 'Forward to the Central Board' },
  },
  REQUEST_SUPPLEMENT: { label: { vi: 'Yêu cầu bổ sung', en: 'Request a supplement' } },
  SUPPLEMENT: { label: { vi: 'Đã bổ sung', en: 'Supplement sent' } },
  REQUEST_CONSULTATION: { label: { vi: 'Lấy ý kiến hiệp y', en: 'Consult other bodies' } },
  COUNCIL_APPROVED: { label: { vi: 'Hội đồng nhất trí', en: 'Council approved' } },
  COUNCIL_REJECTED: { label: { vi: 'Hội đồng không nhất trí', en: 'Council rejected' } },
  PM_DECIDED: {
    label: { vi: 'Ghi nhận quyết định của Thủ tướng', en: "Record the Prime Minister's decision" },
  },
};

const GUARD_ERRORS_V1: WorkflowDefinition['guardErrors'] = {
  ...DOSSIER_GUARD_ERRORS,
  isDirectRoute: { code: 'WORKFLOW.TRANSITION_NOT_ALLOWED', message: 'Only on the direct route' },
  minutesAttached: {
    code: 'NOMINATION.VOTE_MINUTES_MISSING',
    message: 'The minutes of the vote must be attached before forwarding',
  },
  withinQuota: {
    code: 'NOMINATION.QUOTA_EXCEEDED',
    message: "The cluster's quota for this award is already used",
  },
};

export const nominationWorkflow: WorkflowDefinition<typeof nominationMachine> = {
  id: 'nomination',
  version: 1,
  machine: nominationMachine,
  events: EVENTS_V1,
  guardErrors: GUARD_ERRORS_V1,
};

export const nominationWorkflowV2: WorkflowDefinition<typeof nominationMachineV2> = {
  id: 'nomination',
  version: 2,
  machine: nominationMachineV2,
  events: {
    ...EVENTS_V1,
    PM_PROPOSED: {
      label: {
        vi: 'Thủ tướng trình Chủ tịch nước',
        en: 'The Prime Minister proposes to the President',
      },
    },
    PRESIDENT_DECIDED: {
      label: { vi: 'Ghi nhận quyết định của Chủ tịch nước', en: "Record the President's decision" },
    },
    MIGRATED: {
      label: { vi: 'Chuyển sang phiên bản quy trình mới', en: 'Moved to a new machine version' },
      system: true,
    },
  },
  guardErrors: {
    ...GUARD_ERRORS_V1,
    ...STANDARD_GUARD_ERRORS,
    isPresidentialRoute: {
      code: 'WORKFLOW.TRANSITION_NOT_ALLOWED',
      message: 'Only awards decided by the President',
    },
    notPresidentialRoute: {
      code: 'WORKFLOW.TRANSITION_NOT_ALLOWED',
      message: "This award is decided by the President on the Prime Minister's proposal",
    },
    hasPresidentDecision: DOSSIER_GUARD_ERRORS.hasDecision,
    presidentDecidedToAward: DOSSIER_GUARD_ERRORS.decidedToAward,
  },
};
