import { initialTransition, transition } from 'xstate';
import { acceptedEventTypes, accepts, stateKey } from '../../../workflows/definition';
import {
  nominationMachine,
  nominationWorkflow,
  type NominationContext,
  type NominationEvent,
  type NominationPolicy,
} from '../../../workflows/nomination.machine';

const policy: NominationPolicy = {
  requiredDocuments: ['proposal', 'achievementReport'],
  appraisalWorkingDays: 10,
  consultationWorkingDays: 20,
  responseWorkingDays: 5,
  reminderShare: 0.8,
  lapseOnExpiry: false,
};

const figures = { sessionId: 's1', approvals: 7, share: 7 / 9, rank: 1 };

/** A valid example of every event the machine knows. */
const EXAMPLES: Record<string, NominationEvent> = {
  SUBMIT: { type: 'SUBMIT', dossier: { kinds: ['proposal', 'achievementReport'] } },
  RETURN: { type: 'RETURN', reason: 'missing signature' },
  RESUBMIT: { type: 'RESUBMIT', dossier: { kinds: ['proposal', 'achievementReport'] } },
  ACCEPT: { type: 'ACCEPT' },
  VOTE_OPENED: { type: 'VOTE_OPENED', sessionId: 's1' },
  VOTE_PASSED: { type: 'VOTE_PASSED', ...figures },
  VOTE_FAILED: { type: 'VOTE_FAILED', ...figures, rank: 5 },
  VOTE_CANCELLED: { type: 'VOTE_CANCELLED', sessionId: 's1' },
  FORWARD: { type: 'FORWARD', minutesAttached: true, quota: { used: 0, limit: 1 } },
  REQUEST_SUPPLEMENT: { type: 'REQUEST_SUPPLEMENT', reason: 'add the 2023 report' },
  SUPPLEMENT: { type: 'SUPPLEMENT' },
  REQUEST_CONSULTATION: { type: 'REQUEST_CONSULTATION' },
  APPRAISAL_PASSED: { type: 'APPRAISAL_PASSED' },
  APPRAISAL_REJECTED: { type: 'APPRAISAL_REJECTED', reason: 'criteria not met' },
  COUNCIL_APPROVED: { type: 'COUNCIL_APPROVED' },
  COUNCIL_REJECTED: { type: 'COUNCIL_REJECTED', reason: 'no consensus' },
  PM_DECIDED: {
    type: 'PM_DECIDED',
    outcome: 'awarded',
    decisionNumber: '1234/QĐ-TTg',
    decisionDate: '2024-10-14',
  },
  WITHDRAW: { type: 'WITHDRAW', reason: 'the unit withdrew' },
  DEADLINE: { type: 'DEADLINE', key: 'response' },
  REMINDER: { type: 'REMINDER', key: 'response' },
  DOCUMENT_ATTACHED: { type: 'DOCUMENT_ATTACHED', documentId: 'd1', kind: 'voteMinutes', sha256: 'ab' },
};

/** Where each accepted (state, event) pair leads; every pair not listed must be refused. */
const EXPECTED: Record<string, Record<string, string>> = {
  draft: { SUBMIT: 'submitted', WITHDRAW: 'withdrawn', REMINDER: 'draft' },
  submitted: { RETURN: 'returned', ACCEPT: 'accepted', WITHDRAW: 'withdrawn', REMINDER: 'submitted' },
  returned: { RESUBMIT: 'submitted', WITHDRAW: 'withdrawn', DEADLINE: 'returned', REMINDER: 'returned' },
  accepted: { VOTE_OPENED: 'voting', WITHDRAW: 'withdrawn', REMINDER: 'accepted' },
  voting: {
    VOTE_PASSED: 'selected',
    VOTE_FAILED: 'notSelected',
    VOTE_CANCELLED: 'accepted',
    REMINDER: 'voting',
  },
  selected: { FORWARD: 'centralAppraisal', WITHDRAW: 'withdrawn', REMINDER: 'selected' },
  notSelected: {},
  centralAppraisal: {
    REQUEST_SUPPLEMENT: 'supplementRequested',
    REQUEST_CONSULTATION: 'centralAppraisal',
    APPRAISAL_PASSED: 'councilReview',
    APPRAISAL_REJECTED: 'rejected',
    DEADLINE: 'centralAppraisal',
    WITHDRAW: 'withdrawn',
    REMINDER: 'centralAppraisal',
  },
  supplementRequested: {
    SUPPLEMENT: 'centralAppraisal',
    DEADLINE: 'supplementRequested',
    WITHDRAW: 'withdrawn',
    REMINDER: 'supplementRequested',
  },
  councilReview: { COUNCIL_APPROVED: 'pmProposal', COUNCIL_REJECTED: 'rejected', REMINDER: 'councilReview' },
  pmProposal: { PM_DECIDED: 'awarded', REMINDER: 'pmProposal' },
  awarded: {},
  rejected: {},
  withdrawn: {},
};

// Reminders and generated documents are taken in every active state without changing it.
for (const accepted of Object.values(EXPECTED)) {
  if (accepted.REMINDER) accepted.DOCUMENT_ATTACHED = accepted.REMINDER;
}

const start = () => initialTransition(nominationMachine, { nominationId: 'n1', route: 'cluster', policy })[0];
const at = (state: string, context: Partial<NominationContext> = {}) =>
  nominationMachine.resolveState({ value: state, context: { ...start().context, ...context } });

describe('nomination machine', () => {
  it('starts in draft with the policy it was given', () => {
    const [snapshot, actions] = initialTransition(nominationMachine, {
      nominationId: 'n1',
      route: 'cluster',
      policy,
    });
    expect(snapshot.value).toBe('draft');
    expect(snapshot.context.policy).toEqual(policy);
    expect(actions).toEqual([]);
  });

  it('covers every state of the machine in the table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(nominationMachine.root.states).sort());
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(nominationWorkflow.events).sort());
  });

  for (const [state, accepted] of Object.entries(EXPECTED)) {
    for (const [eventType, event] of Object.entries(EXAMPLES)) {
      const target = accepted[eventType];
      if (target) {
        it(`${state} + ${eventType} → ${target}`, () => {
          const before = at(state);
          expect(accepts(before, event)).toBe(true);
          const [after] = transition(nominationMachine, before, event);
          expect(stateKey(after.value)).toBe(target);
        });
      } else {
        it(`${state} refuses ${eventType}`, () => {
          const before = at(state);
          expect(accepts(before, event)).toBe(false);
          if (before.status === 'done') return; // the engine never steps a finished instance
          const [after, actions] = transition(nominationMachine, before, event);
          expect(after.value).toBe(state);
          expect(actions).toEqual([]);
        });
      }
    }
  }

  it('lists the events a state accepts', () => {
    expect(acceptedEventTypes(at('submitted'))).toEqual([
      'ACCEPT',
      'DOCUMENT_ATTACHED',
      'REMINDER',
      'RETURN',
      'WITHDRAW',
    ]);
    expect(acceptedEventTypes(at('awarded'))).toEqual([]);
  });

  describe('guards', () => {
    it('refuses SUBMIT while a required document is missing', () => {
      expect(at('draft').can({ type: 'SUBMIT', dossier: { kinds: ['proposal'] } })).toBe(false);
    });
    it('refuses RETURN, WITHDRAW and rejections without a reason', () => {
      expect(at('submitted').can({ type: 'RETURN', reason: '  ' })).toBe(false);
      expect(at('draft').can({ type: 'WITHDRAW', reason: '' })).toBe(false);
      expect(at('centralAppraisal').can({ type: 'APPRAISAL_REJECTED', reason: '' })).toBe(false);
      expect(at('councilReview').can({ type: 'COUNCIL_REJECTED', reason: '' })).toBe(false);
    });
    it('refuses FORWARD without the minutes or beyond the quota', () => {
      const base = EXAMPLES.FORWARD as Extract<NominationEvent, { type: 'FORWARD' }>;
      expect(at('selected').can({ ...base, minutesAttached: false })).toBe(false);
      expect(at('selected').can({ ...base, quota: { used: 1, limit: 1 } })).toBe(false);
    });
    it('records a rejecting decision with its stage and refuses one without a number', () => {
      const decided = {
        type: 'PM_DECIDED',
        outcome: 'rejected',
        decisionNumber: '9/QĐ-TTg',
        decisionDate: '2024-10-14',
      } as const;
      const [after] = transition(nominationMachine, at('pmProposal'), decided);
      expect(after.value).toBe('rejected');
      expect(after.context.rejectedAt).toBe('primeMinister');
      expect(after.context.decision?.decisionNumber).toBe('9/QĐ-TTg');
      expect(at('pmProposal').can({ ...decided, decisionNumber: '' })).toBe(false);
    });
    it('lapses a return left unanswered when the policy says so', () => {
      const lapsing = at('returned', { policy: { ...policy, lapseOnExpiry: true } });
      const [after] = transition(nominationMachine, lapsing, { type: 'DEADLINE', key: 'response' });
      expect(after.value).toBe('withdrawn');
      const [stays] = transition(nominationMachine, at('returned'), { type: 'DEADLINE', key: 'response' });
      expect(stays.value).toBe('returned');
      expect(stays.context.overdue).toBe(true);
    });
  });

  describe('the direct route (no cluster vote)', () => {
    it('goes from accepted straight to selected and forwards without vote minutes', () => {
      const direct = at('submitted', { route: 'direct' });
      const [selected] = transition(nominationMachine, direct, EXAMPLES.ACCEPT);
      expect(selected.value).toBe('selected');
      const forward = { type: 'FORWARD', minutesAttached: false, quota: { used: 0, limit: 3 } } as const;
      expect(accepts(selected, forward)).toBe(true);
      expect(accepts(at('selected'), forward)).toBe(false);
    });
  });

  it('pins the policy in force at submission', () => {
    const newer = { ...policy, appraisalWorkingDays: 15 };
    const [after] = transition(nominationMachine, at('draft'), {
      ...EXAMPLES.SUBMIT,
      policy: newer,
    } as NominationEvent);
    expect(after.context.policy).toEqual(newer);
  });

  describe('effects are descriptions', () => {
    it('notifies the cluster on submission', () => {
      const [, actions] = transition(nominationMachine, at('draft'), EXAMPLES.SUBMIT);
      expect(actions.map((a) => [a.type, a.params])).toEqual([
        ['notify', { template: 'nomination.submitted' }],
      ]);
    });
    it('starts the appraisal timer from the policy on forwarding and cancels it on leaving', () => {
      const [appraising, actions] = transition(nominationMachine, at('selected'), EXAMPLES.FORWARD);
      expect(actions.map((a) => a.type)).toEqual(['notify', 'startTimer']);
      expect(actions[1].params).toEqual({
        key: 'appraisal',
        event: { type: 'DEADLINE', key: 'appraisal' },
        workingDays: 10,
        remindAtShare: 0.8,
      });
      const [, leaving] = transition(nominationMachine, appraising, EXAMPLES.APPRAISAL_PASSED);
      expect(leaving.map((a) => [a.type, a.params])).toEqual([
        ['cancelTimer', { key: 'appraisal' }],
        ['notify', { template: 'nomination.appraisalPassed' }],
      ]);
    });
    it('extends the appraisal limit to the consultation limit from the same start', () => {
      const [after, actions] = transition(
        nominationMachine,
        at('centralAppraisal'),
        EXAMPLES.REQUEST_CONSULTATION,
      );
      expect(after.context.consultation).toBe(true);
      expect(actions.map((a) => [a.type, a.params])).toEqual([
        [
          'startTimer',
          {
            key: 'appraisal',
            event: { type: 'DEADLINE', key: 'appraisal' },
            workingDays: 20,
            remindAtShare: 0.8,
            keepStart: true,
          },
        ],
      ]);
    });
    it('uses the due date the Board sets for a supplement', () => {
      const [, actions] = transition(nominationMachine, at('centralAppraisal'), {
        type: 'REQUEST_SUPPLEMENT',
        reason: 'add the minutes',
        dueDate: '2024-06-01T00:00:00.000Z',
      });
      const timer = actions.find((a) => a.type === 'startTimer');
      expect(timer?.params).toEqual({
        key: 'response',
        event: { type: 'DEADLINE', key: 'response' },
        at: '2024-06-01T00:00:00.000Z',
        remindAtShare: 0.8,
      });
    });
    it('counts returns and supplements and keeps the last reason', () => {
      const [returned] = transition(nominationMachine, at('submitted'), EXAMPLES.RETURN);
      expect(returned.context.returns).toBe(1);
      expect(returned.context.lastReason).toBe('missing signature');
      const [supplement] = transition(nominationMachine, at('centralAppraisal'), EXAMPLES.REQUEST_SUPPLEMENT);
      expect(supplement.context.supplements).toBe(1);
    });
    it('records the vote figures', () => {
      const [after] = transition(nominationMachine, at('voting'), EXAMPLES.VOTE_PASSED);
      expect(after.context.vote).toEqual(figures);
    });
  });
});
