import { Body, Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../auth/principal';
import { isCentral } from '../auth/roles';
import { AwardsService } from '../awards/awards.service';
import { OfficialDocumentsService } from '../reports/official-documents.service';
import { CalendarService } from '../calendar/calendar.service';
import { AuthErrors } from '../auth/auth.errors';
import { type DashboardSource, DASHBOARD_SOURCE } from './dashboard-source';
import { Ctx, type WebContext } from './web-context';
import { asForm, numeric, one, refusal } from './web-form';
import { page, seeOther } from './web-response';
import { WebPages } from './web-session.guard';
import type { FormState } from './views/components.view';
import { dashboardPage, type PmListAward } from './views/dashboard.view';

/** The Board prepares the lists for the Prime Minister. */
const preparesLists = (principal: Principal) => ['CENTRAL_APPRAISER', 'ADMIN'].includes(principal.role);

/** The Board's and the Council's view of where every nomination stands. */
@WebPages()
@Controller('app/dashboard')
export class DashboardController {
  constructor(
    @Inject(DASHBOARD_SOURCE) private readonly source: DashboardSource,
    private readonly calendar: CalendarService,
    private readonly awards: AwardsService,
    private readonly documents: OfficialDocumentsService,
  ) {}

  private async pmListAwards(principal: Principal): Promise<PmListAward[]> {
    if (!preparesLists(principal)) return [];
    return (await this.awards.list()).filter((a) => a.decidedBy === 'prime_minister');
  }

  /** Issues the Board's list for the Prime Minister and hands it to the browser (the download takes the cookie). */
  @Post('pm-list')
  async pmList(
    @Ctx() ctx: WebContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!isCentral(ctx.principal.role)) throw AuthErrors.forbiddenRole();
    const form = asForm(body);
    const values = { year: one(form, 'year'), awardType: one(form, 'awardType') };
    const year = numeric(values.year);
    try {
      const issued = await this.documents.pmList(
        ctx.principal,
        typeof year === 'number' ? year : Number.NaN,
        values.awardType ?? '',
        one(form, 'format') === 'docx' ? 'docx' : 'pdf',
      );
      return seeOther(reply, issued.download);
    } catch (error) {
      const refused = refusal(error, ctx.m, ctx.locale, values);
      const data = await this.source.load(ctx.principal, typeof year === 'number' ? year : undefined);
      const form: FormState = { values: { year: values.year }, errors: {} };
      return page(
        reply,
        dashboardPage(ctx, form, data, [], {
          awards: await this.pmListAwards(ctx.principal),
          form: refused.form,
        }),
        refused.status,
      );
    }
  }

  @Get()
  async show(
    @Ctx() ctx: WebContext,
    @Query('year') yearText: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!isCentral(ctx.principal.role)) throw AuthErrors.forbiddenRole();
    const values = { year: yearText };
    if (yearText !== undefined && yearText !== '' && !/^20\d\d$/.test(yearText)) {
      return page(reply, dashboardPage(ctx, { values, errors: { year: [ctx.m.fieldInvalid] } }, null), 400);
    }
    const data = await this.source.load(ctx.principal, yearText ? Number(yearText) : undefined);
    const unconfirmed = await this.calendar.unconfirmedSoon();
    return page(
      reply,
      dashboardPage(ctx, { values, errors: {} }, data, unconfirmed, {
        awards: await this.pmListAwards(ctx.principal),
        form: { values: { year: yearText }, errors: {} },
      }),
    );
  }
}
