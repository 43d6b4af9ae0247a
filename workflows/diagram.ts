import type { AnyStateMachine, AnyStateNode } from 'xstate';

function guardName(guard: unknown): string | undefined {
  if (!guard) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard)
    return String((guard as { type: string }).type);
  const nested = (guard as { guards?: unknown[] }).guards;
  if (Array.isArray(nested)) return nested.map(guardName).filter(Boolean).join(' && ');
  return 'guard';
}

function walk(node: AnyStateNode, lines: string[], indent: string): void {
  const children = Object.values(node.states) as AnyStateNode[];
  for (const child of children) {
    if (Object.keys(child.states).length > 0) {
      lines.push(`${indent}state ${child.key} {`);
      lines.push(`${indent}  [*] --> ${(child.config.initial as string) ?? Object.keys(child.states)[0]}`);
      walk(child, lines, indent + '  ');
      lines.push(`${indent}}`);
    }
  }
  for (const child of children) {
    for (const [eventType, transitions] of child.transitions) {
      for (const t of transitions) {
        const targets = t.target ?? [];
        const guard = guardName(t.guard);
        const label = guard ? `${eventType} [${guard}]` : eventType;
        if (targets.length === 0) {
          lines.push(`${indent}${child.key} --> ${child.key}: ${label} (no state change)`);
        }
        for (const target of targets) lines.push(`${indent}${child.key} --> ${target.key}: ${label}`);
      }
    }
    if (child.type === 'final') lines.push(`${indent}${child.key} --> [*]`);
  }
}

/** A Mermaid state diagram of a machine, generated from its definition so that it cannot drift. */
export function toMermaid(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${machine.root.config.initial as string}`];
  walk(machine.root, lines, '  ');
  const rootEvents = [...machine.root.transitions.keys()];
  if (rootEvents.length > 0)
    lines.push(
      `  note right of ${machine.root.config.initial as string}: in every active state: ${rootEvents.join(', ')}`,
    );
  return lines.join('\n');
}
