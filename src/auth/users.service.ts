import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrganizationsService, type OrganizationView } from '../organizations/organizations.service';
import { AuthErrors } from './auth.errors';
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
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(UserEntity);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: email.trim().toLowerCase() });
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.repo.findOneBy({ id });
    if (!user) throw AuthErrors.userNotFound(id);
    return user;
  }

  async view(user: UserEntity): Promise<UserView> {
    return (await this.views([user]))[0];
  }

  async views(users: UserEntity[]): Promise<UserView[]> {
    const orgs = await this.organizations.views(users.map((u) => u.organizationId));
    return users.map((u) => ({
      id: u.id,
      email: u.email,
      fullName: u.fullName,
      role: u.role,
      roleLabel: ROLE_LABELS[u.role],
      organization: orgs.get(u.organizationId)!,
      locale: u.locale,
      active: u.active,
    }));
  }

  async list(filter: { organizationId?: string; role?: Role }): Promise<UserView[]> {
    const users = await this.repo.find({
      where: {
        ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
        ...(filter.role ? { role: filter.role } : {}),
      },
      order: { email: 'ASC' },
      take: 1000,
    });
    return this.views(users);
  }

  /** Creates a user; without a password one is generated and returned once. */
  async create(input: {
    email: string;
    fullName: string;
    role: Role;
    organizationId: string;
    locale?: 'vi' | 'en';
    password?: string;
  }): Promise<{ user: UserView; password: string }> {
    await this.organizations.get(input.organizationId);
    const email = input.email.trim().toLowerCase();
    if (await this.findByEmail(email)) throw AuthErrors.emailTaken();
    const password = input.password ?? generatePassword();
    const entity = this.repo.create({
      id: randomUUID(),
      email,
      fullName: input.fullName,
      role: input.role,
      organizationId: input.organizationId,
      locale: input.locale ?? 'vi',
      passwordHash: await hashPassword(password),
      active: true,
    });
    await this.repo.insert(entity).catch((error: { code?: string; driverError?: { code?: string } }) => {
      if ((error.driverError?.code ?? error.code) === '23505') throw AuthErrors.emailTaken();
      throw error;
    });
    return { user: await this.view(entity), password };
  }

  async setActive(id: string, active: boolean): Promise<UserView> {
    const user = await this.get(id);
    await this.repo.update({ id }, { active });
    return this.view({ ...user, active });
  }
}
