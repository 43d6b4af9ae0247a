import { Module } from '@nestjs/common';
import { ClusterLeadershipService } from './cluster-leadership.service';
import { ClusterSeats } from './cluster-seats.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { StandingService } from './standing.service';

@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationsService, ClusterLeadershipService, StandingService, ClusterSeats],
  exports: [OrganizationsService, StandingService, ClusterLeadershipService, ClusterSeats],
})
export class OrganizationsModule {}
