import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam, YearParam } from '../common/params';
import {
  CreateOrganizationDto,
  ListOrganizationsQuery,
  MergeOrganizationDto,
  SetMembersDto,
} from './organizations.dto';
import { OrganizationsService } from './organizations.service';
import { StandingService } from './standing.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller()
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly standings: StandingService,
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
  create(@CurrentUser() user: Principal, @Body() body: CreateOrganizationDto) {
    return this.organizations.create(user, body);
  }

  @Post('organizations/:id/merge')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'End an organisation and make another its successor (a merger)' })
  merge(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: MergeOrganizationDto,
  ) {
    return this.organizations.merge(user, id, body.successorId, body.effectiveDate);
  }

  @Get('clusters/:id/years/:year')
  @ApiOperation({
    summary:
      "A cluster's members, leader and deputies in a year (its members, their successors, central bodies)",
  })
  async clusterYear(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
  ) {
    return this.organizations.clusterYearFor(await this.standings.of(user), id, year);
  }

  @Put('clusters/:id/years/:year/members')
  @Roles('ADMIN')
  setMembers(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('year', YearParam) year: number,
    @Body() body: SetMembersDto,
  ) {
    return this.organizations.setMembers(user, id, year, body.organizationIds);
  }
}
