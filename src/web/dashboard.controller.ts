import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isCentral } from '../auth/roles';
import { CalendarService } from '../calendar/calendar.service';
import { AuthErrors } from '../auth/auth.errors';
import { type DashboardSource, DASHBOARD_SOURCE } from './dashboard-source';
import { Ctx, type WebContext } from './web-context';
import { page } from './web-response';
import { WebPages } from './web-session.guard';
import { dashboardPage } from './views/dashboard.view';

/** The Board's and the Council's view of where every nomination stands. */
@WebPages()
@Controller('app/dashboard')
export class DashboardController {
  constructor(
    @Inject(DASHBOARD_SOURCE) private readonly source: DashboardSource,
    private readonly calendar: CalendarService,
  ) {}

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
    return page(reply, dashboardPage(ctx, { values, errors: {} }, data, unconfirmed));
  }
}
