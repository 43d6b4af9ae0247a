import {
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
  type StateValue,
} from 'xstate';

/** An event as the engine handles it: a type and any payload fields. */
export type WorkflowEvent = { type: string; [key: string]: unknown };

export interface Label {
  vi: string;
  en: string;
}

export interface EventInfo {
  label: Label;
  /** Sent only by the engine (timers) or by another workflow, never by a person. */
  system?: boolean;
}

export interface GuardError {
  code: string;
  message: string;
}

/**
 * A machine and what the engine and the UI need to know about it: its registry key (id@version), a label for
 * every event, and the error code each named guard produces when it refuses an event. State labels live in the
 * states' `meta.label`.
 */
export interface WorkflowDefinition<M extends AnyStateMachine = AnyStateMachine> {
  id: string;
  version: number;
  machine: M;
  events: Record<string, EventInfo>;
  guardErrors: Record<string, GuardError>;
}

export function registryKey(id: string, version: number): string {
  return `${id}@${version}`;
}

/** `a` for a flat machine, `a.b` for a nested one: the string the engine stores and indexes. */
export function stateKey(value: StateValue): string {
  if (typeof value === 'string') return value;
  const entries = Object.entries(value);
  if (entries.length !== 1) return entries.map(([k, v]) => `${k}.${stateKey(v as StateValue)}`).join('|');
  const [key, child] = entries[0];
  return child === undefined || (typeof child === 'object' && Object.keys(child).length === 0)
    ? key
    : `${key}.${stateKey(child as StateValue)}`;
}

export function stateLabel(definition: WorkflowDefinition, state: string): Label {
  const node = definition.machine.getStateNodeById(`${definition.machine.id}.${state}`);
  const label = (node.meta as { label?: Label } | undefined)?.label;
  return label ?? { vi: state, en: state };
}

/** An actor of each machine, never started: the `self` of every transition computed without one. */
const inertSelves = new WeakMap<AnyStateMachine, AnyActorScope['self']>();

/**
 * XState's pure `transition(machine, snapshot, event)`: the next snapshot and the actions to execute, none of them
 * executed. XState's own creates an actor for every call, and an actor computes the machine's initial state when
 * created (with no input, which the machines' context refuses: an exception per call); this one creates it once per
 * machine. The machines invoke and spawn nothing, so the actor's system stays empty and is shared safely.
 */
export function pureTransition(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: WorkflowEvent,
): [AnyMachineSnapshot, { type: string; params?: unknown }[]] {
  let self = inertSelves.get(machine);
  if (!self) inertSelves.set(machine, (self = createActor(machine) as AnyActorScope['self']));
  const actions: { type: string; params?: unknown }[] = [];
  const scope: AnyActorScope = {
    self,
    defer: () => undefined,
    id: '',
    logger: () => undefined,
    sessionId: '',
    stopChild: () => undefined,
    system: self.system,
    emit: () => undefined,
    actionExecutor: (action) => void actions.push(action),
  };
  return [machine.transition(snapshot, event as never, scope) as AnyMachineSnapshot, actions];
}

/** Whether the snapshot takes the event: guards evaluated; an instance in a final state takes nothing. */
export function accepts<E extends { type: string }>(snapshot: AnyMachineSnapshot, event: E): boolean {
  return snapshot.status === 'active' && snapshot.can(event);
}

/** Event types that some transition of the current state configuration accepts (guards not evaluated). */
export function acceptedEventTypes(snapshot: AnyMachineSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  const types = new Set<string>();
  for (const node of snapshot._nodes) {
    for (const type of node.ownEvents) {
      if (!type.startsWith('xstate.') && type !== '*') types.add(type);
    }
  }
  return [...types].sort();
}
