import { Controller, Get, HttpCode, type MessageEvent, Param, Post, Query, Sse } from '@nestjs/common';
import { concat, defer, interval, map, merge, mergeMap, type Observable, takeUntil } from 'rxjs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AuthService } from '../auth/auth.service';
import { AcceptsSessionCookie, CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam } from '../common/params';
import { NotificationStream } from './notification-stream.service';
import { NotificationsService } from './notifications.service';

class ListNotificationsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly stream: NotificationStream,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your inbox, newest first (cursor pagination; unread=true for unread only)' })
  list(@CurrentUser() user: Principal, @Query() query: ListNotificationsQuery) {
    return this.notifications.list(user, query);
  }

  @Sse('stream')
  @AcceptsSessionCookie()
  @ApiOperation({
    summary: 'Server-sent events: `inbox` with the unread count and the newest notification on every change',
  })
  live(@CurrentUser() user: Principal): Observable<MessageEvent> {
    const snapshot = () =>
      defer(async () => {
        const page = await this.notifications.list(user, { limit: 1 });
        return {
          type: 'inbox',
          data: { unread: page.unread, latest: page.items[0] ?? null },
        } as MessageEvent;
      });
    return merge(
      concat(snapshot(), this.stream.changes(user.userId).pipe(mergeMap(() => snapshot()))),
      // A comment-like heartbeat keeps proxies from closing an idle stream.
      interval(25_000).pipe(map(() => ({ type: 'ping', data: {} }) as MessageEvent)),
      // The stream ends with its session (sign-out, lock, revocation): it must not outlive the token's right.
    ).pipe(takeUntil(this.auth.sessionEnds(user)));
  }

  @Get('unread-count')
  async unread(@CurrentUser() user: Principal) {
    return { unread: await this.notifications.unreadCount(user) };
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() user: Principal) {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string) {
    return this.notifications.markRead(user, id);
  }
}
