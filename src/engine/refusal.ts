import type { AnyMachineSnapshot, AnyStateNode } from 'xstate';
import type { GuardError, WorkflowDefinition } from '../../workflows';

export const TRANSITION_NOT_ALLOWED: GuardError = {
  code: 'WORKFLOW.TRANSITION_NOT_ALLOWED',
  message: 'This event is not accepted in the current state',
};

type GuardImpl = (args: { context: unknown; event: unknown }, params: unknown) => boolean;

/** Names of the leaf guards of a transition guard (a name, `{ type, params }`, or `and([...])`) that fail. */
function failingGuards(
  guard: unknown,
  implementations: Record<string, GuardImpl>,
  args: { context: unknown; event: unknown },
): string[] {
  if (!guard) return [];
  if (typeof guard === 'string' || (typeof guard === 'object' && guard !== null && 'type' in guard)) {
    const name = typeof guard === 'string' ? guard : (guard as { type: string }).type;
    const params = typeof guard === 'object' ? (guard as { params?: unknown }).params : undefined;
    const impl = implementations[name];
    return impl && !impl(args, params) ? [name] : [];
  }
  const nested = (guard as { guards?: unknown[] }).guards;
  if (Array.isArray(nested)) return nested.flatMap((g) => failingGuards(g, implementations, args));
  return [];
}

/**
 * Why a machine refused an event: when the current state has a transition for the event type but its guards
 * failed, the first failing guard's error code (for example `NOMINATION.DOSSIER_INCOMPLETE`); otherwise the
 * generic `WORKFLOW.TRANSITION_NOT_ALLOWED`.
 */
export function explainRefusal(
  definition: WorkflowDefinition,
  snapshot: AnyMachineSnapshot,
  event: { type: string },
): GuardError {
  if (snapshot.status !== 'active') return TRANSITION_NOT_ALLOWED;
  const implementations = (definition.machine.implementations.guards ?? {}) as Record<string, GuardImpl>;
  const args = { context: snapshot.context, event };
  for (const leaf of snapshot._nodes as AnyStateNode[]) {
    for (let node: AnyStateNode | undefined = leaf; node; node = node.parent) {
      const candidates = node.transitions.get(event.type) ?? [];
      for (const candidate of candidates) {
        for (const name of failingGuards(candidate.guard, implementations, args)) {
          const error = definition.guardErrors[name];
          if (error && error.code !== TRANSITION_NOT_ALLOWED.code) return error;
        }
      }
    }
  }
  return TRANSITION_NOT_ALLOWED;
}
