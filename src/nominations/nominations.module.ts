import { NominationReadModel } from './nomination-read-model';
import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { CalendarModule } from '../calendar/calendar.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RegisterModule } from '../register/register.module';
import { NominationEligibilityController } from './nomination-eligibility.controller';
import { NominationEligibilityService } from './nomination-eligibility.service';
import { NominationRegisterProjection } from './nomination-register.projection';
import { DocumentsService } from './documents.service';
import { NominationsController } from './nominations.controller';
import { NominationsService } from './nominations.service';
import { NominationWorklistService } from './nomination-worklist.service';

@Module({
  imports: [AwardsModule, OrganizationsModule, CalendarModule, RegisterModule],
  controllers: [NominationsController, NominationEligibilityController],
  providers: [
    NominationsService,
    DocumentsService,
    NominationEligibilityService,
    NominationRegisterProjection,
    NominationWorklistService,
    NominationReadModel,
  ],
  exports: [NominationsService, DocumentsService, NominationWorklistService],
})
export class NominationsModule {}
