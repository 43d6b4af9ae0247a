import fc from 'fast-check';
import type { VoteRules } from '../../../src/awards/policy-rules';
import {
  quorumMet,
  required,
  tally,
  type Ballot,
  type TallyCandidate,
  type TallyItem,
} from '../../../src/voting/tally';

const RULES: VoteRules = {
  approvalShare: 0.5,
  approvalBase: 'eligible',
  strictlyMore: true,
  quorumShare: 2 / 3,
  selfVote: true,
};
const collective = (id: string, femaleShare: number | null = null): TallyCandidate => ({
  nominationId: id,
  nomineeKind: 'collective',
  gender: null,
  femaleShare,
});
const person = (id: string, gender: 'female' | 'male'): TallyCandidate => ({
  nominationId: id,
  nomineeKind: 'individual',
  gender,
  femaleShare: null,
});
const item = (candidates: TallyCandidate[], quota: number, extra: Partial<TallyItem> = {}): TallyItem => ({
  awardType: 'FLAG',
  quota,
  rules: RULES,
  tieBreak: ['female', 'femaleCollective70', 'runoff'],
  candidates,
  ...extra,
});
const ballots = (...choices: string[][]): Ballot[] => choices.map((c) => ({ choices: { FLAG: c } }));

describe('tally', () => {
  it('counts thresholds exactly: more than half of 9 is 5, two thirds of 9 is 6', () => {
    expect(required(0.5, 9, true)).toBe(5);
    expect(required(0.5, 8, true)).toBe(5);
    expect(required(0.5, 8, false)).toBe(4);
    expect(required(2 / 3, 9, false)).toBe(6);
    expect(quorumMet(6, 9, 2 / 3)).toBe(true);
    expect(quorumMet(5, 9, 2 / 3)).toBe(false);
  });

  it("selects the seed's conference: Nam Định for the flag", () => {
    const result = tally({
      round: 1,
      eligible: 9,
      items: [item([collective('namdinh'), collective('hungyen'), collective('quangninh')], 1)],
      ballots: ballots(
        ['namdinh'],
        ['namdinh'],
        ['namdinh'],
        ['namdinh'],
        ['namdinh'],
        ['namdinh'],
        ['namdinh'],
        ['hungyen'],
        [],
      ),
    });
    expect(result.candidates.map((c) => [c.nominationId, c.approvals, c.rank, c.outcome])).toEqual([
      ['namdinh', 7, 1, 'selected'],
      ['hungyen', 1, 2, 'belowThreshold'],
      ['quangninh', 0, 3, 'belowThreshold'],
    ]);
    expect(result.candidates[0].share).toBeCloseTo(7 / 9);
    expect(result.runoff).toEqual([]);
  });

  it('leaves candidates below the threshold unselected even when places are free', () => {
    const result = tally({
      round: 1,
      eligible: 9,
      items: [item([collective('a'), collective('b')], 2)],
      ballots: ballots(['a'], ['a'], ['a'], ['a'], ['b']),
    });
    expect(result.candidates.map((c) => c.approvals)).toEqual([4, 1]);
    expect(result.candidates.every((c) => !c.selected)).toBe(true);
  });

  it('counts the ballots of each award: issued to every member, received, valid, invalid, blank', () => {
    const result = tally({
      round: 1,
      eligible: 9,
      items: [item([collective('a'), collective('b')], 1)],
      ballots: ballots(['a'], ['a'], ['a'], ['a'], ['a'], ['b'], [], []),
    });
    expect(result.ballots).toEqual([
      { awardType: 'FLAG', issued: 9, received: 8, valid: 8, invalid: 0, blank: 2, threshold: 5, places: 1 },
    ]);
  });

  it('selects candidates at the boundary that fit the places by their approvals, not as a tie', () => {
    // A 6, B 5, C 4 for two places: B is second by its approvals, nothing is tied.
    const result = tally({
      round: 1,
      eligible: 9,
      items: [
        item([collective('a'), collective('b'), collective('c')], 2, {
          rules: { ...RULES, approvalShare: 0.3 },
        }),
      ],
      ballots: ballots(
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'c'],
        ['a', 'c'],
        ['b', 'c'],
        ['c'],
      ),
    });
    expect(result.candidates.map((c) => [c.nominationId, c.approvals, c.outcome, c.tieBreak])).toEqual([
      ['a', 6, 'selected', undefined],
      ['b', 5, 'selected', undefined],
      ['c', 4, 'beyondQuota', undefined],
    ]);
  });

  it('takes no more places than it is given: the places the cluster has left in its year', () => {
    const result = tally({
      round: 1,
      eligible: 9,
      places: { FLAG: 0 },
      items: [item([collective('a')], 1)],
      ballots: ballots(['a'], ['a'], ['a'], ['a'], ['a'], ['a']),
    });
    expect(result.candidates[0]).toMatchObject({ approvals: 6, selected: false, outcome: 'beyondQuota' });
  });

  it('measures against valid ballots when the policy says so', () => {
    const result = tally({
      round: 1,
      eligible: 9,
      items: [item([collective('a')], 1, { rules: { ...RULES, approvalBase: 'valid' } })],
      ballots: ballots(['a'], ['a'], ['a'], ['a'], []),
    });
    expect(result.candidates[0]).toMatchObject({ approvals: 4, share: 0.8, selected: true });
  });

  it('prefers a woman in a tie at the quota, then a collective at least 70 % female', () => {
    const tie = ballots(
      ['m', 'f', 'c'],
      ['m', 'f', 'c'],
      ['m', 'f', 'c'],
      ['m', 'f', 'c'],
      ['m', 'f', 'c'],
      [],
    );
    const women = tally({
      round: 1,
      eligible: 6,
      items: [item([person('m', 'male'), person('f', 'female')], 1)],
      ballots: tie,
    });
    expect(women.candidates.map((c) => [c.nominationId, c.outcome, c.tieBreak])).toEqual([
      ['m', 'beyondQuota', undefined],
      ['f', 'selected', 'female'],
    ]);
    const collectives = tally({
      round: 1,
      eligible: 6,
      items: [item([collective('m', 0.4), collective('c', 0.75)], 1)],
      ballots: tie,
    });
    expect(collectives.candidates.find((c) => c.selected)).toMatchObject({
      nominationId: 'c',
      tieBreak: 'femaleCollective70',
    });
  });

  it('sends a tie the preferences cannot break to a run-off for the places left', () => {
    const result = tally({
      round: 1,
      eligible: 9,
      items: [item([collective('a'), collective('b'), collective('c')], 2)],
      ballots: ballots(
        ['a', 'b', 'c'],
        ['a', 'b', 'c'],
        ['a', 'b', 'c'],
        ['a', 'b', 'c'],
        ['a', 'b', 'c'],
        ['a'],
        [],
      ),
    });
    expect(result.candidates.map((c) => [c.nominationId, c.outcome])).toEqual([
      ['a', 'selected'],
      ['b', 'runoff'],
      ['c', 'runoff'],
    ]);
    expect(result.runoff).toEqual([{ awardType: 'FLAG', nominationIds: ['b', 'c'], places: 1 }]);
    const second = tally({
      round: 2,
      eligible: 9,
      places: { FLAG: 1 },
      items: [item([collective('b'), collective('c')], 2)],
      ballots: ballots(['c'], ['c'], ['b'], ['c'], [], ['c'], ['b']),
    });
    expect(second.candidates.map((c) => [c.nominationId, c.outcome])).toEqual([
      ['b', 'beyondQuota'],
      ['c', 'selected'],
    ]);
  });

  it('never counts a candidate of another award or the same candidate twice in a ballot', () => {
    const result = tally({
      round: 1,
      eligible: 3,
      items: [item([collective('a')], 1)],
      ballots: [{ choices: { FLAG: ['a', 'a', 'zzz'], OTHER: ['a'] } }, { choices: {} }],
    });
    expect(result.candidates[0].approvals).toBe(1);
  });

  describe('properties', () => {
    const candidateArb = fc.record({
      nomineeKind: fc.constantFrom('collective' as const, 'individual' as const),
      gender: fc.constantFrom('female' as const, 'male' as const, null),
      femaleShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    });
    const scenario = fc
      .record({
        candidates: fc.array(candidateArb, { minLength: 1, maxLength: 7 }),
        eligible: fc.integer({ min: 1, max: 15 }),
        quota: fc.integer({ min: 0, max: 4 }),
        approvalShare: fc.constantFrom(0, 0.3, 0.5, 2 / 3),
        approvalBase: fc.constantFrom('eligible' as const, 'valid' as const),
        strictlyMore: fc.boolean(),
        tieBreak: fc.shuffledSubarray(['female', 'femaleCollective70', 'runoff'] as const),
      })
      .chain((s) =>
        fc
          .array(fc.subarray(s.candidates.map((_, i) => `n${i}`)), { minLength: 0, maxLength: s.eligible })
          .map((choices) => ({ ...s, ballots: choices.map((c) => ({ choices: { FLAG: c } })) })),
      );
    type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
    const run = (s: Scenario, ballotList = s.ballots) =>
      tally({
        round: 1,
        eligible: s.eligible,
        ballots: ballotList,
        items: [
          {
            awardType: 'FLAG',
            quota: s.quota,
            rules: {
              ...RULES,
              approvalShare: s.approvalShare,
              approvalBase: s.approvalBase,
              strictlyMore: s.strictlyMore,
            },
            tieBreak: [...s.tieBreak],
            candidates: s.candidates.map((c, i) => ({ ...c, nominationId: `n${i}` })),
          },
        ],
      });

    it('never selects more than the quota', () => {
      fc.assert(fc.property(scenario, (s) => run(s).candidates.filter((c) => c.selected).length <= s.quota));
    });

    it('never selects anybody below the threshold', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const base = s.approvalBase === 'eligible' ? s.eligible : s.ballots.length;
          const needed = Math.max(1, required(s.approvalShare, base, s.strictlyMore));
          return run(s).candidates.every((c) => !c.selected || c.approvals >= needed);
        }),
      );
    });

    it('does not depend on the order of the ballots', () => {
      fc.assert(
        fc.property(scenario, fc.integer(), (s, seed) => {
          const shuffled = [...s.ballots].sort(
            (a, b) =>
              ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7),
          );
          return JSON.stringify(run(s)) === JSON.stringify(run(s, shuffled.reverse()));
        }),
      );
    });

    it('never prefers one of two candidates the policy cannot tell apart: they share the outcome', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const result = run(s);
          const key = (i: number) => {
            const c = s.candidates[i];
            const prefs = [
              s.tieBreak.includes('female') && c.nomineeKind === 'individual' && c.gender === 'female',
              s.tieBreak.includes('femaleCollective70') &&
                c.nomineeKind === 'collective' &&
                (c.femaleShare ?? 0) >= 0.7 - 1e-9,
            ];
            return `${result.candidates[i].approvals}|${prefs.join(',')}`;
          };
          return s.candidates.every((_, i) =>
            s.candidates.every(
              (__, j) => key(i) !== key(j) || result.candidates[i].outcome === result.candidates[j].outcome,
            ),
          );
        }),
      );
    });

    it('fills every place it can: fewer selected than the quota only when candidates ran out or a run-off is pending', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const result = run(s);
          const selected = result.candidates.filter((c) => c.selected).length;
          const stillInPlay = result.candidates.filter((c) => c.outcome !== 'belowThreshold').length;
          return selected === Math.min(s.quota, stillInPlay) || result.runoff.length > 0;
        }),
      );
    });
  });
});
