import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { CalendarModule } from '../calendar/calendar.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { DocumentsService } from './documents.service';
import { NominationsController } from './nominations.controller';
import { NominationsService } from './nominations.service';

@Module({
  imports: [AwardsModule, OrganizationsModule, CalendarModule],
  controllers: [NominationsController],
  providers: [NominationsService, DocumentsService],
  exports: [NominationsService, DocumentsService],
})
export class NominationsModule {}
