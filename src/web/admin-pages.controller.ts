import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CreateUserDto } from '../auth/auth.dto';
import { CreatePolicyDto } from '../awards/policy-rules';
import { UuidParam, YearParam } from '../common/params';
import { SetLeadershipDto } from '../clusters/clusters.dto';
import { CreateOrganizationDto, MergeOrganizationDto } from '../organizations/organizations.dto';
import { AdminPagesService } from './admin-pages.service';
import { Ctx, type WebContext } from './web-context';
import { rulesFromForm } from './policy-form';
import { POLICY_MESSAGES } from './policy-i18n';
import { asForm, type FormBody, many, numeric, one, refusal, rowErrors, validateForm } from './web-form';
import { page, seeOther } from './web-response';
import { WebPages } from './web-session.guard';
import type { FormState } from './views/components.view';
import {
  adminIndexPage,
  awardPage,
  awardsPage,
  clusterAdminPage,
  clustersAdminPage,
  organizationsPage,
  usersPage,
} from './views/admin.view';
import { auditPage } from './views/audit.view';

const AWARD_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

const textValues = (form: FormBody): FormState['values'] =>
  Object.fromEntries(Object.entries(form).filter(([k]) => k !== '_csrf' && k !== 'password'));

/** Organisations and mergers, cluster membership and leadership by year, users and roles, award policies. */
@WebPages()
@Controller('app/admin')
export class AdminPagesController {
  constructor(private readonly admin: AdminPagesService) {}

  @Get()
  async index(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.admin.clusters(ctx.principal); // the role check
    return page(reply, adminIndexPage(ctx));
  }

  // ---- organisations ----------------------------------------------------------------------------------------

  @Get('organizations')
  async organizations(
    @Ctx() ctx: WebContext,
    @Query('includeEnded') includeEnded: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const ended = includeEnded === 'true';
    return page(
      reply,
      organizationsPage(ctx, await this.admin.organizationList(ctx.principal, ended), ended),
    );
  }

  @Post('organizations')
  async createOrganization(
    @Ctx() ctx: WebContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const plain = {
      code: one(form, 'code'),
      kind: one(form, 'kind'),
      nameVi: one(form, 'nameVi'),
      nameEn: one(form, 'nameEn'),
      provinceCode: numeric(one(form, 'provinceCode')),
      parentId: one(form, 'parentId'),
      validFrom: one(form, 'validFrom'),
    };
    const { value, errors } = validateForm(CreateOrganizationDto, plain, ctx.m, ctx.locale);
    let failure = { status: 400, form: { values: textValues(form), errors } as FormState };
    if (Object.keys(errors).length === 0) {
      try {
        await this.admin.createOrganization(ctx.principal, value);
        return seeOther(reply, '/app/admin/organizations');
      } catch (error) {
        failure = refusal(error, ctx.m, ctx.locale, textValues(form));
      }
    }
    const orgs = await this.admin.organizationList(ctx.principal, false);
    return page(reply, organizationsPage(ctx, orgs, false, { create: failure.form }), failure.status);
  }

  @Post('organizations/merge')
  async merge(
    @Ctx() ctx: WebContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const id = one(form, 'id');
    const { value, errors } = validateForm(
      MergeOrganizationDto,
      { successorId: one(form, 'successorId'), effectiveDate: one(form, 'effectiveDate') },
      ctx.m,
      ctx.locale,
    );
    if (!id) errors.id = [ctx.m.fieldRequired];
    let failure = { status: 400, form: { values: textValues(form), errors } as FormState };
    if (Object.keys(errors).length === 0) {
      try {
        await this.admin.merge(ctx.principal, id!, value.successorId, value.effectiveDate);
        return seeOther(reply, '/app/admin/organizations?includeEnded=true');
      } catch (error) {
        failure = refusal(error, ctx.m, ctx.locale, textValues(form));
      }
    }
    const orgs = await this.admin.organizationList(ctx.principal, false);
    return page(reply, organizationsPage(ctx, orgs, false, { merge: failure.form }), failure.status);
  }

  // ---- clusters ---------------------------------------------------------------------------------------------

  @Get('clusters')
  async clusters(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return page(reply, clustersAdminPage(ctx, await this.admin.clusters(ctx.principal)));
  }

  @Get('clusters/:id/years/:year')
  async clusterYear(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return page(reply, clusterAdminPage(ctx, await this.admin.clusterYear(ctx.principal, id, year)));
  }

  @Post('clusters/:id/years/:year/members')
  async members(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const ids = many(asForm(body), 'organizationIds');
    try {
      await this.admin.setMembers(ctx.principal, id, year, ids);
      return seeOther(reply, `/app/admin/clusters/${id}/years/${year}`);
    } catch (error) {
      const refused = refusal(error, ctx.m, ctx.locale, { organizationIds: ids });
      const data = await this.admin.clusterYear(ctx.principal, id, year);
      return page(reply, clusterAdminPage(ctx, data, { members: refused.form }), refused.status);
    }
  }

  @Post('clusters/:id/years/:year/leadership')
  async leadership(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const values = {
      leaderId: one(form, 'leaderId'),
      deputyIds: many(form, 'deputyIds'),
      reason: one(form, 'reason')?.trim() || undefined,
    };
    const { value, errors } = validateForm(SetLeadershipDto, values, ctx.m, ctx.locale);
    let failure = { status: 400, form: { values, errors } as FormState };
    if (Object.keys(errors).length === 0) {
      try {
        await this.admin.setLeadership(ctx.principal, id, year, value);
        return seeOther(reply, `/app/admin/clusters/${id}/years/${year}`);
      } catch (error) {
        failure = refusal(error, ctx.m, ctx.locale, values);
      }
    }
    const data = await this.admin.clusterYear(ctx.principal, id, year);
    return page(reply, clusterAdminPage(ctx, data, { leadership: failure.form }), failure.status);
  }

  // ---- users ------------------------------------------------------------------------------------------------

  @Get('users')
  async users(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return page(reply, usersPage(ctx, await this.admin.userList(ctx.principal)));
  }

  @Post('users')
  async createUser(
    @Ctx() ctx: WebContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const plain = {
      email: one(form, 'email'),
      fullName: one(form, 'fullName'),
      role: one(form, 'role'),
      organizationId: one(form, 'organizationId'),
      locale: one(form, 'locale'),
      password: typeof form.password === 'string' && form.password !== '' ? form.password : undefined,
    };
    const { value, errors } = validateForm(CreateUserDto, plain, ctx.m, ctx.locale);
    let failure = { status: 400, form: { values: textValues(form), errors } as FormState };
    if (Object.keys(errors).length === 0) {
      try {
        const created = await this.admin.createUser(ctx.principal, value);
        if (plain.password) return seeOther(reply, '/app/admin/users');
        // A generated password is shown once, on this answer; only its hash is stored.
        const data = await this.admin.userList(ctx.principal);
        return page(reply, usersPage(ctx, data, undefined, created.user.email, created.password), 201);
      } catch (error) {
        failure = refusal(error, ctx.m, ctx.locale, textValues(form));
      }
    }
    return page(
      reply,
      usersPage(ctx, await this.admin.userList(ctx.principal), failure.form),
      failure.status,
    );
  }

  @Post('users/:id/active')
  async setActive(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    try {
      await this.admin.setActive(ctx.principal, id, one(form, 'active') === 'true', one(form, 'reason'));
      return seeOther(reply, '/app/admin/users');
    } catch (error) {
      const failure = refusal(error, ctx.m, ctx.locale, {});
      const problem = failure.form.message ?? Object.values(failure.form.errors).flat().join(' ');
      const data = await this.admin.userList(ctx.principal);
      return page(
        reply,
        usersPage(ctx, data, undefined, undefined, undefined, undefined, problem),
        failure.status,
      );
    }
  }

  @Post('users/:id/password-reset')
  async issuePasswordReset(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // The link is shown once, on this answer (when it was not e-mailed); only its hash is stored.
    const reset = await this.admin.issuePasswordReset(ctx.principal, id);
    const data = await this.admin.userList(ctx.principal);
    return page(reply, usersPage(ctx, data, undefined, undefined, undefined, reset), 201);
  }

  // ---- awards -----------------------------------------------------------------------------------------------

  @Get('awards')
  async awards(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return page(reply, awardsPage(ctx, await this.admin.awardList(ctx.principal)));
  }

  @Get('awards/:code')
  async award(
    @Ctx() ctx: WebContext,
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!AWARD_CODE.test(code))
      return page(reply, awardsPage(ctx, await this.admin.awardList(ctx.principal)), 404);
    return page(reply, awardPage(ctx, await this.admin.award(ctx.principal, code)));
  }

  @Post('awards/:code/policies')
  async addPolicy(
    @Ctx() ctx: WebContext,
    @Param('code') code: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const values = Object.fromEntries(Object.entries(form).filter(([k]) => k !== '_csrf'));
    const { rules, dossierAt, standardUnreadable } = rulesFromForm(form);
    const checked = validateForm(
      CreatePolicyDto,
      {
        effectiveFrom: one(form, 'effectiveFrom'),
        source: one(form, 'source'),
        sourceEn: one(form, 'sourceEn'),
        rules,
      },
      ctx.m,
      ctx.locale,
    );
    const errors = rowErrors(checked.errors, 'rules.dossier', dossierAt);
    if (standardUnreadable) errors['rules.standard'] = [POLICY_MESSAGES[ctx.locale].standardUnreadable];
    let failure = { status: 400, form: { values, errors } as FormState };
    if (Object.keys(errors).length === 0) {
      try {
        await this.admin.addPolicy(ctx.principal, code, checked.value);
        return seeOther(reply, `/app/admin/awards/${code}`);
      } catch (error) {
        failure = refusal(error, ctx.m, ctx.locale, values);
      }
    }
    return page(
      reply,
      awardPage(ctx, await this.admin.award(ctx.principal, code), failure.form),
      failure.status,
    );
  }

  // ---- audit log --------------------------------------------------------------------------------------------

  @Get('audit')
  async auditLog(
    @Ctx() ctx: WebContext,
    @Query('action') action: string | undefined,
    @Query('cursor') cursor: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return page(reply, auditPage(ctx, await this.admin.auditLog(ctx.principal, { action, cursor })));
  }

  @Post('audit/verification')
  async verifyAuditLog(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return page(reply, auditPage(ctx, await this.admin.auditLog(ctx.principal, {}, true)));
  }
}
