import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EligibilityService } from '../register/eligibility.service';
import { RegisterService } from '../register/register.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { StandingService } from '../organizations/standing.service';
import { isCentral } from '../auth/roles';
import { Ctx, type WebContext } from './web-context';
import { page } from './web-response';
import { WebPages } from './web-session.guard';
import { registerPage } from './views/register.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The unit's register: what its people and collectives hold, and who is eligible to be proposed this year. */
@WebPages()
@Controller('app/register')
export class RegisterPagesController {
  constructor(
    private readonly register: RegisterService,
    private readonly eligibility: EligibilityService,
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
  ) {}

  @Get()
  async show(
    @Ctx() ctx: WebContext,
    @Query() query: Record<string, string>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const standing = await this.standings.of(ctx.principal);
    const requested =
      typeof query.organizationId === 'string' && UUID.test(query.organizationId)
        ? query.organizationId
        : null;
    const organizationId = requested ?? ctx.principal.organizationId;
    const yearText = typeof query.year === 'string' ? query.year : '';
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : new Date().getUTCFullYear() - 1;
    // Services check the scope: another unit's register answers 404.
    const [entries, suggestions] = await Promise.all([
      this.register.list(ctx.principal, { organizationId }),
      this.eligibility.suggestions(ctx.principal, organizationId, year),
    ]);
    const choices = isCentral(standing.role)
      ? await this.organizations.list({ kind: 'province', includeEnded: true })
      : [...(await this.organizations.views(standing.governedOrgIds)).values()];
    const [organization] = [...(await this.organizations.views([organizationId])).values()];
    return page(
      reply,
      registerPage(ctx, {
        organization,
        organizations: choices.some((o) => o.id === organizationId) ? choices : [organization, ...choices],
        year,
        entries,
        suggestions: suggestions.items,
      }),
    );
  }
}
