import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { accepts, stateKey } from '../../../workflows/definition';
import { nominationV1toV2, provincialAwardV1toV2 } from '../../../workflows/migrations';
import {
  provincialAwardMachine,
  provincialAwardMachineV2,
} from '../../../workflows/provincial-award.machine';
import {
  nominationMachine,
  nominationMachineV2,
  type NominationEvent,
  type NominationPolicy,
} from '../../../workflows/nomination.machine';

const policy: NominationPolicy = {
  requiredDocuments: ['proposal'],
  appraisalWorkingDays: 10,
  consultationWorkingDays: 20,
  responseWorkingDays: 5,
  reminderShare: 0.8,
  lapseOnExpiry: false,
};
const dossier = { kinds: ['proposal'] };
const decision = { outcome: 'awarded' as const, decisionNumber: '12/QĐ-CTN', decisionDate: '2025-09-01' };

function run(route: 'direct' | 'presidential', events: NominationEvent[], machine = nominationMachineV2) {
  let [snapshot] = initialTransition(machine, { nominationId: 'n1', route, policy });
  for (const e of events) [snapshot] = transition(machine, snapshot, e) as [typeof snapshot, unknown];
  return snapshot as AnyMachineSnapshot;
}

const toCouncil: NominationEvent[] = [
  { type: 'SUBMIT', dossier },
  { type: 'ACCEPT' },
  { type: 'FORWARD', minutesAttached: false, quota: { used: 0, limit: 5 } },
  { type: 'APPRAISAL_PASSED' },
  { type: 'COUNCIL_APPROVED' },
];

describe('nomination machine, version 2', () => {
  it('refuses a submission with an unmet blocking criterion, and takes one with only warnings unmet', () => {
    const draft = run('direct', []);
    const blocked = { type: 'SUBMIT', dossier, eligibility: { blockingUnmet: 1, warningsUnmet: 0 } } as const;
    expect(accepts(draft, blocked)).toBe(false);
    expect(accepts(draft, { ...blocked, eligibility: { blockingUnmet: 0, warningsUnmet: 2 } })).toBe(true);
    // Version 1 never looked at the standard.
    expect(accepts(run('direct', [], nominationMachine), blocked)).toBe(true);
  });

  it("asks the Board's written reason to pass a nomination with an unmet warning criterion", () => {
    const appraisal = run('direct', toCouncil.slice(0, 3));
    expect(stateKey(appraisal.value)).toBe('centralAppraisal');
    const warned = { type: 'APPRAISAL_PASSED', eligibility: { blockingUnmet: 0, warningsUnmet: 1 } } as const;
    expect(accepts(appraisal, warned)).toBe(false);
    expect(accepts(appraisal, { ...warned, acceptanceReason: '  ' })).toBe(false);
    expect(accepts(appraisal, { ...warned, acceptanceReason: 'Thành tích đột xuất đã được xác minh' })).toBe(
      true,
    );
  });

  it('routes an order from the council through the Prime Minister to the President', () => {
    const proposal = run('presidential', toCouncil);
    expect(stateKey(proposal.value)).toBe('pmProposal');
    expect(accepts(proposal, { type: 'PM_DECIDED', ...decision })).toBe(false);
    const president = run('presidential', [...toCouncil, { type: 'PM_PROPOSED' }]);
    expect(stateKey(president.value)).toBe('presidentialDecision');
    const awarded = run('presidential', [
      ...toCouncil,
      { type: 'PM_PROPOSED' },
      { type: 'PRESIDENT_DECIDED', ...decision },
    ]);
    expect(stateKey(awarded.value)).toBe('awarded');
    expect(awarded.context.decision).toEqual({ ...decision, by: 'president' });
    // A Prime Minister's award never goes to the President.
    expect(accepts(run('direct', toCouncil), { type: 'PM_PROPOSED' })).toBe(false);
    expect(stateKey(run('direct', [...toCouncil, { type: 'PM_DECIDED', ...decision }]).value)).toBe(
      'awarded',
    );
  });
});

describe('migration nomination@1 → nomination@2', () => {
  const states = Object.keys(nominationMachine.config.states!);
  it('moves only states that exist in version 2 with the same meaning, and says why it leaves the others', () => {
    const moved = states.filter((s) => nominationV1toV2.plan(s, {}).move);
    expect(moved.sort()).toEqual(['councilReview', 'draft', 'pmProposal', 'returned']);
    for (const s of moved) expect(Object.keys(nominationMachineV2.config.states!)).toContain(s);
    for (const s of states.filter((x) => !moved.includes(x))) {
      const plan = nominationV1toV2.plan(s, {});
      expect(plan.move === false && plan.reason.vi.length > 0 && plan.reason.en.length > 0).toBe(true);
    }
  });

  it('a moved instance goes on in version 2 from where it was', () => {
    const v1 = run(
      'direct',
      toCouncil.slice(0, 1).concat([{ type: 'RETURN', reason: 'thiếu chữ ký' }]),
      nominationMachine,
    );
    const plan = nominationV1toV2.plan(stateKey(v1.value), v1.context);
    if (!plan.move) throw new Error('returned must move');
    const restored = nominationMachineV2.resolveState({
      value: v1.value as never,
      context: plan.context as never,
    });
    expect(
      accepts(restored, { type: 'RESUBMIT', dossier, eligibility: { blockingUnmet: 1, warningsUnmet: 0 } }),
    ).toBe(false);
    expect(accepts(restored, { type: 'RESUBMIT', dossier })).toBe(true);
  });
});

describe('provincial award machine, version 2', () => {
  const start = (machine: typeof provincialAwardMachineV2 | typeof provincialAwardMachine) =>
    initialTransition(machine, { nominationId: 'p1', policy })[0] as AnyMachineSnapshot;
  it('refuses a provincial Emulation Fighter without three grassroots titles, and asks the approver for a reason on a warning', () => {
    const blocked = { type: 'SUBMIT', dossier, eligibility: { blockingUnmet: 1, warningsUnmet: 0 } } as const;
    expect(accepts(start(provincialAwardMachineV2), blocked)).toBe(false);
    expect(accepts(start(provincialAwardMachine), blocked)).toBe(true);
    const [submitted] = transition(provincialAwardMachineV2, start(provincialAwardMachineV2), {
      type: 'SUBMIT',
      dossier,
      eligibility: { blockingUnmet: 0, warningsUnmet: 1 },
    });
    const warned = { type: 'APPRAISAL_PASSED', eligibility: { blockingUnmet: 0, warningsUnmet: 1 } } as const;
    expect(accepts(submitted, warned)).toBe(false);
    expect(accepts(submitted, { ...warned, acceptanceReason: 'Đã xác minh sáng kiến' })).toBe(true);
  });
  it('migrates every running state but the one under appraisal', () => {
    const states = Object.keys(provincialAwardMachine.config.states!);
    expect(states.filter((s) => !provincialAwardV1toV2.plan(s, {}).move)).toEqual(['submitted']);
  });
});
