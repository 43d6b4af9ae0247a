import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam } from '../common/params';
import { NominationsService } from './nominations.service';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationEligibilityController {
  constructor(private readonly nominations: NominationsService) {}

  @Get(':id/eligibility')
  @ApiOperation({
    summary:
      "The award's standard evaluated against the register: each criterion met or not, blocking or warning, with the entries used as evidence",
  })
  eligibility(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string) {
    return this.nominations.eligibility(user, id);
  }
}
