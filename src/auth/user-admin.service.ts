import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { AuthErrors } from './auth.errors';
import type { Principal } from './principal';
import type { Role } from './roles';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';
import { auditSnapshot, UsersService, type UserView } from './users.service';

export interface UserPatch {
  active?: boolean;
  role?: Role;
  organizationId?: string;
  fullName?: string;
  reason?: string;
}

/**
 * An administrator's acts on accounts. Each runs in one transaction with its audit entry (before and after) and
 * the revocation of the sessions it invalidates, announced to every process when it commits.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Locks or unlocks an account, changes its role, organisation or name. Locking and a change of role or
   * organisation need a reason and end every session of the account: what a token may do is decided by the
   * account as it is now.
   */
  async update(actor: Principal, id: string, patch: UserPatch): Promise<UserView> {
    const given = (['active', 'role', 'organizationId', 'fullName'] as const).filter(
      (k) => patch[k] !== undefined,
    );
    if (given.length === 0) throw AuthErrors.nothingToChange();
    const reason = patch.reason?.trim() || null;
    const updated = await this.dataSource.transaction(async (tx) => {
      const user = await tx
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('u.id = :id', { id })
        .getOne();
      if (!user) throw AuthErrors.userNotFound(id);
      const before = auditSnapshot(user);
      const next: UserEntity = { ...user };
      if (patch.active !== undefined) next.active = patch.active;
      if (patch.role !== undefined) next.role = patch.role;
      if (patch.organizationId !== undefined) next.organizationId = patch.organizationId;
      if (patch.fullName !== undefined) next.fullName = patch.fullName.trim() || user.fullName;
      const locked = user.active && !next.active;
      const unlocked = !user.active && next.active;
      const reassigned = next.role !== user.role || next.organizationId !== user.organizationId;
      const renamed = next.fullName !== user.fullName;
      if (!locked && !unlocked && !reassigned && !renamed) return user;
      if ((locked || reassigned) && actor.userId === id) throw AuthErrors.ownAccount();
      if ((locked || reassigned) && !reason) throw AuthErrors.reasonRequired();
      if (next.organizationId !== user.organizationId) await this.organizations.get(next.organizationId, tx);
      await tx.getRepository(UserEntity).update(
        { id },
        {
          active: next.active,
          role: next.role,
          organizationId: next.organizationId,
          fullName: next.fullName,
        },
      );
      const after = auditSnapshot(next);
      if (locked || unlocked) {
        await this.audit.record(tx, {
          actor,
          action: locked ? 'user.lock' : 'user.unlock',
          targetType: 'user',
          targetId: id,
          reason,
          before: { active: user.active },
          after: { active: next.active },
        });
      }
      if (reassigned || renamed) {
        await this.audit.record(tx, {
          actor,
          action: 'user.update',
          targetType: 'user',
          targetId: id,
          reason,
          before,
          after,
        });
      }
      if (locked) await this.sessions.revokeAll(tx, id, 'account_locked');
      else if (reassigned) await this.sessions.revokeAll(tx, id, 'role_changed');
      return next;
    });
    return this.users.view(updated);
  }

  /** Ends every session of an account (a lost device, a suspected theft); recorded in the audit log. */
  async revokeSessions(actor: Principal, id: string, reason?: string): Promise<{ revoked: number }> {
    return this.dataSource.transaction(async (tx) => {
      await this.users.get(id, tx);
      const revoked = await this.sessions.revokeAll(tx, id, 'revoked_by_admin');
      await this.audit.record(tx, {
        actor,
        action: 'user.sessions.revoke',
        targetType: 'user',
        targetId: id,
        reason: reason?.trim() || null,
        after: { revoked },
      });
      return { revoked };
    });
  }
}
