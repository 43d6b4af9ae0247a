import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/engine/actor';
import { SYSTEM_ACTOR } from '../../src/engine/actor';
import type { WorkflowEngine } from '../../src/engine/workflow-engine.service';
import type { NominationPolicy } from '../../workflows/nomination.machine';

export const TEST_POLICY: NominationPolicy = {
  requiredDocuments: ['proposal', 'achievementReport'],
  appraisalWorkingDays: 10,
  consultationWorkingDays: 20,
  responseWorkingDays: 5,
  reminderShare: 0.8,
  lapseOnExpiry: false,
};

export const OFFICER: Actor = {
  kind: 'user',
  id: 'u-officer',
  role: 'NOMINATOR',
  organizationId: 'o-nam-dinh',
};

const DOSSIER = { kinds: ['proposal', 'achievementReport'] };

/** The events that lead from draft to each state, with who sends them. */
const PATH: [event: { type: string; [k: string]: unknown }, actor: Actor][] = [
  [{ type: 'SUBMIT', dossier: DOSSIER }, OFFICER],
  [{ type: 'ACCEPT' }, OFFICER],
  [{ type: 'VOTE_OPENED', sessionId: 's1' }, SYSTEM_ACTOR],
  [{ type: 'VOTE_PASSED', sessionId: 's1', approvals: 7, share: 0.78, rank: 1 }, SYSTEM_ACTOR],
  [{ type: 'FORWARD', minutesAttached: true, quota: { used: 0, limit: 1 } }, OFFICER],
];
const STEPS: Record<string, number> = {
  draft: 0,
  submitted: 1,
  accepted: 2,
  voting: 3,
  selected: 4,
  centralAppraisal: 5,
};

/** Creates a nomination instance and drives it to `state` through the engine. */
export async function nominationIn(
  engine: WorkflowEngine,
  state: keyof typeof STEPS,
  policy: NominationPolicy = TEST_POLICY,
): Promise<string> {
  const id = randomUUID();
  await engine.create('nomination', { nominationId: id, route: 'cluster', policy }, { actor: OFFICER, id });
  for (const [event, actor] of PATH.slice(0, STEPS[state])) await engine.send(id, event, { actor });
  return id;
}
