import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class SessionItemDto {
  @ApiProperty({ example: 'GOVERNMENT_FLAG' })
  @Matches(/^[A-Z_]{2,40}$/)
  awardType!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  nominationIds!: string[];
}

export class CreateSessionDto {
  @ApiProperty() @IsUUID() clusterId!: string;
  @ApiProperty({ example: 2023 }) @IsInt() @Min(2000) @Max(2100) year!: number;

  @ApiProperty({ description: 'The conference (POST /meetings) at which the vote is held' })
  @IsUUID()
  meetingId!: string;

  @ApiProperty({ type: [SessionItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SessionItemDto)
  items!: SessionItemDto[];

  @ApiPropertyOptional({ description: 'When the session closes by itself (ISO date-time)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesAt?: string;
}

export class SessionEventDto {
  @ApiProperty({ enum: ['OPEN', 'CLOSE', 'RUNOFF', 'CERTIFY', 'CANCEL'] })
  @IsIn(['OPEN', 'CLOSE', 'RUNOFF', 'CERTIFY', 'CANCEL'])
  type!: string;

  @ApiPropertyOptional({ description: 'Required to CANCEL' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class BallotChoiceDto {
  @ApiProperty() @Matches(/^[A-Z_]{2,40}$/) awardType!: string;

  @ApiProperty({ type: [String], description: 'Approved candidates (at most the quota); empty abstains' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  nominationIds!: string[];
}

export class BallotDto {
  @ApiProperty({ type: [BallotChoiceDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => BallotChoiceDto)
  choices!: BallotChoiceDto[];
}

export class ListSessionsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() clusterId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class MinutesQuery {
  @ApiPropertyOptional({ enum: ['pdf', 'docx'] }) @IsOptional() @IsIn(['pdf', 'docx']) format?:
    'pdf' | 'docx';
}
