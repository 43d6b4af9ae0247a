import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { type AuditActor, AuditService } from '../audit/audit.service';
import { OrganizationsService, type OrganizationView } from '../organizations/organizations.service';
import { AuthErrors } from './auth.errors';
import { passwordProblems } from './password-policy';
import { generatePassword, hashPassword } from './passwords';
import { ROLE_LABELS, type Role } from './roles';
import { UserEntity } from './user.entity';

export interface UserView {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  roleLabel: { vi: string; en: string };
  organization: OrganizationView;
  locale: 'vi' | 'en';
  active: boolean;
  mustChangePassword: boolean;
}

/** What the audit log keeps of an account (never its password hash). */
export const auditSnapshot = (u: UserEntity): Record<string, unknown> => ({
  email: u.email,
  fullName: u.fullName,
  role: u.role,
  organizationId: u.organizationId,
  active: u.active,
});

export interface NewUser {
  email: string;
  fullName: string;
  role: Role;
  organizationId: string;
  locale?: 'vi' | 'en';
  /** Without one a password is generated, returned once, and must be changed at the first sign-in. */
  password?: string;
  /** Whether the first sign-in must change the password (default: when it was generated). */
  mustChangePassword?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  private repo(tx?: EntityManager) {
    return (tx ?? this.dataSource.manager).getRepository(UserEntity);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ email: email.trim().toLowerCase() });
  }

  async get(id: string, tx?: EntityManager): Promise<UserEntity> {
    const user = await this.repo(tx).findOneBy({ id });
    if (!user) throw AuthErrors.userNotFound(id);
    return user;
  }

  async view(user: UserEntity, tx?: EntityManager): Promise<UserView> {
    return (await this.views([user], tx))[0];
  }

  async views(users: UserEntity[], tx?: EntityManager): Promise<UserView[]> {
    const orgs = await this.organizations.views(
      users.map((u) => u.organizationId),
      tx,
    );
    return users.map((u) => ({
      id: u.id,
      email: u.email,
      fullName: u.fullName,
      role: u.role,
      roleLabel: ROLE_LABELS[u.role],
      organization: orgs.get(u.organizationId)!,
      locale: u.locale,
      active: u.active,
      mustChangePassword: u.mustChangePassword,
    }));
  }

  async list(filter: { organizationId?: string; role?: Role }): Promise<UserView[]> {
    const users = await this.repo().find({
      where: {
        ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
        ...(filter.role ? { role: filter.role } : {}),
      },
      order: { email: 'ASC' },
      take: 1000,
    });
    return this.views(users);
  }

  /**
   * Creates a user, recorded in the audit log in the same transaction. Without a password one is generated and
   * returned once (only its hash is stored).
   */
  async create(
    input: NewUser,
    actor: AuditActor = { system: 'internal' },
    tx?: EntityManager,
  ): Promise<{ user: UserView; password: string }> {
    const email = input.email.trim().toLowerCase();
    if (input.password !== undefined) {
      const problems = passwordProblems(input.password, email);
      if (problems.length > 0) throw AuthErrors.weakPassword('password', problems);
    }
    const password = input.password ?? generatePassword();
    const passwordHash = await hashPassword(password);
    const run = async (manager: EntityManager) => {
      await this.organizations.get(input.organizationId, manager);
      if (await this.repo(manager).findOneBy({ email })) throw AuthErrors.emailTaken();
      const entity = this.repo(manager).create({
        id: randomUUID(),
        email,
        fullName: input.fullName,
        role: input.role,
        organizationId: input.organizationId,
        locale: input.locale ?? 'vi',
        passwordHash,
        active: true,
        mustChangePassword: input.mustChangePassword ?? input.password === undefined,
        passwordChangedAt: null,
      });
      await this.repo(manager)
        .insert(entity)
        .catch((error: { code?: string; driverError?: { code?: string } }) => {
          if ((error.driverError?.code ?? error.code) === '23505') throw AuthErrors.emailTaken();
          throw error;
        });
      await this.audit.record(manager, {
        actor,
        action: 'user.create',
        targetType: 'user',
        targetId: entity.id,
        after: { ...auditSnapshot(entity), mustChangePassword: entity.mustChangePassword },
      });
      return entity;
    };
    const entity = tx ? await run(tx) : await this.dataSource.transaction(run);
    return { user: await this.view(entity), password };
  }
}
