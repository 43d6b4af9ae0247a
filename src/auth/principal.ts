import type { Actor } from '../engine/actor';
import type { Role } from './roles';

/** The authenticated caller: one user acting in one role for one organisation. */
export interface Principal {
  userId: string;
  email: string;
  /** The person's name, for what the pages show (absent for principals made on the server). */
  fullName?: string;
  role: Role;
  organizationId: string;
  locale: 'vi' | 'en';
  /** The signed-in session (absent for principals made on the server, such as the demo seed's). */
  sessionId?: string;
  /** The password was handed out and must be changed before anything else. */
  mustChangePassword?: boolean;
}

export const actorOf = (p: Principal): Actor => ({
  kind: 'user',
  id: p.userId,
  role: p.role,
  organizationId: p.organizationId,
});
