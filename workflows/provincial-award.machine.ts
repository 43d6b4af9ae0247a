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
import type { DossierFacts, EligibilityFacts, NominationPolicy } from './nomination.machine';

/**
 * The provincial route: a unit's nomination is appraised by the provincial emulation council and decided by the
 * provincial chairman, with no cluster vote. Exceptional-achievement rewards (khen thưởng đột xuất) take it with
 * the simplified dossier their policy names.
 */
export interface ProvincialContext {
  nominationId: string;
  policy: NominationPolicy;
  returns: number;
  lastReason: string | null;
  overdue: boolean;
  rejectedAt: string | null;
  decision: { outcome: 'awarded' | 'rejected'; decisionNumber: string; decisionDate: string } | null;
  attachedDocuments?: number;
}

export type ProvincialEvent =
  | { type: 'SUBMIT'; dossier: DossierFacts; policy?: NominationPolicy; eligibility?: EligibilityFacts }
  | { type: 'RETURN'; reason: string }
  | { type: 'RESUBMIT'; dossier: DossierFacts; policy?: NominationPolicy; eligibility?: EligibilityFacts }
  | { type: 'APPRAISAL_PASSED'; eligibility?: EligibilityFacts; acceptanceReason?: string }
  | { type: 'APPRAISAL_REJECTED'; reason: string }
  | {
      type: 'CHAIRMAN_DECIDED';
      outcome: 'awarded' | 'rejected';
      decisionNumber: string;
      decisionDate: string;
    }
  | { type: 'WITHDRAW'; reason: string }
  | { type: 'DEADLINE'; key: string }
  | { type: 'REMINDER'; key: string }
  | { type: 'DOCUMENT_ATTACHED'; documentId: string; kind: string; sha256: string };

/**
 * The provincial machine of a version: version 2 refuses a submission that fails a blocking criterion of the
 * award's standard, and asks the province's approver for a written reason to pass one that fails a warning
 * criterion (the provincial Emulation Fighter: three consecutive grassroots titles).
 */
function provincialAwardMachineOf(version: 1 | 2) {
  const v2 = version === 2;
  const submitGuard = v2 ? and(['hasRequiredDocuments', 'meetsBlockingStandard']) : 'hasRequiredDocuments';
  return setup({
    types: {
      context: {} as ProvincialContext,
      events: {} as ProvincialEvent,
      input: {} as { nominationId: string; policy: NominationPolicy },
    },
    guards: { ...dossierGuards('CHAIRMAN_DECIDED'), ...standardGuards },
    actions: {
      ...effectActions,
      pinPolicy: assign({
        policy: ({ context, event }) => (event as { policy?: NominationPolicy }).policy ?? context.policy,
      }),
      rememberReason: assign({ lastReason: ({ event }) => (event as { reason?: string }).reason ?? null }),
      clearOverdue: assign({ overdue: false }),
      markOverdue: assign({ overdue: true }),
      recordDecision: assign({
        decision: ({ event }) =>
          event.type === 'CHAIRMAN_DECIDED'
            ? {
                outcome: event.outcome,
                decisionNumber: event.decisionNumber,
                decisionDate: event.decisionDate,
              }
            : null,
      }),
    },
  }).createMachine({
    id: 'provincialAward',
    version: String(version),
    initial: 'draft',
    context: ({ input }) => ({
      nominationId: input.nominationId,
      policy: input.policy,
      returns: 0,
      lastReason: null,
      overdue: false,
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
        meta: { label: { vi: 'Chờ thẩm định', en: 'Waiting for appraisal' } },
        entry: [
          {
            type: 'startTimer',
            params: ({ context }) => ({
              key: APPRAISAL,
              event: { type: 'DEADLINE', key: APPRAISAL },
              workingDays: context.policy.appraisalWorkingDays,
              remindAtShare: context.policy.reminderShare,
            }),
          },
        ],
        exit: ['clearOverdue', { type: 'cancelTimer', params: { key: APPRAISAL } }],
        on: {
          RETURN: {
            target: 'returned',
            guard: 'hasReason',
            actions: [
              'rememberReason',
              assign({ returns: ({ context }) => context.returns + 1 }),
              { type: 'notify', params: { template: 'nomination.returned' } },
            ],
          },
          APPRAISAL_PASSED: {
            target: 'appraised',
            ...(v2 ? { guard: 'warningsAccepted' as const } : {}),
            actions: [{ type: 'notify', params: { template: 'nomination.appraisalPassed' } }],
          },
          APPRAISAL_REJECTED: {
            target: 'rejected',
            guard: 'hasReason',
            actions: [
              'rememberReason',
              assign({ rejectedAt: 'appraisal' }),
              { type: 'notify', params: { template: 'nomination.rejected' } },
            ],
          },
          DEADLINE: {
            actions: ['markOverdue', { type: 'notify', params: { template: 'nomination.overdue' } }],
          },
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
            { actions: ['markOverdue', { type: 'notify', params: { template: 'nomination.overdue' } }] },
          ],
        },
      },
      appraised: {
        meta: {
          label: { vi: 'Chờ Chủ tịch UBND tỉnh quyết định', en: "Waiting for the chairman's decision" },
        },
        on: {
          CHAIRMAN_DECIDED: [
            {
              target: 'awarded',
              guard: and(['hasDecision', 'decidedToAward']),
              actions: ['recordDecision', { type: 'notify', params: { template: 'nomination.decided' } }],
            },
            {
              target: 'rejected',
              guard: 'hasDecision',
              actions: [
                'recordDecision',
                assign({ rejectedAt: 'chairman' }),
                { type: 'notify', params: { template: 'nomination.decided' } },
              ],
            },
          ],
        },
      },
      awarded: { type: 'final', meta: { label: { vi: 'Đã khen thưởng', en: 'Awarded' } } },
      rejected: { type: 'final', meta: { label: { vi: 'Không khen thưởng', en: 'Rejected' } } },
      withdrawn: { type: 'final', meta: { label: { vi: 'Đã rút', en: 'Withdrawn' } } },
    },
  });
}

export const provincialAwardMachine = provincialAwardMachineOf(1);
export const provincialAwardMachineV2 = provincialAwardMachineOf(2);

const PROVINCIAL_EVENTS: WorkflowDefinition['events'] = {
  ...DOSSIER_EVENTS,
  CHAIRMAN_DECIDED: {
    label: { vi: 'Ghi nhận quyết định của Chủ tịch', en: "Record the chairman's decision" },
  },
};

export const provincialAwardWorkflow: WorkflowDefinition<typeof provincialAwardMachine> = {
  id: 'provincialAward',
  version: 1,
  machine: provincialAwardMachine,
  events: PROVINCIAL_EVENTS,
  guardErrors: DOSSIER_GUARD_ERRORS,
};

export const provincialAwardWorkflowV2: WorkflowDefinition<typeof provincialAwardMachineV2> = {
  id: 'provincialAward',
  version: 2,
  machine: provincialAwardMachineV2,
  events: {
    ...PROVINCIAL_EVENTS,
    MIGRATED: {
      label: { vi: 'Chuyển sang phiên bản quy trình mới', en: 'Moved to a new machine version' },
      system: true,
    },
  },
  guardErrors: { ...DOSSIER_GUARD_ERRORS, ...STANDARD_GUARD_ERRORS },
};
