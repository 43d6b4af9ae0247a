import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ROLES, type Role } from '../auth/roles';
import { UuidParam } from '../common/params';
import { WebhooksService } from './webhooks.service';

class CreateWebhookDto {
  @ApiProperty({ example: 'https://tdkt.namdinh.gov.vn/hooks/thidua' })
  @IsString()
  @Length(8, 2000)
  url!: string;

  @ApiProperty({
    example: ['nomination.returned', 'nomination.decided'],
    description: 'Notification templates, or "*"',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  events!: string[];

  @ApiPropertyOptional({
    description: 'HMAC key (at least 16 characters); generated and returned once when omitted',
  })
  @IsOptional()
  @IsString()
  @Length(16, 200)
  secret?: string;

  @ApiPropertyOptional({ description: 'Admins: the organisation subscribing' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    description:
      'The role in which the webhook reads for its organisation: yours (the default); an admin subscribing another organisation names one',
  })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

class UpdateWebhookDto {
  @ApiProperty() @IsBoolean() active!: boolean;
}

class DeliveriesQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: 'Subscribe your organisation; deliveries are signed with HMAC-SHA256 (X-Thidua-Signature)',
  })
  create(@CurrentUser() user: Principal, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: Principal) {
    return this.webhooks.list(user);
  }

  @Patch(':id')
  update(@CurrentUser() user: Principal, @Param('id', UuidParam) id: string, @Body() body: UpdateWebhookDto) {
    return this.webhooks.setActive(user, id, body.active);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery attempts, newest first' })
  deliveries(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: DeliveriesQuery,
  ) {
    return this.webhooks.deliveries(user, id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  redeliver(
    @CurrentUser() user: Principal,
    @Param('id', UuidParam) id: string,
    @Param('deliveryId', UuidParam) deliveryId: string,
  ) {
    return this.webhooks.redeliver(user, id, deliveryId);
  }
}
