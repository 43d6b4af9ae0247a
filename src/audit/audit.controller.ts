import { Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { Roles } from '../auth/decorators';
import { AUDIT_ACTIONS } from './audit-actions';
import { AuditService } from './audit.service';

class AuditLogQuery {
  @ApiPropertyOptional({ enum: Object.keys(AUDIT_ACTIONS) })
  @IsOptional()
  @IsIn(Object.keys(AUDIT_ACTIONS))
  action?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @Matches(/^[a-zA-Z]{1,40}$/)
  targetType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9:._-]{1,200}$/)
  targetId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{1,15}$/)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** The audit log of administrative acts: for administrators. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Administrative acts, newest first (who, when, what, before and after)' })
  list(@Query() query: AuditLogQuery) {
    return this.audit.list(query);
  }

  @Post('verification')
  @Roles('ADMIN')
  @ApiOperation({ summary: "Recompute the audit log's hash chain" })
  verify() {
    return this.audit.verify();
  }
}
