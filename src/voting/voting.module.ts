import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { NominationsModule } from '../nominations/nominations.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { VotingController } from './voting.controller';
import { VotingService } from './voting.service';

@Module({
  imports: [AwardsModule, OrganizationsModule, NominationsModule],
  controllers: [VotingController],
  providers: [VotingService],
  exports: [VotingService],
})
export class VotingModule {}
