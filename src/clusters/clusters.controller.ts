import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam, YearParam } from '../common/params';
import { ClusterLeadershipService } from './cluster-leadership.service';
import {
  CreateAgreementDto,
  ReturnEvaluationDto,
  ConfirmEvaluationDto,
  ScoresDto,
  SetLeadershipDto,
} from './clusters.dto';
import { ClustersService } from './clusters.service';

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('clusters/:id/years/:year')
export class ClustersController {
  constructor(
    private readonly clusters: ClustersService,
    private readonly leadership: ClusterLeadershipService,
  ) {}

  @Post('agreement')
  @ApiOperation({ summary: "Propose the year's emulation agreement and its criteria (cluster leader)" })
  create(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: CreateAgreementDto,
  ) {
    return this.clusters.createAgreement(user, id, year, body);
  }

  @Get('agreement')
  agreement(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
  ) {
    return this.clusters.getAgreement(user, id, year);
  }

  @Post('agreement/signatures')
  @ApiOperation({
    summary: 'Sign the agreement for your organisation; it is in force when the last member signs',
  })
  sign(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
  ) {
    return this.clusters.sign(user, id, year);
  }

  @Put('evaluations/mine')
  @ApiOperation({ summary: "Report your organisation's year-end scores against the criteria" })
  submit(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: ScoresDto,
  ) {
    return this.clusters.submitScores(user, id, year, body.scores);
  }

  @Get('evaluations')
  evaluations(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
  ) {
    return this.clusters.evaluations(user, id, year);
  }

  @Post('evaluations/:organizationId/confirm')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Param('organizationId', UuidParam) org: string,
    @Body() body: ConfirmEvaluationDto,
  ) {
    return this.clusters.review(user, id, year, org, 'confirm', undefined, body.submittedAt);
  }

  @Post('evaluations/:organizationId/return')
  @HttpCode(200)
  returnScores(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Param('organizationId', UuidParam) org: string,
    @Body() body: ReturnEvaluationDto,
  ) {
    return this.clusters.review(user, id, year, org, 'return', body.reason);
  }

  @Get('ranking')
  @ApiOperation({ summary: 'The weighted ranking of the confirmed results (ties shown as ties)' })
  ranking(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
  ) {
    return this.clusters.ranking(user, id, year);
  }

  @Get('leadership/proposal')
  @ApiOperation({ summary: "Next year's leadership as the results suggest (the flag winner leads)" })
  proposal(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
  ) {
    return this.clusters.proposeLeadership(user, id, year);
  }

  @Put('leadership')
  @Roles('ADMIN', 'CLUSTER_LEADER')
  @ApiOperation({
    summary:
      "Record the year's leader and deputies: the outgoing leadership installs what the result proposes while " +
      'the year has none; the administrator records or changes it (a change needs a reason). Audited.',
  })
  setLeadership(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: SetLeadershipDto,
  ) {
    return this.leadership.install(user, id, year, body);
  }
}
