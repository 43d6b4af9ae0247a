import { Injectable } from '@nestjs/common';
import { isAuditAction } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AuthErrors } from '../auth/auth.errors';
import type { CreateUserDto } from '../auth/auth.dto';
import { AccountPasswordsService } from '../auth/account-passwords.service';
import { UserAdminService } from '../auth/user-admin.service';
import { UsersService } from '../auth/users.service';
import { AwardsService } from '../awards/awards.service';
import type { CreatePolicyDto } from '../awards/policy-rules';
import { ClusterLeadershipService, type LeadershipInput } from '../clusters/cluster-leadership.service';
import type { CreateOrganizationDto } from '../organizations/organizations.dto';
import { OrganizationsService } from '../organizations/organizations.service';

/**
 * Administration through the same services as the admin API. The API restricts these routes with @Roles('ADMIN');
 * the pages check the same role here, once per call.
 */
@Injectable()
export class AdminPagesService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly leadership: ClusterLeadershipService,
    private readonly users: UsersService,
    private readonly userAdmin: UserAdminService,
    private readonly passwords: AccountPasswordsService,
    private readonly awards: AwardsService,
    private readonly audit: AuditService,
  ) {}

  private admin(principal: Principal): void {
    if (principal.role !== 'ADMIN') throw AuthErrors.forbiddenRole();
  }

  async organizationList(principal: Principal, includeEnded: boolean) {
    this.admin(principal);
    return this.organizations.list({ includeEnded });
  }

  async createOrganization(principal: Principal, dto: CreateOrganizationDto) {
    this.admin(principal);
    return this.organizations.create(principal, dto);
  }

  async merge(principal: Principal, id: string, successorId: string, effectiveDate: string) {
    this.admin(principal);
    return this.organizations.merge(principal, id, successorId, effectiveDate);
  }

  async clusterYear(principal: Principal, clusterId: string, year: number) {
    this.admin(principal);
    const [composition, candidates] = await Promise.all([
      this.organizations.clusterYear(clusterId, year),
      this.organizations.list({ includeEnded: true }),
    ]);
    return {
      composition,
      candidates: candidates.filter((o) => o.kind === 'province' || o.kind === 'ministry'),
    };
  }

  async clusters(principal: Principal) {
    this.admin(principal);
    return this.organizations.list({ kind: 'cluster', includeEnded: true });
  }

  async setMembers(principal: Principal, clusterId: string, year: number, ids: string[]) {
    this.admin(principal);
    return this.organizations.setMembers(principal, clusterId, year, ids);
  }

  async setLeadership(principal: Principal, clusterId: string, year: number, input: LeadershipInput) {
    this.admin(principal);
    return this.leadership.install(principal, clusterId, year, input);
  }

  async userList(principal: Principal) {
    this.admin(principal);
    const [users, organizations] = await Promise.all([
      this.users.list({}),
      this.organizations.list({ includeEnded: false }),
    ]);
    return { users, organizations };
  }

  async createUser(principal: Principal, dto: CreateUserDto) {
    this.admin(principal);
    return this.users.create(dto, principal);
  }

  async setActive(principal: Principal, id: string, active: boolean, reason?: string) {
    this.admin(principal);
    return this.userAdmin.update(principal, id, { active, reason });
  }

  async issuePasswordReset(principal: Principal, id: string) {
    this.admin(principal);
    const [user, issued] = [await this.users.get(id), await this.passwords.issueReset(principal, id)];
    return { email: user.email, ...issued };
  }

  async awardList(principal: Principal) {
    this.admin(principal);
    return this.awards.list();
  }

  async award(principal: Principal, code: string) {
    this.admin(principal);
    return this.awards.detail(code);
  }

  async addPolicy(principal: Principal, code: string, dto: CreatePolicyDto) {
    this.admin(principal);
    return this.awards.addPolicy(principal, code, dto);
  }

  /** A page of the audit log, newest first, with the names of the people and organisations it mentions. */
  async auditLog(principal: Principal, query: { action?: string; cursor?: string }, verify = false) {
    this.admin(principal);
    const action = query.action && isAuditAction(query.action) ? query.action : undefined;
    const cursor = typeof query.cursor === 'string' ? query.cursor : undefined;
    const page = await this.audit.list({ action, cursor, limit: 50 });
    const userIds = new Set<string>();
    const orgIds = new Set<string>();
    for (const e of page.items) {
      if (typeof e.actor.userId === 'string') userIds.add(e.actor.userId);
      if (typeof e.actor.organizationId === 'string') orgIds.add(e.actor.organizationId);
      if (e.targetType === 'user' && e.targetId) userIds.add(e.targetId);
      if (e.targetType === 'organization' && e.targetId) orgIds.add(e.targetId);
      if (e.targetType === 'clusterYear' && e.targetId) orgIds.add(e.targetId.split(':')[0]);
    }
    const people = new Map<string, { fullName: string }>();
    for (const id of userIds) {
      const user = await this.users.get(id).catch(() => null);
      if (user) people.set(id, { fullName: user.fullName });
    }
    return {
      ...page,
      action,
      cursor,
      people,
      organizations: await this.organizations.views([...orgIds]),
      verification: verify ? await this.audit.verify() : undefined,
    };
  }
}
