/** Who sent an event: a person acting in a role for an organisation, or the system (timers, other workflows). */
export interface Actor {
  kind: 'user' | 'system';
  id: string;
  role?: string;
  organizationId?: string;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ kind: 'system', id: 'system' });

export const systemActor = (reason: string): Actor => ({ kind: 'system', id: `system:${reason}` });
