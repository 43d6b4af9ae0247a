import { Injectable } from '@nestjs/common';
import type { AnyStateNode } from 'xstate';
import { latestWorkflow } from '../../workflows';
import type { Principal } from '../auth/principal';
import type { Role } from '../auth/roles';
import { NOMINATION_ACCESS } from '../nominations/nomination-access';
import { NominationsService, type NominationView } from '../nominations/nominations.service';
import { NotificationsService } from '../notifications/notifications.service';
import { VotingService } from '../voting/voting.service';

type SessionView = Awaited<ReturnType<VotingService['view']>>;

/** How many nominations the home page looks through (in states where the user's role can act). */
const MAX_SCANNED = 500;

/** States of the nomination machines in which some event is open to this role (from the access table). */
export function actionableStates(role: Role): string[] {
  const states = new Set<string>();
  for (const id of ['nomination', 'provincialAward']) {
    const machine = latestWorkflow(id)?.machine;
    if (!machine) continue;
    for (const node of Object.values(machine.root.states) as AnyStateNode[]) {
      const open = [...node.ownEvents].some((event) =>
        Object.values(NOMINATION_ACCESS).some((route) => route[event]?.roles.includes(role)),
      );
      if (open) states.add(node.key);
    }
  }
  return [...states].sort();
}

/** Overdue first, then by due date, then the rest (newest first, as listed). */
export function byUrgency(a: NominationView, b: NominationView): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt && b.dueAt) return a.dueAt.localeCompare(b.dueAt);
  if (a.dueAt || b.dueAt) return a.dueAt ? -1 : 1;
  return 0;
}

/** The home page: what waits for the user now, from the same services as the API. */
@Injectable()
export class MyWorkService {
  constructor(
    private readonly nominations: NominationsService,
    private readonly voting: VotingService,
    private readonly notifications: NotificationsService,
  ) {}

  async load(principal: Principal) {
    const [waiting, sessions, inbox] = await Promise.all([
      this.waitingNominations(principal),
      this.voting.list(principal, {}),
      this.inbox(principal),
    ]);
    return {
      waiting,
      toVote: sessions.filter(
        (s) => principal.role === 'CLUSTER_VOTER' && s.state === 'open' && s.turnout.youVoted === false,
      ),
      toRun: sessions.filter((s: SessionView) => s.allowedEvents.length > 0),
      inbox,
    };
  }

  inbox(principal: Principal) {
    return this.notifications.list(principal, { unread: true, limit: 10 });
  }

  private async waitingNominations(principal: Principal): Promise<NominationView[]> {
    const states = actionableStates(principal.role);
    if (states.length === 0) return [];
    const found: NominationView[] = [];
    let cursor: string | undefined;
    for (let scanned = 0; scanned < MAX_SCANNED; scanned += 100) {
      const pageOf = await this.nominations.list(principal, { state: states.join(','), limit: 100, cursor });
      found.push(...pageOf.items.filter((n) => n.allowedEvents.length > 0));
      if (!pageOf.nextCursor) break;
      cursor = pageOf.nextCursor;
    }
    return found.sort(byUrgency);
  }
}
