import { RateLimit } from '../common/rate-limit';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AcceptsSessionCookie, CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam } from '../common/params';
import { etag, parseIfMatch } from '../nominations/http-headers';
import { BallotDto, CreateSessionDto, ListSessionsQuery, MinutesQuery, SessionEventDto } from './voting.dto';
import { BallotBox } from './ballot-box.service';
import { VotingMinutes } from './voting-minutes.service';
import { VotingService } from './voting.service';

@ApiTags('voting')
@ApiBearerAuth()
@Controller('voting-sessions')
export class VotingController {
  constructor(
    private readonly voting: VotingService,
    private readonly ballotBox: BallotBox,
    private readonly votingMinutes: VotingMinutes,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a voting session of accepted nominations (cluster leader)' })
  create(@CurrentUser() user: Principal, @Body() body: CreateSessionDto) {
    return this.voting.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: Principal, @Query() query: ListSessionsQuery) {
    return this.voting.list(user, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'State, eligible count and turnout; after the tally, the results and the counted receipts',
  })
  async get(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.voting.view(user, id);
    void reply.header('etag', etag(view.version));
    return view;
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'OPEN, CLOSE, RUNOFF, CERTIFY or CANCEL (cluster leader)' })
  @ApiHeader({ name: 'If-Match', required: false })
  send(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: SessionEventDto,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.voting.sendEvent(user, id, body, parseIfMatch(ifMatch));
  }

  @RateLimit('ballots')
  @Post(':id/ballots')
  @ApiOperation({
    summary: "Cast your organisation's secret ballot in the current round; answers a receipt code",
  })
  ballot(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string, @Body() body: BallotDto) {
    return this.ballotBox.cast(user, id, body.choices);
  }

  @Get(':id/minutes')
  @AcceptsSessionCookie()
  @ApiOperation({ summary: 'The minutes of the vote (PDF, or DOCX with format=docx), once certified' })
  async minutes(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: MinutesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { document, stream, contentType } = await this.votingMinutes.open(user, id, query.format ?? 'pdf');
    void reply.header('etag', `"${document.sha256}"`);
    return new StreamableFile(stream, {
      type: contentType,
      disposition: `attachment; filename="${document.fileName}"`,
    });
  }
}
