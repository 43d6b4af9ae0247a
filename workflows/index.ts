import { registryKey, type WorkflowDefinition } from './definition';
import { agreementWorkflow } from './agreement.machine';
import { nominationWorkflow, nominationWorkflowV2 } from './nomination.machine';
import { provincialAwardWorkflow, provincialAwardWorkflowV2 } from './provincial-award.machine';
import { votingSessionWorkflow } from './voting-session.machine';

export * from './definition';
export * from './effects';
export * from './migrations';

/**
 * Every machine version that instances in the database may still use. Keep an old version here until no instance
 * refers to it; a migration between versions is a tested function beside the machine.
 */
export const WORKFLOWS: readonly WorkflowDefinition[] = [
  nominationWorkflow,
  nominationWorkflowV2,
  provincialAwardWorkflow,
  provincialAwardWorkflowV2,
  votingSessionWorkflow,
  agreementWorkflow,
];

const byKey = new Map(WORKFLOWS.map((w) => [registryKey(w.id, w.version), w]));
const latest = new Map<string, WorkflowDefinition>();
for (const w of WORKFLOWS) {
  const current = latest.get(w.id);
  if (!current || current.version < w.version) latest.set(w.id, w);
}

export function findWorkflow(id: string, version: number): WorkflowDefinition | undefined {
  return byKey.get(registryKey(id, version));
}

export function latestWorkflow(id: string): WorkflowDefinition | undefined {
  return latest.get(id);
}
