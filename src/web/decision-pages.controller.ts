import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthErrors } from '../auth/auth.errors';
import { DomainError } from '../common/errors';
import { BatchDecisionsService } from '../decisions/batch-decisions.service';
import { MeetingsService } from '../meetings/meetings.service';
import { NominationsService } from '../nominations/nominations.service';
import { errorText } from './i18n';
import { Ctx, type WebContext } from './web-context';
import { asForm, many, one, refusal } from './web-form';
import { page, seeOther } from './web-response';
import { WebPages } from './web-session.guard';
import type { FormState } from './views/components.view';
import {
  chooseAtLeastOne,
  type DecisionPageKind,
  type DecisionRefusal,
  decisionsPage,
} from './views/decisions.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who records what on this page, and the state the nominations wait in. */
export const DECISION_PAGE_KINDS: Record<string, { kind: DecisionPageKind; state: string }> = {
  PM_OFFICE: { kind: 'primeMinister', state: 'pmProposal' },
  COUNCIL_SECRETARY: { kind: 'council', state: 'councilReview' },
};

/**
 * One decision for many nominations, as the Government Office and the Council's secretary record them: the
 * nominations waiting, chosen by ticking, the signed document's particulars, and an explicit acknowledgement
 * (it cannot be undone). All or nothing: a refusal names each nomination that cannot take the outcome.
 */
@WebPages()
@Controller('app/decisions')
export class DecisionPagesController {
  constructor(
    private readonly decisions: BatchDecisionsService,
    private readonly nominations: NominationsService,
    private readonly meetings: MeetingsService,
  ) {}

  private kindOf(ctx: WebContext) {
    const kind = DECISION_PAGE_KINDS[ctx.principal.role];
    if (!kind) throw AuthErrors.forbiddenRole();
    return kind;
  }

  private async render(
    ctx: WebContext,
    recordedId?: string,
    form?: FormState,
    refusals: DecisionRefusal[] = [],
  ) {
    const { kind, state } = this.kindOf(ctx);
    const [pending, meetings, recent] = await Promise.all([
      this.nominations.list(ctx.principal, { state, limit: 100 }),
      kind === 'council'
        ? this.meetings.list(ctx.principal, {}).then((all) => all.filter((m) => m.kind === 'councilSession'))
        : Promise.resolve([]),
      this.decisions.recent(ctx.principal),
    ]);
    return decisionsPage(
      ctx,
      {
        kind,
        pending: pending.items,
        meetings,
        recent,
        recorded: recordedId ? recent.find((d) => d.id === recordedId) : undefined,
      },
      form,
      refusals,
    );
  }

  @Get()
  async show(
    @Ctx() ctx: WebContext,
    @Query('recorded') recorded: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return page(reply, await this.render(ctx, recorded && UUID.test(recorded) ? recorded : undefined));
  }

  @Post()
  async record(
    @Ctx() ctx: WebContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { kind } = this.kindOf(ctx);
    const form = asForm(body);
    const ids = many(form, 'nominationId').filter((id) => UUID.test(id));
    const values = {
      nominationId: ids,
      outcome: one(form, 'outcome'),
      number: one(form, 'number'),
      date: one(form, 'date'),
      signerName: one(form, 'signerName'),
      signerFunction: one(form, 'signerFunction'),
      meetingId: one(form, 'meetingId'),
      reason: one(form, 'reason'),
    };
    const errors: Record<string, string[]> = {};
    if (ids.length === 0) errors.nominationId = [chooseAtLeastOne(ctx.locale)];
    if (one(form, 'acknowledge') !== 'yes') errors.acknowledge = [ctx.m.fieldRequired];
    if (kind === 'primeMinister') {
      for (const field of ['date', 'signerName', 'signerFunction'] as const)
        if (!values[field]) errors[field] = [ctx.m.fieldRequired];
    } else {
      if (!values.meetingId) errors.meetingId = [ctx.m.fieldRequired];
      if (values.outcome === 'rejected' && !values.reason) errors.reason = [ctx.m.fieldRequired];
    }
    let failure = { status: 400, form: { values, errors } as FormState };
    let refusals: DecisionRefusal[] = [];
    if (Object.keys(errors).length === 0) {
      try {
        const decision = await this.decisions.record(ctx.principal, {
          kind,
          outcome: values.outcome as 'awarded' | 'rejected' | 'approved',
          items: ids.map((nominationId) => ({
            nominationId,
            ...(kind === 'council' && values.outcome === 'rejected' ? { reason: values.reason } : {}),
          })),
          ...(kind === 'primeMinister'
            ? {
                number: values.number,
                date: values.date,
                signer: { name: values.signerName!, function: values.signerFunction! },
              }
            : { meetingId: values.meetingId }),
        });
        return seeOther(reply, `/app/decisions?recorded=${decision.id}`);
      } catch (error) {
        failure = refusal(error, ctx.m, ctx.locale, values, (f) =>
          f === 'signer.name' ? 'signerName' : f === 'signer.function' ? 'signerFunction' : f,
        );
        refusals = await this.refusals(ctx, error);
      }
    }
    return page(reply, await this.render(ctx, undefined, failure.form, refusals), failure.status);
  }

  /** The refusals of a decision, nomination by nomination, in the page's language. */
  private async refusals(ctx: WebContext, error: unknown): Promise<DecisionRefusal[]> {
    if (!(error instanceof DomainError) || error.code !== 'DECISION.REFUSED') return [];
    const list = (error.details?.refusals ?? []) as {
      nominationId: string;
      code: string;
      message: string;
      details?: Record<string, unknown>;
    }[];
    const views = await Promise.all(
      list.map((r) => this.nominations.get(ctx.principal, r.nominationId).catch(() => null)),
    );
    return list.map((r, i) => ({
      dossierNumber: views[i]?.dossierNumber ?? r.nominationId,
      nominee: views[i]?.nominee.name ?? '',
      message: errorText(ctx.locale, r.code, r.message, r.details),
    }));
  }
}
