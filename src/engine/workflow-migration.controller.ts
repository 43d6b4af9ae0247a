import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { WorkflowMigrationService } from './workflow-migration.service';

class MigrateWorkflowsDto {
  @ApiProperty({ example: 'nomination' }) @Matches(/^[a-zA-Z]{1,64}$/) machineId!: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(1000) from!: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(1000) to!: number;
  @ApiPropertyOptional({ description: 'Report what would move, change nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('workflows/migrations')
export class WorkflowMigrationController {
  constructor(private readonly migrations: WorkflowMigrationService) {}

  @Post()
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({
    summary:
      'Move running instances to a new machine version by its tested migration; reports what moved and what was left, and why (audited)',
  })
  migrate(@CurrentUser() user: Principal, @Body() body: MigrateWorkflowsDto) {
    return this.migrations.migrate({ ...body, dryRun: body.dryRun === true }, user);
  }
}
