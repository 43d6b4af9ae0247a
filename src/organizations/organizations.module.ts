import { Module } from '@nestjs/common';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { StandingService } from './standing.service';

@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationsService, StandingService],
  exports: [OrganizationsService, StandingService],
})
export class OrganizationsModule {}
