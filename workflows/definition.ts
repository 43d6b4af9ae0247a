import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';

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
