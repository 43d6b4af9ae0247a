import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyStateNode,
  initialTransition,
  transition,
} from 'xstate';
import { acceptedEventTypes, pureTransition, WORKFLOWS } from '../../../workflows';

/** Every state node of a machine, the root included. */
function nodesOf(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => nodesOf(child))];
}

/** What of a transition's result the engine uses: the state, the context, the status and the actions. */
function outcome([snapshot, actions]: [AnyMachineSnapshot, { type: string; params?: unknown }[]]) {
  return {
    value: snapshot.value,
    context: snapshot.context as unknown,
    status: snapshot.status,
    actions: actions.map((a) => ({ type: a.type, params: a.params })),
  };
}

/** A context a machine's guards and actions can read, from its initial state with a plausible input. */
function contextOf(machine: AnyStateMachine): Record<string, unknown> {
  const input = {
    nominationId: 'n1',
    route: 'cluster',
    policy: {
      requiredDocuments: ['proposal'],
      appraisalWorkingDays: 10,
      consultationWorkingDays: 20,
      responseWorkingDays: 5,
      reminderShare: 0.8,
      lapseOnExpiry: false,
    },
    sessionId: 's1',
    clusterId: 'c1',
    year: 2024,
    candidates: ['n1'],
    eligibleVoters: 9,
  };
  const [initial] = initialTransition(machine, input as never);
  return initial.context as Record<string, unknown>;
}

describe('a transition computed without an actor per call', () => {
  it('the machines invoke and spawn nothing: the shared inert actor keeps an empty system', () => {
    for (const { machine } of WORKFLOWS) {
      for (const node of nodesOf(machine.root)) expect(node.invoke).toEqual([]);
    }
  });

  it('gives what XState`s transition() gives, for every event every state of every machine handles', () => {
    let compared = 0;
    for (const { machine } of WORKFLOWS) {
      const context = contextOf(machine);
      for (const node of nodesOf(machine.root)) {
        if (node === machine.root || Object.keys(node.states).length > 0) continue;
        const snapshot = machine.resolveState({
          value: node.path.join('.') as never,
          context: context as never,
        });
        for (const type of acceptedEventTypes(snapshot)) {
          const event = { type, reason: 'r', key: 'k', sessionId: 's1', dossier: { kinds: ['proposal'] } };
          const theirs = (() => {
            try {
              return outcome(transition(machine, snapshot, event as never) as never);
            } catch (error) {
              return { threw: (error as Error).message };
            }
          })();
          const ours = (() => {
            try {
              return outcome(pureTransition(machine, snapshot, event));
            } catch (error) {
              return { threw: (error as Error).message };
            }
          })();
          expect(ours).toEqual(theirs);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
