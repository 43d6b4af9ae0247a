import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { RateLimit } from '../common/rate-limit';
import type { FastifyReply } from 'fastify';
import { UuidParam, YearParam } from '../common/params';
import { CreateMeetingDto } from '../meetings/meetings.dto';
import { MeetingsService } from '../meetings/meetings.service';
import { BallotDto, CreateSessionDto } from '../voting/voting.dto';
import { BallotBox } from '../voting/ballot-box.service';
import { VotingService } from '../voting/voting.service';
import { VotingPagesService } from './voting-pages.service';
import { Ctx, type WebContext, type WebRequest } from './web-context';
import { asForm, many, numeric, one, refusal, validateForm } from './web-form';
import { page, seeOther } from './web-response';
import { WebPages } from './web-session.guard';
import { type FormState } from './views/components.view';
import { pick } from './i18n';
import { confirmPage } from './views/confirm.view';
import {
  CONFIRMED_SESSION_EVENTS,
  livePanel,
  newSessionPage,
  sessionActions,
  sessionPage,
  sessionsPage,
  type SessionForms,
} from './views/voting.view';

/** `2024-03-13T09:00` from a datetime-local input is Vietnamese time (UTC+7, no daylight saving). */
const localDateTime = (text: string | undefined) =>
  text && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? `${text}:00+07:00` : text;

@WebPages()
@Controller('app/voting-sessions')
export class VotingPagesController {
  constructor(
    private readonly pages: VotingPagesService,
    private readonly voting: VotingService,
    private readonly ballotBox: BallotBox,
    private readonly meetings: MeetingsService,
  ) {}

  @Get()
  async list(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return page(reply, sessionsPage(ctx, await this.pages.list(ctx.principal)));
  }

  @Get('new')
  async newForm(
    @Ctx() ctx: WebContext,
    @Query('clusterId', UuidParam) clusterId: string,
    @Query('year', YearParam) year: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const candidates = await this.pages.candidates(ctx.principal, clusterId, year);
    // The latest conference recorded is the likely one; with none, the form records a new one.
    const values = { meetingId: candidates.meetings[0]?.id ?? '' };
    return page(reply, newSessionPage(ctx, candidates, { values, errors: {} }));
  }

  @Post()
  async create(
    @Ctx() ctx: WebContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const byAward = new Map<string, string[]>();
    for (const value of many(form, 'candidates')) {
      const [award, id] = value.split(':');
      byAward.set(award, [...(byAward.get(award) ?? []), id]);
    }
    const conferenceFields = [
      'meetingId',
      'heldOn',
      'startsAt',
      'place',
      'venue',
      'chairName',
      'chairFunction',
      'secretaryName',
      'secretaryFunction',
    ];
    const values: FormState['values'] = {
      candidates: many(form, 'candidates'),
      closesAt: one(form, 'closesAt'),
      present: many(form, 'present'),
      ...Object.fromEntries(conferenceFields.map((f) => [f, one(form, f)])),
    };
    const plain = {
      clusterId: one(form, 'clusterId'),
      year: numeric(one(form, 'year')),
      items: [...byAward.entries()].map(([awardType, nominationIds]) => ({ awardType, nominationIds })),
      closesAt: localDateTime(one(form, 'closesAt')),
    };
    // Without a recorded conference chosen, the form's conference is recorded first (it took place either way).
    const newConference = !one(form, 'meetingId');
    const conference = newConference
      ? validateForm(
          CreateMeetingDto,
          {
            kind: 'clusterConference',
            organizationId: plain.clusterId,
            year: plain.year,
            heldOn: one(form, 'heldOn'),
            startsAt: one(form, 'startsAt') || undefined,
            place: one(form, 'place'),
            venue: one(form, 'venue') || undefined,
            chair: { name: one(form, 'chairName'), function: one(form, 'chairFunction') },
            secretary: { name: one(form, 'secretaryName'), function: one(form, 'secretaryFunction') },
            presentOrganizationIds: many(form, 'present'),
          },
          ctx.m,
          ctx.locale,
        )
      : null;
    // The session's own fields are checked before the conference is recorded, so a bad form records nothing:
    // its meeting id stands in until then.
    const session = validateForm(
      CreateSessionDto,
      { ...plain, meetingId: one(form, 'meetingId') || '00000000-0000-4000-8000-000000000000' },
      ctx.m,
      ctx.locale,
    );
    const toForm = (field: string) =>
      field
        .replace(/^chair\.name$/, 'chairName')
        .replace(/^chair\.function$/, 'chairFunction')
        .replace(/^secretary\.name$/, 'secretaryName')
        .replace(/^secretary\.function$/, 'secretaryFunction')
        .replace(/^presentOrganizationIds.*$/, 'present');
    const errors = {
      ...session.errors,
      ...Object.fromEntries(Object.entries(conference?.errors ?? {}).map(([k, v]) => [toForm(k), v])),
    };
    let failure: { status: number; form: FormState };
    if (Object.keys(errors).length === 0) {
      try {
        if (conference) {
          const recorded = await this.meetings.create(ctx.principal, conference.value);
          session.value.meetingId = recorded.id;
          values.meetingId = recorded.id;
        }
        const created = await this.voting.create(ctx.principal, session.value);
        return seeOther(reply, `/app/voting-sessions/${created.id}`);
      } catch (error) {
        failure = refusal(error, ctx.m, ctx.locale, values, toForm);
      }
    } else {
      failure = { status: 400, form: { values, errors } };
    }
    const clusterId = typeof plain.clusterId === 'string' ? plain.clusterId : '';
    const year = typeof plain.year === 'number' ? plain.year : 0;
    const candidates = await this.pages.candidates(ctx.principal, clusterId, year);
    return page(reply, newSessionPage(ctx, candidates, failure.form), failure.status);
  }

  @Get(':id')
  async detail(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { session, awards } = await this.pages.session(ctx.principal, id);
    return page(reply, sessionPage(ctx, session, awards));
  }

  /** The turnout panel for htmx's poll; when the session has moved on, the whole page reloads. */
  @Get(':id/live')
  async live(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Req() request: WebRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { session } = await this.pages.session(ctx.principal, id);
    const query = request.query as Record<string, string | undefined>;
    if (query.state !== session.state || query.round !== String(session.round)) {
      void reply.header('hx-refresh', 'true');
    }
    return page(reply, livePanel(ctx, session).value);
  }

  @Post(':id/events')
  async send(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const version = one(form, 'version');
    const type = one(form, 'type') ?? '';
    // Cancelling and certifying cannot be undone: the button leads to a confirmation step, only that step acts.
    if (CONFIRMED_SESSION_EVENTS.has(type) && one(form, 'confirmed') !== 'yes') {
      const { session, awards } = await this.pages.session(ctx.principal, id);
      const event = sessionActions(session).find((e) => e.type === type);
      if (!event)
        return page(
          reply,
          sessionPage(ctx, session, awards, {
            leader: { values: {}, errors: {}, message: ctx.m.staleVersion },
          }),
          409,
        );
      const reason = one(form, 'reason');
      if (type === 'CANCEL' && !reason) {
        const leader: FormState = { values: {}, errors: { reason: [ctx.m.fieldRequired] } };
        return page(reply, sessionPage(ctx, session, awards, { leader }), 400);
      }
      return page(
        reply,
        confirmPage(ctx, {
          action: event.label[ctx.locale],
          subject: `${ctx.m.votingTitle}: ${pick(session.cluster, ctx.locale)} ${session.year}, ${ctx.m.round.toLowerCase()} ${session.round}`,
          details: reason ? [[ctx.m.reason, reason]] : [],
          post: `/app/voting-sessions/${id}/events`,
          fields: [
            ['type', type],
            ['version', version ?? ''],
            ...(reason ? [['reason', reason] as [string, string]] : []),
          ],
          back: `/app/voting-sessions/${id}`,
        }),
      );
    }
    try {
      await this.voting.sendEvent(
        ctx.principal,
        id,
        { type: one(form, 'type') ?? '', reason: one(form, 'reason') },
        version && /^\d{1,9}$/.test(version) ? Number(version) : undefined,
      );
      return seeOther(reply, `/app/voting-sessions/${id}`);
    } catch (error) {
      const refused = refusal(error, ctx.m, ctx.locale, { reason: one(form, 'reason') });
      return this.rerender(ctx, id, reply, refused.status, { leader: refused.form });
    }
  }

  @RateLimit('ballots')
  @Post(':id/ballots')
  async ballot(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    // Every award of the ballot is sent, an empty choice abstaining.
    const awards = [...new Set(many(form, 'award'))];
    const values: FormState['values'] = Object.fromEntries(
      awards.map((a) => [`choice.${a}`, many(form, `choice.${a}`)]),
    );
    const plain = {
      choices: awards.map((awardType) => ({ awardType, nominationIds: many(form, `choice.${awardType}`) })),
    };
    const { value, errors } = validateForm(BallotDto, plain, ctx.m, ctx.locale);
    if (Object.keys(errors).length > 0)
      return this.rerender(ctx, id, reply, 400, {
        ballot: { values, errors: {}, message: Object.values(errors).flat().join(' ') },
      });
    // The ballot is cast from its review step (the choices listed, or a blank ballot stated); "change" goes back.
    if (one(form, 'confirmed') !== 'yes') {
      const editing = one(form, 'edit') === 'yes';
      return this.rerender(
        ctx,
        id,
        reply,
        200,
        editing ? { ballot: { values, errors: {} } } : { review: values },
      );
    }
    try {
      const { receipt } = await this.ballotBox.cast(ctx.principal, id, value.choices);
      return this.rerender(ctx, id, reply, 201, { receipt });
    } catch (error) {
      const refused = refusal(error, ctx.m, ctx.locale, values);
      const details = (error as { details?: { awardType?: string } }).details;
      const ballot: FormState = details?.awardType
        ? { values, errors: { [`choice.${details.awardType}`]: [refused.form.message ?? ''] } }
        : refused.form;
      return this.rerender(ctx, id, reply, refused.status, { ballot });
    }
  }

  private async rerender(
    ctx: WebContext,
    id: string,
    reply: FastifyReply,
    status: number,
    forms: SessionForms,
  ) {
    const { session, awards } = await this.pages.session(ctx.principal, id);
    return page(reply, sessionPage(ctx, session, awards, forms), status);
  }
}
