import { sessionActions } from '../../../src/web/views/voting.view';

type Session = Parameters<typeof sessionActions>[0];

const event = (type: string) => ({ type, label: { vi: type, en: type } });
const tallied = (runoff: unknown[]): Session =>
  ({
    allowedEvents: [event('CANCEL'), event('RUNOFF'), event('CERTIFY')],
    results: { rounds: [{ round: 1, runoff }] },
  }) as unknown as Session;

describe("the leader's buttons on a session", () => {
  it('offers the run-off only when the tally asks for one, and certifying only when none is pending', () => {
    expect(sessionActions(tallied([])).map((e) => e.type)).toEqual(['CERTIFY', 'CANCEL']);
    expect(sessionActions(tallied([{ awardType: 'GOVERNMENT_FLAG', places: 1 }])).map((e) => e.type)).toEqual(
      ['RUNOFF', 'CANCEL'],
    );
  });

  it('puts cancelling last, and offers nothing of the tally before one exists', () => {
    const open = { allowedEvents: [event('CANCEL'), event('CLOSE')], results: null } as unknown as Session;
    expect(sessionActions(open).map((e) => e.type)).toEqual(['CLOSE', 'CANCEL']);
    const untallied = {
      allowedEvents: [event('CERTIFY'), event('RUNOFF')],
      results: null,
    } as unknown as Session;
    expect(sessionActions(untallied)).toEqual([]);
  });
});
