import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthErrors } from '../auth/auth.errors';
import { DocumentsService } from '../nominations/documents.service';
import { NominationWorklistService } from '../nominations/nomination-worklist.service';
import { Ctx, type WebContext } from './web-context';
import { page } from './web-response';
import { WebPages } from './web-session.guard';
import { councilPage } from './views/council.view';

/** The people of the Central Council read what is before it. */
const COUNCIL_ROLES = ['COUNCIL_MEMBER', 'COUNCIL_SECRETARY'];
/** How many nominations of the Council's stage the page lists at once, each with its documents. */
const COUNCIL_PAGE_SIZE = 50;

/** What is before the Central Council: the nominations at its stage, with their current documents. */
@WebPages()
@Controller('app/council')
export class CouncilPagesController {
  constructor(
    private readonly worklist: NominationWorklistService,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  async list(
    @Ctx() ctx: WebContext,
    @Query('page') pageText: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!COUNCIL_ROLES.includes(ctx.principal.role)) throw AuthErrors.forbiddenRole();
    const number = pageText && /^\d{1,4}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1;
    const list = await this.worklist.page(
      ctx.principal,
      { state: 'councilReview' },
      { sort: 'submitted', dir: 'asc' },
      number,
      COUNCIL_PAGE_SIZE,
    );
    const documents = await Promise.all(
      list.items.map(async (n) => (await this.documents.list(ctx.principal, n.id)).filter((d) => d.current)),
    );
    return page(
      reply,
      councilPage(
        ctx,
        list,
        list.items.map((n, i) => ({ nomination: n, documents: documents[i] })),
      ),
    );
  }
}
