import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { RateLimit } from '../common/rate-limit';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AcceptsSessionCookie, CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam, YearParam } from '../common/params';
import { ListNominationsQuery } from '../nominations/nominations.dto';
import { ExportService } from './export.service';
import { OfficialDocumentsService } from './official-documents.service';
import { FormatDto, PmListDto, StageDurationsQuery, SummaryQuery } from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly exports: ExportService,
    private readonly documents: OfficialDocumentsService,
  ) {}

  @Get('reports/summary')
  @ApiOperation({
    summary:
      'Per award and cluster: nominations by state; proposed, selected, forwarded, awarded, rejected (by stage), withdrawn',
  })
  summary(@CurrentUser() user: Principal, @Query() query: SummaryQuery) {
    return this.reports.summary(user, query);
  }

  @Get('reports/stage-durations')
  @ApiOperation({
    summary: 'Median and 90th percentile time per stage, in working days, and the slowest items',
  })
  stageDurations(@CurrentUser() user: Principal, @Query() query: StageDurationsQuery) {
    return this.reports.stageDurations(user, query);
  }

  @Get('reports/overdue')
  @ApiOperation({ summary: 'What is past its limit, where, and who must act' })
  overdue(@CurrentUser() user: Principal, @Query() query: SummaryQuery) {
    return this.reports.overdue(user, query);
  }

  @RateLimit('exports')
  @Post('reports/pm-list')
  @ApiOperation({
    summary: "The Board's list for the Prime Minister for an award and year (PDF or DOCX), stored and linked",
  })
  pmList(@CurrentUser() user: Principal, @Body() body: PmListDto) {
    return this.documents.pmList(user, body.year, body.awardType, body.format);
  }

  @RateLimit('exports')
  @Post('clusters/:id/years/:year/proposal')
  @ApiOperation({
    summary: "The cluster's proposal (tờ trình) to the Central Board (PDF or DOCX), stored and linked",
  })
  proposal(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: FormatDto,
  ) {
    return this.documents.clusterProposal(user, id, year, body.format);
  }

  @RateLimit('exports')
  @Get('nominations/export.xlsx')
  @AcceptsSessionCookie()
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The nomination list (same filters) as a streamed XLSX workbook' })
  async export(
    @CurrentUser() user: Principal,
    @Query() query: ListNominationsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    const stream = await this.exports.nominationsXlsx(user, filters);
    void reply.header('x-content-type-options', 'nosniff');
    return new StreamableFile(stream, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="ho-so-de-nghi-${new Date().toISOString().slice(0, 10)}.xlsx"`,
    });
  }
}
