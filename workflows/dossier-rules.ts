import type { EventInfo, GuardError } from './definition';

/**
 * What the two dossier lifecycles (the cluster and direct route, and the provincial route) share: the guards
 * that read a policy and an event, the error each guard produces, and the labels of the common events.
 */
export interface PolicyLimits {
  requiredDocuments: string[];
  responseWorkingDays: number;
  reminderShare: number;
  lapseOnExpiry: boolean;
}

export const hasText = (value: unknown): boolean => typeof value === 'string' && value.trim().length > 0;

export const RESPONSE = 'response';
export const APPRAISAL = 'appraisal';

type Args = { context: { policy: PolicyLimits }; event: { type: string } };
type DecisionEvent = { type: string; outcome?: unknown; decisionNumber?: unknown; decisionDate?: unknown };

/** Guards shared by both machines; `decisionEvent` names the event that records the final decision. */
export function dossierGuards(decisionEvent: string) {
  return {
    hasRequiredDocuments: ({ context, event }: Args) => {
      const kinds = new Set((event as { dossier?: { kinds?: string[] } }).dossier?.kinds ?? []);
      return context.policy.requiredDocuments.every((kind) => kinds.has(kind));
    },
    hasReason: ({ event }: Args) => hasText((event as { reason?: unknown }).reason),
    hasDecision: ({ event }: Args) => {
      const e = event as DecisionEvent;
      return (
        e.type === decisionEvent &&
        (e.outcome === 'awarded' || e.outcome === 'rejected') &&
        hasText(e.decisionNumber) &&
        hasText(e.decisionDate)
      );
    },
    decidedToAward: ({ event }: Args) =>
      event.type === decisionEvent && (event as DecisionEvent).outcome === 'awarded',
    lapsesOnExpiry: ({ context, event }: Args) =>
      event.type === 'DEADLINE' &&
      (event as { key?: string }).key === RESPONSE &&
      context.policy.lapseOnExpiry,
  };
}

/** The award's standard as evaluated against the register and passed with the event (absent: nothing refuses). */
interface StandardFacts {
  eligibility?: { blockingUnmet?: number; warningsUnmet?: number };
  acceptanceReason?: unknown;
}

/** Guards on the award's standard (machines of version 2). */
export const standardGuards = {
  /** No blocking criterion of the standard is unmet. */
  meetsBlockingStandard: ({ event }: { event: unknown }) =>
    !(((event as StandardFacts).eligibility?.blockingUnmet ?? 0) > 0),
  /** Every warning criterion is met, or whoever appraises wrote why they accept the nomination anyway. */
  warningsAccepted: ({ event }: { event: unknown }) =>
    !(((event as StandardFacts).eligibility?.warningsUnmet ?? 0) > 0) ||
    hasText((event as StandardFacts).acceptanceReason),
};

export const STANDARD_GUARD_ERRORS: Record<string, GuardError> = {
  meetsBlockingStandard: {
    code: 'NOMINATION.STANDARD_NOT_MET',
    message: "The nominee does not meet a blocking criterion of the award's standard (see its eligibility)",
  },
  warningsAccepted: {
    code: 'NOMINATION.ACCEPTANCE_REASON_REQUIRED',
    message:
      "A criterion of the award's standard is not met: it may be accepted with a written reason (acceptanceReason)",
  },
};

export const DOSSIER_GUARD_ERRORS: Record<string, GuardError> = {
  hasRequiredDocuments: {
    code: 'NOMINATION.DOSSIER_INCOMPLETE',
    message: 'The dossier lacks documents the award policy requires',
  },
  hasReason: { code: 'NOMINATION.REASON_REQUIRED', message: 'This action needs a reason' },
  hasDecision: {
    code: 'NOMINATION.DECISION_INVALID',
    message: 'A decision needs an outcome, a decision number and a date',
  },
  decidedToAward: { code: 'NOMINATION.DECISION_INVALID', message: 'The decision outcome is not valid' },
  lapsesOnExpiry: { code: 'WORKFLOW.TRANSITION_NOT_ALLOWED', message: 'The deadline does not apply' },
};

export const DOSSIER_EVENTS: Record<string, EventInfo> = {
  SUBMIT: { label: { vi: 'Gửi hồ sơ', en: 'Submit' } },
  RETURN: { label: { vi: 'Trả lại', en: 'Return' } },
  RESUBMIT: { label: { vi: 'Gửi lại', en: 'Resubmit' } },
  APPRAISAL_PASSED: { label: { vi: 'Thẩm định đạt', en: 'Appraisal passed' } },
  APPRAISAL_REJECTED: { label: { vi: 'Thẩm định không đạt', en: 'Appraisal rejected' } },
  WITHDRAW: { label: { vi: 'Rút hồ sơ', en: 'Withdraw' } },
  DEADLINE: { label: { vi: 'Hết hạn', en: 'Deadline passed' }, system: true },
  REMINDER: { label: { vi: 'Nhắc hạn', en: 'Reminder' }, system: true },
  DOCUMENT_ATTACHED: { label: { vi: 'Đính kèm văn bản', en: 'Document attached' }, system: true },
};

/** The unit's answer to a return or a supplement request: the policy's limit, or the date the Board set. */
export const responseDeadline = (context: { policy: PolicyLimits }, dueDate?: string) => ({
  key: RESPONSE,
  event: { type: 'DEADLINE', key: RESPONSE },
  ...(dueDate ? { at: dueDate } : { workingDays: context.policy.responseWorkingDays }),
  remindAtShare: context.policy.reminderShare,
});
