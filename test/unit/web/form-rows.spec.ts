import type { PolicyRules } from '../../../src/awards/policy-rules';
import { formOfRules, rulesFromForm } from '../../../src/web/policy-form';
import { rowErrors, rowsOf } from '../../../src/web/web-form';

describe('rows in a form, and a policy as a form', () => {
  it('reads the rows in order, leaves empty ones out, and puts each problem back in its row', () => {
    const body = {
      'criteria.3.name': 'Thu nhập',
      'criteria.0.name': 'Tăng trưởng',
      'criteria.0.maxScore': '100',
      'criteria.1.name': '',
      'criteria.1.maxScore': ' ',
      'criteria.x.name': 'not a row',
      'other.0.name': 'not this list',
    };
    const { rows, at } = rowsOf(body, 'criteria', ['name', 'maxScore']);
    expect(rows).toEqual([
      { name: 'Tăng trưởng', maxScore: '100' },
      { name: 'Thu nhập', maxScore: undefined },
    ]);
    expect(at).toEqual([0, 3]);
    expect(
      rowErrors({ 'criteria.1.maxScore': ['x'], criteria: ['y'], title: ['z'] }, 'criteria', at),
    ).toEqual({
      'criteria.3.maxScore': ['x'],
      criteria: ['y'],
      title: ['z'],
    });
  });

  it('gives back the rules it was filled from: no vote, no quota, every file kind, a standard', () => {
    const rules: PolicyRules = {
      dossier: [
        { kind: 'proposal', copies: 1, stage: 'submission' },
        { kind: 'summary', copies: 3, stage: 'forwarding' },
      ],
      vote: null,
      quota: { perCluster: null, perNominatingUnit: 4, shareOfEligible: 0.2 },
      tieBreak: ['femaleCollective70', 'female'],
      deadlines: {
        appraisalWorkingDays: 5,
        consultationWorkingDays: 20,
        consultedAnswerWorkingDays: 10,
        responseWorkingDays: 7,
        reminderShare: 0.75,
        lapseOnExpiry: true,
      },
      publicityWorkingDays: 10,
      prizeMultiple: 4.5,
      groundsForHigherAwards: false,
      standard: {
        verified: false,
        individual: [
          {
            key: 'grassroots',
            label: { vi: 'Ba lần Chiến sĩ thi đua cơ sở', en: 'Three grassroots titles' },
            severity: 'warning',
            rule: { holds: { codes: ['GRASSROOTS_EMULATION_FIGHTER'], times: 3, consecutive: true } },
          },
        ],
      },
    };
    const form = formOfRules(rules);
    expect(form['rules.prizeMultiple']).toBe('4,5');
    expect(form['rules.quota.shareOfEligible']).toBe('20');
    expect(rulesFromForm(form).rules).toEqual({ ...rules });
    // A vote, a narrower list of file kinds, and the standard taken out.
    const voted: PolicyRules = {
      ...rules,
      vote: {
        approvalShare: 2 / 3,
        approvalBase: 'valid',
        strictlyMore: false,
        quorumShare: 0.5,
        selfVote: false,
      },
      fileTypes: ['pdf', 'doc'],
      standard: undefined,
    };
    const { standard, ...withoutStandard } = voted;
    void standard;
    expect(rulesFromForm(formOfRules(voted)).rules).toEqual(withoutStandard);
    const unreadable = rulesFromForm({ ...formOfRules(rules), 'rules.standard': '{ not json' });
    expect(unreadable.standardUnreadable).toBe(true);
  });
});
