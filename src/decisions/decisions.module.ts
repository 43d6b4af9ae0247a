import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { NominationsModule } from '../nominations/nominations.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { BatchDecisionsService } from './batch-decisions.service';
import { DecisionsController } from './decisions.controller';

@Module({
  imports: [NominationsModule, MeetingsModule, OrganizationsModule],
  controllers: [DecisionsController],
  providers: [BatchDecisionsService],
  exports: [BatchDecisionsService],
})
export class DecisionsModule {}
