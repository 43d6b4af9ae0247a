import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthErrors } from '../auth/auth.errors';
import { CalendarService } from '../calendar/calendar.service';
import { localDate } from '../calendar/working-days';
import { YearParam } from '../common/params';
import { Ctx, type WebContext } from './web-context';
import { asForm, one, refusal } from './web-form';
import { page, seeOther } from './web-response';
import { WebPages } from './web-session.guard';
import { calendarPage } from './views/calendar.view';
import type { FormState } from './views/components.view';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The administrators' calendar: a year's days off and working days, entered or computed, and its confirmation. */
@WebPages()
@Controller('app/admin/calendar')
export class CalendarPagesController {
  constructor(private readonly calendar: CalendarService) {}

  private assertAdmin(ctx: WebContext): void {
    if (ctx.principal.role !== 'ADMIN') throw AuthErrors.forbiddenRole();
  }

  private async render(ctx: WebContext, year: number, forms: { day?: FormState; confirm?: FormState } = {}) {
    const [view, years] = await Promise.all([this.calendar.year(year), this.calendar.years()]);
    return calendarPage(ctx, { year: view, years }, forms);
  }

  @Get()
  async show(
    @Ctx() ctx: WebContext,
    @Query('year') yearText: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.assertAdmin(ctx);
    const year =
      yearText === undefined
        ? Number(localDate(new Date()).slice(0, 4))
        : new YearParam().transform(yearText);
    return page(reply, await this.render(ctx, year));
  }

  @Post('days')
  async setDay(
    @Ctx() ctx: WebContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.assertAdmin(ctx);
    const form = asForm(body);
    const values = {
      date: one(form, 'date'),
      kind: one(form, 'kind'),
      nameVi: one(form, 'nameVi')?.trim(),
      nameEn: one(form, 'nameEn')?.trim(),
      source: one(form, 'source')?.trim(),
      reason: one(form, 'reason')?.trim(),
    };
    const errors: Record<string, string[]> = {};
    const date = values.date ?? '';
    const validDate = DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
    if (!validDate) errors.date = [ctx.m.fieldRequired];
    if (values.kind !== 'day_off' && values.kind !== 'working_day') errors.kind = [ctx.m.fieldRequired];
    for (const field of ['nameVi', 'nameEn', 'source'] as const) {
      const text = values[field];
      if (!text) errors[field] = [ctx.m.fieldRequired];
      else if (text.length > (field === 'source' ? 300 : 200)) errors[field] = [ctx.m.fieldInvalid];
    }
    if (values.reason && values.reason.length > 500) errors.reason = [ctx.m.fieldInvalid];
    const year = validDate ? Number(date.slice(0, 4)) : Number(localDate(new Date()).slice(0, 4));
    let failure = { status: 400, form: { values, errors } as FormState };
    if (Object.keys(errors).length === 0) {
      try {
        await this.calendar.setDay(ctx.principal, date, {
          kind: values.kind as 'day_off' | 'working_day',
          nameVi: values.nameVi!,
          nameEn: values.nameEn!,
          source: values.source!,
          reason: values.reason || undefined,
        });
        return seeOther(reply, `/app/admin/calendar?year=${year}`);
      } catch (error) {
        failure = refusal(error, ctx.m, ctx.locale, values);
      }
    }
    return page(reply, await this.render(ctx, year, { day: failure.form }), failure.status);
  }

  @Post('days/:date/removal')
  async removeDay(
    @Ctx() ctx: WebContext,
    @Param('date') date: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.assertAdmin(ctx);
    const valid = DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
    if (!valid) return seeOther(reply, '/app/admin/calendar');
    await this.calendar.removeDay(ctx.principal, date);
    return seeOther(reply, `/app/admin/calendar?year=${date.slice(0, 4)}`);
  }

  @Post('years/:year/confirmation')
  async confirm(
    @Ctx() ctx: WebContext,
    @Param('year', YearParam) year: number,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.assertAdmin(ctx);
    const form = asForm(body);
    const values = { note: one(form, 'note')?.trim() };
    const errors: Record<string, string[]> = {};
    if (one(form, 'acknowledge') !== 'yes') errors.acknowledge = [ctx.m.fieldRequired];
    if (values.note && values.note.length > 300) errors.note = [ctx.m.fieldInvalid];
    let failure = { status: 400, form: { values, errors } as FormState };
    if (Object.keys(errors).length === 0) {
      try {
        await this.calendar.confirmYear(ctx.principal, year, values.note || undefined);
        return seeOther(reply, `/app/admin/calendar?year=${year}`);
      } catch (error) {
        failure = refusal(error, ctx.m, ctx.locale, values);
      }
    }
    return page(reply, await this.render(ctx, year, { confirm: failure.form }), failure.status);
  }
}
