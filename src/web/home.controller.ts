import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../common/errors';
import { UuidParam } from '../common/params';
import { NotificationsService } from '../notifications/notifications.service';
import { MyWorkService } from './my-work.service';
import { Ctx, type WebContext, type WebRequest } from './web-context';
import { page, seeOther } from './web-response';
import { WebPages } from './web-session.guard';
import { homePage, inboxPanel, notificationsPage } from './views/home.view';

const NOTIFICATIONS_PAGE = 20;

@WebPages()
@Controller('app')
export class HomeController {
  constructor(
    private readonly work: MyWorkService,
    private readonly notifications: NotificationsService,
  ) {}

  @Get()
  async home(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return page(reply, homePage(ctx, await this.work.load(ctx.principal)));
  }

  /** The inbox panel alone, for htmx to swap in when the live stream says the inbox changed. */
  @Get('inbox')
  async inbox(@Ctx() ctx: WebContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const inbox = await this.work.inbox(ctx.principal);
    return page(reply, inboxPanel(ctx, inbox.items, inbox.unread).value);
  }

  /** Every notification of the user, newest first, a page at a time. */
  @Get('notifications')
  async notificationList(
    @Ctx() ctx: WebContext,
    @Query('cursor') cursor: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // A cursor that is not one of ours is refused by the list (REQUEST.INVALID_CURSOR, 400).
    const valid = typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
    const list = await this.notifications.list(ctx.principal, { cursor: valid, limit: NOTIFICATIONS_PAGE });
    return page(reply, notificationsPage(ctx, list, valid !== undefined));
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  async read(
    @Ctx() ctx: WebContext,
    @Param('id', UuidParam) id: string,
    @Req() request: WebRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.notifications.markRead(ctx.principal, id);
    return this.afterInboxChange(ctx, request, reply);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  async readAll(
    @Ctx() ctx: WebContext,
    @Req() request: WebRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.notifications.markAllRead(ctx.principal);
    return this.afterInboxChange(ctx, request, reply);
  }

  /** Any other address under /app: the 404 page (not the API's JSON), once signed in. */
  @Get('*')
  notFound(): never {
    throw new DomainError('not_found', 'REQUEST.NOT_FOUND', 'No such page');
  }

  private async afterInboxChange(ctx: WebContext, request: WebRequest, reply: FastifyReply) {
    if (!request.headers['hx-request']) return seeOther(reply, '/app');
    const inbox = await this.work.inbox(ctx.principal);
    return page(reply, inboxPanel(ctx, inbox.items, inbox.unread).value);
  }
}
