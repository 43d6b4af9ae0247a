import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { UuidParam } from '../common/params';
import { BatchDecisionsService } from './batch-decisions.service';
import { CreateDecisionDto } from './decisions.dto';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: BatchDecisionsService) {}

  @Post()
  @ApiOperation({
    summary:
      "Record one decision for many nominations, all or nothing: the Prime Minister's (PM_DECIDED), the Council's session outcome (COUNCIL_APPROVED/REJECTED), a cluster leader's acceptance (ACCEPT)",
  })
  record(@CurrentUser() user: Principal, @Body() body: CreateDecisionDto) {
    return this.decisions.record(user, body);
  }

  @Get(':id')
  get(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string) {
    return this.decisions.get(user, id);
  }
}
