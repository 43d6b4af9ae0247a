import { initialTransition, transition } from 'xstate';
import { accepts, stateKey } from '../../../workflows/definition';
import { agreementMachine } from '../../../workflows/agreement.machine';
import {
  finalResults,
  votingSessionMachine,
  type TallyResult,
  type VotingSessionContext,
} from '../../../workflows/voting-session.machine';

const candidates = [
  { nominationId: 'n1', awardType: 'FLAG' },
  { nominationId: 'n2', awardType: 'FLAG' },
];
const result = (runoff: TallyResult['runoff'] = []): TallyResult => ({
  round: 1,
  turnout: 9,
  eligible: 9,
  candidates: [
    {
      nominationId: 'n1',
      awardType: 'FLAG',
      approvals: 7,
      share: 7 / 9,
      rank: 1,
      selected: runoff.length === 0,
      outcome: runoff.length ? 'runoff' : 'selected',
    },
    {
      nominationId: 'n2',
      awardType: 'FLAG',
      approvals: 2,
      share: 2 / 9,
      rank: 2,
      selected: false,
      outcome: runoff.length ? 'runoff' : 'belowThreshold',
    },
  ],
  runoff,
});
const start = (closesAt: string | null = null) =>
  initialTransition(votingSessionMachine, { sessionId: 's1', candidates, closesAt });
const at = (state: string, context: Partial<VotingSessionContext> = {}) =>
  votingSessionMachine.resolveState({ value: state, context: { ...start()[0].context, ...context } });
const effects = (actions: { type: string; params?: unknown }[]) => actions.map((a) => [a.type, a.params]);

describe('voting session machine', () => {
  it('opens: every candidate goes to voting, voters are told, the closing time becomes a timer', () => {
    const [draft] = start('2026-12-01T10:00:00.000Z');
    const [open, actions] = transition(votingSessionMachine, draft, { type: 'OPEN' });
    expect(open.value).toBe('open');
    expect(effects(actions)).toEqual([
      ['sendEvent', { instanceId: 'n1', event: { type: 'VOTE_OPENED', sessionId: 's1' } }],
      ['sendEvent', { instanceId: 'n2', event: { type: 'VOTE_OPENED', sessionId: 's1' } }],
      ['notify', { template: 'vote.opened' }],
      [
        'startTimer',
        { key: 'closes', event: { type: 'DEADLINE', key: 'closes' }, at: '2026-12-01T10:00:00.000Z' },
      ],
    ]);
  });

  it('closes by the leader or the deadline, and is tallied only with a quorum', () => {
    const [closed] = transition(votingSessionMachine, at('open', { opened: true }), { type: 'CLOSE' });
    expect([closed.value, closed.context.closedBy]).toEqual(['closed', 'leader']);
    expect(accepts(closed, { type: 'TALLY', result: result(), quorumMet: false })).toBe(false);
    expect(accepts(closed, { type: 'NO_QUORUM', turnout: 3, eligible: 9 })).toBe(false);
    const [tallied] = transition(votingSessionMachine, closed, {
      type: 'TALLY',
      result: result(),
      quorumMet: true,
    });
    expect(tallied.value).toBe('tallied');
    const [byDeadline] = transition(votingSessionMachine, at('open', { opened: true }), {
      type: 'DEADLINE',
      key: 'closes',
    });
    const [noQuorum, actions] = transition(votingSessionMachine, byDeadline, {
      type: 'NO_QUORUM',
      turnout: 3,
      eligible: 9,
    });
    expect(noQuorum.value).toBe('noQuorum');
    expect(effects(actions).map(([t]) => t)).toEqual(['sendEvent', 'sendEvent', 'notify']);
  });

  it('certifies only without a pending run-off, sending every candidate its verdict with its figures', () => {
    const pending = at('tallied', {
      opened: true,
      results: [result([{ awardType: 'FLAG', nominationIds: ['n1', 'n2'], places: 1 }])],
    });
    expect(accepts(pending, { type: 'CERTIFY' })).toBe(false);
    const [runoff] = transition(votingSessionMachine, pending, { type: 'RUNOFF', candidates });
    expect([runoff.value, runoff.context.round]).toEqual(['open', 2]);
    const done = at('tallied', { opened: true, results: [result()] });
    const [certified, actions] = transition(votingSessionMachine, done, {
      type: 'CERTIFY',
      decidedOn: '2024-03-13',
    });
    expect(certified.value).toBe('certified');
    expect(effects(actions)).toEqual([
      [
        'sendEvent',
        {
          instanceId: 'n1',
          event: {
            type: 'VOTE_PASSED',
            sessionId: 's1',
            approvals: 7,
            share: 7 / 9,
            rank: 1,
            round: 1,
            decidedBy: 'threshold',
            decidedOn: '2024-03-13',
          },
        },
      ],
      [
        'sendEvent',
        {
          instanceId: 'n2',
          event: {
            type: 'VOTE_FAILED',
            sessionId: 's1',
            approvals: 2,
            share: 2 / 9,
            rank: 2,
            round: 1,
            decidedBy: 'belowThreshold',
            decidedOn: '2024-03-13',
          },
        },
      ],
      ['notify', { template: 'vote.certified' }],
    ]);
  });

  it('cancels with a reason, sending opened candidates back', () => {
    expect(accepts(at('open', { opened: true }), { type: 'CANCEL', reason: ' ' })).toBe(false);
    const [cancelled, actions] = transition(votingSessionMachine, at('open', { opened: true }), {
      type: 'CANCEL',
      reason: 'hoãn',
    });
    expect(cancelled.value).toBe('cancelled');
    expect(effects(actions)).toEqual([
      ['sendEvent', { instanceId: 'n1', event: { type: 'VOTE_CANCELLED', sessionId: 's1' } }],
      ['sendEvent', { instanceId: 'n2', event: { type: 'VOTE_CANCELLED', sessionId: 's1' } }],
    ]);
    const [fromDraft, none] = transition(votingSessionMachine, start()[0], { type: 'CANCEL', reason: 'x' });
    expect([stateKey(fromDraft.value), none]).toEqual(['cancelled', []]);
  });

  it("reports a run-off's winner with the run-off's own figures, round and rule, ranked below the places taken", () => {
    const second: TallyResult = {
      round: 2,
      turnout: 9,
      eligible: 9,
      candidates: [
        {
          nominationId: 'n2',
          awardType: 'FLAG',
          approvals: 6,
          share: 6 / 9,
          rank: 1,
          selected: true,
          outcome: 'selected',
        },
      ],
      runoff: [],
    };
    const final = finalResults({ ...start()[0].context, results: [result(), second] });
    expect(final.find((r) => r.nominationId === 'n2')).toEqual({
      nominationId: 'n2',
      awardType: 'FLAG',
      approvals: 6,
      share: 6 / 9,
      rank: 2,
      selected: true,
      outcome: 'selected',
      round: 2,
      decidedBy: 'runoff',
      rounds: [
        { round: 1, approvals: 2, share: 2 / 9 },
        { round: 2, approvals: 6, share: 6 / 9 },
      ],
    });
    expect(final.find((r) => r.nominationId === 'n1')).toMatchObject({
      approvals: 7,
      round: 1,
      decidedBy: 'threshold',
    });
  });
});

describe('agreement machine', () => {
  const [signing] = initialTransition(agreementMachine, { agreementId: 'a', members: ['o1', 'o2'] });

  it('is in force when the last member signs, and refuses strangers and second signatures', () => {
    const [one] = transition(agreementMachine, signing, { type: 'SIGN', organizationId: 'o1' });
    expect([one.value, one.context.signed]).toEqual(['signing', ['o1']]);
    expect(accepts(one, { type: 'SIGN', organizationId: 'o1' })).toBe(false);
    expect(accepts(one, { type: 'SIGN', organizationId: 'stranger' })).toBe(false);
    const [both, actions] = transition(agreementMachine, one, { type: 'SIGN', organizationId: 'o2' });
    expect(both.value).toBe('inForce');
    expect(effects(actions)).toEqual([['notify', { template: 'agreement.inForce' }]]);
  });
});
