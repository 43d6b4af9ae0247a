import { toMermaid } from '../../workflows/diagram';
import { stateLabel, type Label, type WorkflowDefinition } from '../../workflows';

export interface DiagramState {
  key: string;
  label: Label;
  final: boolean;
  edges: { event: string; eventLabel: Label; target: string; targetLabel: Label; condition: string | null }[];
}

const EDGE = /^\s*(\S+) --> (\S+)(?::\s*(.+))?$/;

/**
 * The machine's Mermaid diagram (the one `workflows/README.md` shows, generated from the machine) read back into
 * states and their outgoing transitions, so that the page can draw it as a list without any diagram script.
 */
export function diagramOf(definition: WorkflowDefinition): DiagramState[] {
  const states = new Map<string, DiagramState>();
  const state = (key: string): DiagramState => {
    let found = states.get(key);
    if (!found) {
      found = { key, label: stateLabel(definition, key), final: false, edges: [] };
      states.set(key, found);
    }
    return found;
  };
  for (const line of toMermaid(definition.machine).split('\n')) {
    const match = EDGE.exec(line);
    if (!match) continue;
    const [, from, to, text] = match;
    if (from === '[*]') {
      state(to);
      continue;
    }
    if (to === '[*]') {
      state(from).final = true;
      continue;
    }
    const [event, ...rest] = (text ?? '').split(' ');
    const condition = rest.join(' ').trim() || null;
    state(to);
    state(from).edges.push({
      event,
      eventLabel: definition.events[event]?.label ?? { vi: event, en: event },
      target: to,
      targetLabel: stateLabel(definition, to),
      condition,
    });
  }
  return [...states.values()];
}
