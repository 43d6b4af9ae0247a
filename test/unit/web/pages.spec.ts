import { findWorkflow } from '../../../workflows';
import type { NominationView } from '../../../src/nominations/nominations.service';
import { actionableStates, byUrgency } from '../../../src/web/my-work.service';
import { diagramOf } from '../../../src/web/state-diagram';

describe('the state diagram drawn from the Mermaid text', () => {
  const diagram = diagramOf(findWorkflow('nomination', 1)!);
  const state = (key: string) => diagram.find((s) => s.key === key)!;

  it('lists every state with its label and its outgoing transitions', () => {
    expect(diagram[0].key).toBe('draft');
    expect(state('draft').edges.map((e) => [e.event, e.target])).toEqual([
      ['SUBMIT', 'submitted'],
      ['WITHDRAW', 'withdrawn'],
    ]);
    expect(state('draft').edges[0]).toMatchObject({
      eventLabel: { vi: 'Gửi hồ sơ' },
      targetLabel: { vi: 'Chờ duyệt' },
      condition: { vi: 'khi hồ sơ đủ tài liệu bắt buộc' },
    });
    // No guard names, and no transitions that stay in their state, for a person reading the diagram.
    const conditions = diagram
      .flatMap((s) => s.edges.map((e) => (e.condition ? `${e.condition.vi} ${e.condition.en}` : '')))
      .join(' | ');
    expect(conditions).not.toMatch(/\[|has[A-Z]|no state change/);
    for (const s of diagram) for (const e of s.edges) expect(e.target).not.toBe(s.key);
    expect(state('selected').edges[0].condition).toEqual({
      vi: 'khi có biên bản bình xét, trong chỉ tiêu',
      en: 'with the minutes of the vote, within the quota',
    });
    expect(state('awarded')).toMatchObject({ final: true, edges: [], label: { vi: 'Đã khen thưởng' } });
    expect(state('pmProposal').edges.map((e) => e.target)).toEqual(['awarded', 'rejected']);
  });
});

describe('my work', () => {
  it('looks for nominations only in the states where the role can act (from the access table)', () => {
    expect(actionableStates('PM_OFFICE')).toEqual(
      ['appraised', 'pmProposal'].filter((s) => s !== 'appraised'),
    );
    expect(actionableStates('COUNCIL_SECRETARY')).toEqual(['councilReview']);
    expect(actionableStates('CLUSTER_LEADER')).toEqual(['selected', 'submitted']);
    expect(actionableStates('NOMINATOR')).toEqual(
      expect.arrayContaining(['draft', 'returned', 'supplementRequested', 'accepted']),
    );
    expect(actionableStates('CLUSTER_VOTER')).toEqual([]);
  });

  it('puts overdue items first, then by due date, then those without one', () => {
    const n = (id: string, overdue: boolean, dueAt: string | null) =>
      ({ id, overdue, dueAt }) as NominationView;
    const sorted = [
      n('none', false, null),
      n('later', false, '2024-05-02T00:00:00Z'),
      n('late', true, '2024-04-01T00:00:00Z'),
      n('sooner', false, '2024-04-20T00:00:00Z'),
    ].sort(byUrgency);
    expect(sorted.map((x) => x.id)).toEqual(['late', 'sooner', 'later', 'none']);
  });
});
