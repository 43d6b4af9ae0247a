import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CreateAgreementDto } from '../clusters/clusters.dto';
import { ClustersService } from '../clusters/clusters.service';
import { UuidParam, YearParam } from '../common/params';
import { OfficialDocumentsService } from '../reports/official-documents.service';
import { ClusterPagesService } from './cluster-pages.service';
import { Ctx, type WebContext } from './web-context';
import { asForm, type FormBody, numeric, one, refusal, rowErrors, rowsOf, validateForm } from './web-form';
import { page, seeOther } from './web-response';
import { WebPages } from './web-session.guard';
import type { FormState } from './views/components.view';
import { type ClusterForms, clustersPage, clusterYearPage } from './views/cluster.view';

const CRITERION_KEYS = ['code', 'name', 'weight', 'maxScore'];

/** The criteria rows as the API's CriterionDto; a row without a code is given `TC<n>`, its position. */
function criteria(form: FormBody): { list: Record<string, unknown>[]; at: number[] } {
  const { rows, at } = rowsOf(form, 'criteria', CRITERION_KEYS);
  const list = rows.map((r, i) => ({
    code: r.code ?? `TC${i + 1}`,
    name: r.name,
    weight: numeric(r.weight),
    maxScore: numeric(r.maxScore),
  }));
  return { list, at };
}

function scoresOf(form: FormBody): { values: FormState['values']; scores: Record<string, number> } {
  const values: FormState['values'] = {};
  const scores: Record<string, number> = {};
  for (const key of Object.keys(form)) {
    if (!key.startsWith('score.')) continue;
    const text = one(form, key);
    values[key] = text;
    const n = numeric(text);
    scores[key.slice('score.'.length)] = typeof n === 'number' ? n : Number.NaN;
  }
  return { values, scores };
}

@WebPages()
@Controller('app/clusters')
export class ClusterPagesController {
  constructor(
    private readonly pages: ClusterPagesService,
    private readonly clusters: ClustersService,
    private readonly documents: OfficialDocumentsService,
  ) {}

  @Get()
  async mine(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const mine = await this.pages.mine(ctx.principal);
    if (mine.latest)
      return seeOther(reply, `/app/clusters/${mine.latest.clusterId}/years/${mine.latest.year}`);
    return page(reply, clustersPage(ctx, mine));
  }

  @Get(':id/years/:year')
  async year(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return page(reply, clusterYearPage(ctx, await this.pages.year(ctx.principal, id, year)));
  }

  @Post(':id/years/:year/agreement')
  async createAgreement(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = asForm(body);
    const values = Object.fromEntries(Object.entries(form).filter(([k]) => k !== '_csrf'));
    const { list, at } = criteria(form);
    const { value, errors } = validateForm(
      CreateAgreementDto,
      { title: one(form, 'title'), criteria: list },
      ctx.m,
      ctx.locale,
    );
    if (Object.keys(errors).length > 0) {
      const placed = rowErrors(errors, 'criteria', at);
      if (list.length === 0) placed.criteria = [ctx.m.criteriaNone];
      return this.rerender(ctx, id, year, reply, 400, { agreement: { values, errors: placed } });
    }
    return this.attempt(ctx, id, year, reply, 'agreement', values, () =>
      this.clusters.createAgreement(ctx.principal, id, year, value),
    );
  }

  @Post(':id/years/:year/agreement/signatures')
  sign(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.attempt(ctx, id, year, reply, 'sign', {}, () => this.clusters.sign(ctx.principal, id, year));
  }

  @Post(':id/years/:year/evaluations')
  scores(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { values, scores } = scoresOf(asForm(body));
    return this.attempt(ctx, id, year, reply, 'scores', values, () =>
      this.clusters.submitScores(ctx.principal, id, year, scores),
    );
  }

  @Post(':id/years/:year/evaluations/:org/:decision')
  review(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Param('org', UuidParam) org: string,
    @Param('decision') decision: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const reason = one(asForm(body), 'reason');
    const seen = one(asForm(body), 'submittedAt');
    if (decision !== 'confirm' && decision !== 'return') {
      return this.rerender(ctx, id, year, reply, 404, {});
    }
    return this.attempt(ctx, id, year, reply, 'review', { reason }, () =>
      this.clusters.review(ctx.principal, id, year, org, decision, reason, seen),
    );
  }

  /** Issues the cluster's proposal (tờ trình) and hands it to the browser: the download takes the session cookie. */
  @Post(':id/years/:year/proposal')
  async proposal(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const format = one(asForm(body), 'format') === 'docx' ? 'docx' : 'pdf';
    try {
      const issued = await this.documents.clusterProposal(ctx.principal, id, year, format);
      return seeOther(reply, issued.download);
    } catch (error) {
      const refused = refusal(error, ctx.m, ctx.locale, {});
      return this.rerender(ctx, id, year, reply, refused.status, { proposal: refused.form });
    }
  }

  /** Runs one service call; success goes back to the page, a refusal shows on it next to the form concerned. */
  private async attempt(
    ctx: WebContext,
    id: string,
    year: number,
    reply: FastifyReply,
    form: keyof ClusterForms,
    values: FormState['values'],
    work: () => Promise<unknown>,
  ) {
    try {
      await work();
      return seeOther(reply, `/app/clusters/${id}/years/${year}`);
    } catch (error) {
      const refused = refusal(error, ctx.m, ctx.locale, values);
      const details = (error as { details?: { problems?: string[]; unknown?: string[] } }).details;
      if (form === 'scores' && details?.problems) {
        // EVALUATION.INVALID_SCORES names each criterion as "CODE: 0–max": the problem goes next to its input.
        for (const problem of details.problems) {
          const [code, range] = problem.split(': ');
          refused.form.errors[`score.${code}`] = [`${ctx.m.fieldInvalid} (${range})`];
        }
      }
      return this.rerender(ctx, id, year, reply, refused.status, { [form]: refused.form });
    }
  }

  private async rerender(
    ctx: WebContext,
    id: string,
    year: number,
    reply: FastifyReply,
    status: number,
    forms: ClusterForms,
  ) {
    return page(reply, clusterYearPage(ctx, await this.pages.year(ctx.principal, id, year), forms), status);
  }
}
