import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { HistoryVerifier } from './history-verifier.service';
import { WorkflowEngine } from './workflow-engine.service';

class VerifyQuery {
  @ApiPropertyOptional({ example: 'nomination' })
  @IsOptional()
  @Matches(/^[a-zA-Z]{1,64}$/)
  machineId?: string;
}

/** Audit of the tamper-evident history: for the administrators and the Board. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/history')
export class EngineController {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly verifier: HistoryVerifier,
  ) {}

  @Get(':instanceId')
  @Roles('ADMIN', 'CENTRAL_APPRAISER')
  @ApiOperation({ summary: "Recompute one instance's hash chain" })
  async one(@Param('instanceId', UuidParam) id: string) {
    return { instanceId: id, ...(await this.engine.verify(id)) };
  }

  @Post('verification')
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Recompute every hash chain (optionally of one machine) and report the broken ones',
  })
  all(@Query() query: VerifyQuery) {
    return this.verifier.verifyAll({ machineId: query.machineId });
  }
}
