import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { RateLimit } from '../common/rate-limit';
import type { FastifyReply } from 'fastify';
import type {} from '@fastify/multipart';
import { UuidParam } from '../common/params';
import { DocumentsService, MAX_DOCUMENT_BYTES } from '../nominations/documents.service';
import { CreateNominationDto, ListNominationsQuery } from '../nominations/nominations.dto';
import { NominationErrors } from '../nominations/nominations.errors';
import { NominationsService } from '../nominations/nominations.service';
import { nomineeProblems } from '../nominations/nominee-details';
import {
  WORKLIST_MAX_PAGE,
  WORKLIST_SORTS,
  type WorklistSort,
} from '../nominations/nomination-worklist.service';
import { NominationPagesService } from './nomination-pages.service';
import { Ctx, type WebContext, type WebRequest } from './web-context';
import {
  asForm,
  fieldProblemText,
  type FormBody,
  numeric,
  one,
  percentShare,
  refusal,
  validateForm,
} from './web-form';
import { page, seeOther } from './web-response';
import { assertMultipartCsrf, CsrfInMultipart, WebPages } from './web-session.guard';
import { WebSessionService } from './web-session.service';
import { emptyForm, type FormState } from './views/components.view';
import { confirmPage } from './views/confirm.view';
import { CONFIRMED_EVENTS, type DetailForms, nominationPage } from './views/nomination-detail.view';
import {
  type ListOrder,
  newNominationPage,
  nominationListPage,
  nominationTitle,
} from './views/nominations.view';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The list's own parameters (order and page), besides the API list's filters. */
const LIST_CONTROLS = new Set(['limit', 'cursor', 'sort', 'dir', 'page']);
export const DEFAULT_ORDER: ListOrder = { sort: 'submitted', dir: 'desc', page: 1 };

/** The order and page asked for, or null when one of them is not a known value. */
function listOrder(raw: Record<string, string>): ListOrder | null {
  const sort = raw.sort || DEFAULT_ORDER.sort;
  const dir = raw.dir || (sort === 'submitted' ? 'desc' : 'asc');
  const pageText = raw.page || '1';
  if (!Object.hasOwn(WORKLIST_SORTS, sort) || (dir !== 'asc' && dir !== 'desc')) return null;
  if (!/^\d{1,4}$/.test(pageText) || Number(pageText) < 1 || Number(pageText) > WORKLIST_MAX_PAGE)
    return null;
  return { sort: sort as WorklistSort, dir, page: Number(pageText) };
}

/** The form's fields as the API's CreateNominationDto (same names, so problems land next to their field). */
function creation(body: FormBody): Record<string, unknown> {
  const nominee: Record<string, unknown> = {
    kind: one(body, 'nominee.kind'),
    organizationId: one(body, 'nominee.organizationId'),
    fullName: one(body, 'nominee.fullName'),
    gender: one(body, 'nominee.gender'),
    position: one(body, 'nominee.position'),
    birthDate: one(body, 'nominee.birthDate'),
    hometown: one(body, 'nominee.hometown'),
    ethnicity: one(body, 'nominee.ethnicity'),
    serviceYears: numeric(one(body, 'nominee.serviceYears')),
    femaleShare: percentShare(one(body, 'nominee.femaleShare')),
  };
  return {
    awardType: one(body, 'awardType'),
    year: numeric(one(body, 'year')),
    clusterId: one(body, 'clusterId'),
    nominee: Object.fromEntries(Object.entries(nominee).filter(([, v]) => v !== undefined)),
    summary: one(body, 'summary'),
  };
}

@WebPages()
@Controller('app/nominations')
export class NominationPagesController {
  constructor(
    private readonly pages: NominationPagesService,
    private readonly nominations: NominationsService,
    private readonly documents: DocumentsService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get()
  async list(
    @Ctx() ctx: WebContext,
    @Query() raw: Record<string, string>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const values = Object.fromEntries(
      Object.entries(raw ?? {}).filter(
        ([k, v]) => typeof v === 'string' && v !== '' && !LIST_CONTROLS.has(k),
      ),
    );
    const order = listOrder(raw ?? {});
    const { value, errors } = validateForm(ListNominationsQuery, values, ctx.m, ctx.locale);
    const form: FormState = { values, errors };
    if (!order) form.message = ctx.m.fixErrors;
    if (Object.keys(errors).length > 0 || !order)
      return page(reply, nominationListPage(ctx, form, null, order ?? DEFAULT_ORDER), 400);
    try {
      const result = await this.pages.list(ctx.principal, value, order);
      return page(reply, nominationListPage(ctx, form, result, order));
    } catch (error) {
      const refused = refusal(error, ctx.m, ctx.locale, values);
      return page(reply, nominationListPage(ctx, refused.form, null, order), refused.status);
    }
  }

  @Get('new')
  async newForm(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return page(reply, newNominationPage(ctx, emptyForm(), await this.pages.createOptions(ctx.principal)));
  }

  @Post()
  async create(
    @Ctx() ctx: WebContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const values = Object.fromEntries(Object.entries(form).filter(([k]) => k !== '_csrf'));
    const { value, errors } = validateForm(CreateNominationDto, creation(form), ctx.m, ctx.locale);
    // The individual's required fields are checked with the rest, so that every problem shows at once.
    for (const problem of value.nominee ? nomineeProblems(value.nominee) : []) {
      errors[problem.field] ??= [fieldProblemText(problem.problems, ctx.m, ctx.locale)];
    }
    let failure: { status: number; form: FormState };
    if (Object.keys(errors).length === 0) {
      try {
        const created = await this.nominations.create(ctx.principal, value);
        return seeOther(reply, `/app/nominations/${created.body.id}`);
      } catch (error) {
        failure = refusal(error, ctx.m, ctx.locale, values);
      }
    } else {
      failure = { status: 400, form: { values, errors } };
    }
    const options = await this.pages.createOptions(ctx.principal);
    return page(reply, newNominationPage(ctx, failure.form, options), failure.status);
  }

  @Get(':id')
  async detail(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return page(reply, nominationPage(ctx, await this.pages.detail(ctx.principal, id)));
  }

  @Post(':id/events')
  async send(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const type = one(form, 'type') ?? '';
    // The event's own fields are named `<TYPE>.<field>`: the service validates them and refuses any other.
    const payload: Record<string, unknown> = {};
    for (const key of Object.keys(form)) {
      if (!key.startsWith(`${type}.`)) continue;
      const field = key.slice(type.length + 1);
      const text = one(form, key);
      if (text === undefined) continue;
      payload[field] =
        field === 'bodies'
          ? text
              .split(',')
              .map((b) => b.trim())
              .filter(Boolean)
          : text;
    }
    const version = one(form, 'version');
    const key = one(form, 'idempotencyKey');
    // An irreversible event is sent only from its confirmation step (the button alone leads to that step).
    if (CONFIRMED_EVENTS.has(type) && one(form, 'confirmed') !== 'yes') {
      return this.confirmStep(ctx, id, form, type, payload, reply);
    }
    try {
      await this.nominations.sendEvent(
        ctx.principal,
        id,
        { type, payload },
        {
          expectedVersion: version && /^\d{1,9}$/.test(version) ? Number(version) : undefined,
          idempotencyKey: key && IDEMPOTENCY_KEY.test(key) ? key : undefined,
        },
      );
      return seeOther(reply, `/app/nominations/${id}`);
    } catch (error) {
      const values = Object.fromEntries(Object.entries(form).filter(([k]) => k.startsWith(`${type}.`)));
      const refused = refusal(error, ctx.m, ctx.locale, values, (f) => f.replace(/^payload\./, `${type}.`));
      const forms: DetailForms =
        refused.status === 412
          ? { notice: ctx.m.staleVersion }
          : { event: { type, form: refused.form }, notice: refused.form.message };
      const detail = await this.pages.detail(ctx.principal, id);
      return page(reply, nominationPage(ctx, detail, forms), refused.status);
    }
  }

  /** What the irreversible event will do, with the fields entered, before anything is sent. */
  private async confirmStep(
    ctx: WebContext,
    id: string,
    form: FormBody,
    type: string,
    payload: Record<string, unknown>,
    reply: FastifyReply,
  ) {
    const detail = await this.pages.detail(ctx.principal, id);
    const n = detail.nomination;
    const event = n.allowedEvents.find((e) => e.type === type);
    const values = Object.fromEntries(Object.entries(form).filter(([k]) => k.startsWith(`${type}.`)));
    if (!event) return page(reply, nominationPage(ctx, detail, { notice: ctx.m.staleVersion }), 409);
    const missing = event.needs.filter((need) => !need.endsWith('?') && payload[need] === undefined);
    if (missing.length > 0) {
      const errors = Object.fromEntries(missing.map((f) => [`${type}.${f}`, [ctx.m.fieldRequired]]));
      return page(reply, nominationPage(ctx, detail, { event: { type, form: { values, errors } } }), 400);
    }
    const labels: Record<string, string> = {
      reason: ctx.m.reason,
      outcome: ctx.m.outcome,
      decisionNumber: ctx.m.decisionNumber,
      decisionDate: ctx.m.decisionDate,
    };
    const fields = Object.entries(values).flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v ?? '']).map((text) => [k, text] as [string, string]),
    );
    return page(
      reply,
      confirmPage(ctx, {
        action: event.label[ctx.locale],
        subject: `${ctx.m.dossierNumber} ${n.dossierNumber}: ${nominationTitle(ctx, n)}`,
        details: fields
          .filter(([, text]) => text.trim() !== '')
          .map(([k, text]) => [labels[k.slice(type.length + 1)] ?? k.slice(type.length + 1), text]),
        post: `/app/nominations/${id}/events`,
        fields: [
          ['type', type],
          ['version', one(form, 'version') ?? ''],
          ['idempotencyKey', one(form, 'idempotencyKey') ?? ''],
          ...fields,
        ],
        back: `/app/nominations/${id}`,
      }),
    );
  }

  @RateLimit('uploads')
  @Post(':id/documents')
  @CsrfInMultipart()
  async upload(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Req() request: WebRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    let kind = '';
    try {
      if (!request.isMultipart()) throw NominationErrors.documentMissing();
      const file = await request.file().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT')
          throw NominationErrors.documentTooLarge(MAX_DOCUMENT_BYTES);
        throw NominationErrors.documentMissing();
      });
      // Before anything else: the form's CSRF token (a field ahead of the file).
      try {
        assertMultipartCsrf(this.sessions, request, (file?.fields ?? {}) as Record<string, unknown>);
      } catch (error) {
        file?.file.resume(); // drain the upload: the answer is a refusal either way
        throw error;
      }
      const field = file?.fields.kind;
      kind = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : '';
      if (!file || file.fieldname !== 'file' || !file.filename) throw NominationErrors.documentMissing();
      const content = await file.toBuffer().catch(() => {
        throw NominationErrors.documentTooLarge(MAX_DOCUMENT_BYTES);
      });
      if (file.file.truncated) throw NominationErrors.documentTooLarge(MAX_DOCUMENT_BYTES);
      await this.documents.upload(ctx.principal, id, kind, { fileName: file.filename, content });
      return seeOther(reply, `/app/nominations/${id}`);
    } catch (error) {
      if ((error as { code?: string }).code === 'WEB.CSRF_INVALID') throw error;
      const refused = refusal(error, ctx.m, ctx.locale, { kind });
      // A problem with the file itself belongs next to the file input.
      const upload: FormState = refused.form.message
        ? { values: { kind }, errors: { file: [refused.form.message] } }
        : refused.form;
      const detail = await this.pages.detail(ctx.principal, id);
      return page(reply, nominationPage(ctx, detail, { upload }), refused.status);
    }
  }
}
