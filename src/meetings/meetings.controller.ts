import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam } from '../common/params';
import { CreateMeetingDto, ListMeetingsQuery } from './meetings.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @ApiOperation({
    summary: "Record a cluster's conference (its leadership) or a Council session (its secretary) once held",
  })
  create(@CurrentUser() user: Principal, @Body() body: CreateMeetingDto) {
    return this.meetings.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: Principal, @Query() query: ListMeetingsQuery) {
    return this.meetings.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string) {
    return this.meetings.get(user, id);
  }
}
