import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { AwardsService } from './awards.service';
import { CreatePolicyDto } from './policy-rules';

class AtQuery {
  @ApiPropertyOptional({
    example: '2024-03-13',
    description: 'The date whose policy to show (default today)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'at must be a date (YYYY-MM-DD)' })
  at?: string;
}

@ApiTags('awards')
@ApiBearerAuth()
@Controller('award-types')
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Get()
  @ApiOperation({ summary: 'The award catalogue with the policy in force' })
  list(@Query() query: AtQuery) {
    return this.awards.list(query.at);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One award with every version of its policy' })
  detail(@Param('code') code: string, @Query() query: AtQuery) {
    return this.awards.detail(code, query.at);
  }

  @Post(':code/policies')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Add a policy version taking effect on a date' })
  addPolicy(@CurrentUser() user: Principal, @Param('code') code: string, @Body() body: CreatePolicyDto) {
    return this.awards.addPolicy(user, code, body);
  }
}
