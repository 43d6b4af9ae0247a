import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam, YearParam } from '../common/params';
import {
  CreateOrganizationDto,
  ListOrganizationsQuery,
  MergeOrganizationDto,
  SetLeadershipDto,
  SetMembersDto,
} from './organizations.dto';
import { ClusterLeadershipService } from './cluster-leadership.service';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller()
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly leadership: ClusterLeadershipService,
  ) {}

  @Get('organizations')
  @ApiOperation({ summary: 'Organisations (provinces, ministries, clusters, central bodies)' })
  list(@Query() query: ListOrganizationsQuery) {
    return this.organizations.list(query);
  }

  @Get('organizations/:id')
  get(@Param('id', UuidParam) id: string) {
    return this.organizations.view(id);
  }

  @Post('organizations')
  @Roles('ADMIN')
  create(@Body() body: CreateOrganizationDto) {
    return this.organizations.create(body);
  }

  @Post('organizations/:id/merge')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'End an organisation and make another its successor (a merger)' })
  merge(@Param('id', UuidParam) id: string, @Body() body: MergeOrganizationDto) {
    return this.organizations.merge(id, body.successorId, body.effectiveDate);
  }

  @Get('clusters/:id/years/:year')
  @ApiOperation({ summary: "A cluster's members, leader and deputies in a year" })
  clusterYear(@Param('id', UuidParam) id: string, @Param('year', YearParam) year: number) {
    return this.organizations.clusterYear(id, year);
  }

  @Put('clusters/:id/years/:year/members')
  @Roles('ADMIN')
  setMembers(
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: SetMembersDto,
  ) {
    return this.organizations.setMembers(id, year, body.organizationIds);
  }

  @Put('clusters/:id/years/:year/leadership')
  @Roles('ADMIN', 'CLUSTER_LEADER')
  @ApiOperation({
    summary: 'Install the leader and deputies for a year (the admin, or the leadership of the year before)',
  })
  setLeadership(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: SetLeadershipDto,
  ) {
    return this.leadership.install(user, id, year, body.leaderId, body.deputyIds);
  }
}
