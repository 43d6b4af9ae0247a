import { Module } from '@nestjs/common';
import { ClusterSeats } from './cluster-seats.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { StandingService } from './standing.service';

@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationsService, StandingService, ClusterSeats],
  exports: [OrganizationsService, StandingService, ClusterSeats],
})
export class OrganizationsModule {}
