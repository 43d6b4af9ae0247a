import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { NominationsModule } from '../nominations/nominations.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { VotingController } from './voting.controller';
import { BallotBox } from './ballot-box.service';
import { SealedBallotsJanitor } from './sealed-ballots-janitor.service';
import { VotingAccess } from './voting-access.service';
import { VotingMinutes } from './voting-minutes.service';
import { VotingPlaces } from './voting-places.service';
import { VotingTally } from './voting-tally.service';
import { VotingService } from './voting.service';

@Module({
  imports: [AwardsModule, OrganizationsModule, NominationsModule, MeetingsModule],
  controllers: [VotingController],
  providers: [
    VotingService,
    VotingAccess,
    BallotBox,
    VotingTally,
    VotingMinutes,
    VotingPlaces,
    SealedBallotsJanitor,
  ],
  exports: [VotingService, BallotBox, VotingMinutes],
})
export class VotingModule {}
