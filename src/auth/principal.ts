import type { Actor } from '../engine/actor';
import type { Role } from './roles';

/** The authenticated caller: one user acting in one role for one organisation. */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  organizationId: string;
  locale: 'vi' | 'en';
}

export const actorOf = (p: Principal): Actor => ({
  kind: 'user',
  id: p.userId,
  role: p.role,
  organizationId: p.organizationId,
});
