import { Module } from '@nestjs/common';
import { ClusterLeadershipService } from './cluster-leadership.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { StandingService } from './standing.service';

@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationsService, ClusterLeadershipService, StandingService],
  exports: [OrganizationsService, StandingService, ClusterLeadershipService],
})
export class OrganizationsModule {}
