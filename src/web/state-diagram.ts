import { toMermaid } from '../../workflows/diagram';
import { stateLabel, type Label, type WorkflowDefinition } from '../../workflows';

export interface DiagramState {
  key: string;
  label: Label;
  final: boolean;
  edges: { event: string; eventLabel: Label; target: string; targetLabel: Label; condition: Label | null }[];
}

const EDGE = /^\s*(\S+) --> (\S+)(?::\s*(.+))?$/;

/** What each guard means for the person reading the diagram; a guard not named here shows no condition. */
const CONDITIONS: Record<string, Label> = {
  hasRequiredDocuments: {
    vi: 'khi hồ sơ đủ tài liệu bắt buộc',
    en: 'when the dossier has every required document',
  },
  hasReason: { vi: 'kèm lý do', en: 'with a reason' },
  isDirectRoute: {
    vi: 'với hồ sơ không qua bình xét của cụm',
    en: 'for a nomination without a cluster vote',
  },
  lapsesOnExpiry: { vi: 'khi quá hạn, nếu chính sách quy định', en: 'when overdue, if the policy says so' },
  minutesAttached: { vi: 'khi có biên bản bình xét', en: 'with the minutes of the vote' },
  withinQuota: { vi: 'trong chỉ tiêu', en: 'within the quota' },
  hasDecision: { vi: 'kèm số, ngày quyết định', en: 'with the decision number and date' },
  decidedToAward: { vi: 'quyết định khen thưởng', en: 'decided to award' },
  quorumMet: { vi: 'khi đủ số đơn vị bỏ phiếu', en: 'once enough members voted' },
  needsRunoff: { vi: 'khi có ứng viên bằng phiếu', en: 'when candidates are tied' },
  noRunoffPending: { vi: 'khi không còn phải bỏ phiếu lại', en: 'when no run-off is pending' },
  closedByDeadline: { vi: 'khi hết thời gian bỏ phiếu', en: 'when the voting time ran out' },
  completesSignatures: { vi: 'khi đơn vị cuối cùng ký', en: 'when the last member signs' },
  isUnsignedMember: { vi: 'đơn vị thành viên chưa ký', en: 'by a member that has not signed' },
};

/** "[minutesAttached && withinQuota]" in the people's words, or null when no guard has words. */
function condition(text: string): Label | null {
  const names =
    /^\[(.+)\]$/
      .exec(text.trim())?.[1]
      .split('&&')
      .map((n) => n.trim()) ?? [];
  const labels = names.map((n) => CONDITIONS[n]).filter((l): l is Label => !!l);
  if (labels.length === 0) return null;
  return { vi: labels.map((l) => l.vi).join(', '), en: labels.map((l) => l.en).join(', ') };
}

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
    state(to);
    // A transition that stays in its state (a reminder, a deadline that does not apply) is not a step to draw.
    if (from === to) continue;
    state(from).edges.push({
      event,
      eventLabel: definition.events[event]?.label ?? { vi: event, en: event },
      target: to,
      targetLabel: stateLabel(definition, to),
      condition: condition(rest.join(' ')),
    });
  }
  return [...states.values()];
}
