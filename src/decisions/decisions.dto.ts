import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

export const DECISION_OUTCOMES = ['awarded', 'rejected', 'approved', 'accepted'] as const;

export class DecisionSignerDto {
  @ApiProperty({ example: 'Phạm Minh Chính' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'Thủ tướng' }) @IsString() @Length(1, 200) function!: string;
}

export class DecisionItemDto {
  @ApiProperty() @IsUUID() nominationId!: string;

  @ApiPropertyOptional({
    enum: DECISION_OUTCOMES,
    description: "This nomination's outcome (else the decision's)",
  })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES)
  outcome?: (typeof DECISION_OUTCOMES)[number];

  @ApiPropertyOptional({ description: 'Why (required for a rejection by the Council)' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class CreateDecisionDto {
  @ApiProperty({
    enum: ['primeMinister', 'council', 'clusterAcceptance'],
    description:
      "primeMinister: the Government Office records the Prime Minister's decision; council: the Council's secretary records a session's outcome; clusterAcceptance: a cluster leader accepts several dossiers",
  })
  @IsIn(['primeMinister', 'council', 'clusterAcceptance'])
  kind!: 'primeMinister' | 'council' | 'clusterAcceptance';

  @ApiPropertyOptional({
    example: '1624/QĐ-TTg',
    description: "The decision's number; left out, the next number of the issuer's register",
  })
  @IsOptional()
  @IsString()
  @Length(3, 64)
  number?: string;

  @ApiPropertyOptional({ example: '2024-10-14', description: 'The date it was signed (not in the future)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date (YYYY-MM-DD)' })
  date?: string;

  @ApiPropertyOptional({ description: 'The Council session (POST /meetings) whose outcome this is' })
  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @ApiPropertyOptional({ type: DecisionSignerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DecisionSignerDto)
  signer?: DecisionSignerDto;

  @ApiPropertyOptional({
    enum: DECISION_OUTCOMES,
    description: 'The outcome of every nomination not given its own',
  })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES)
  outcome?: (typeof DECISION_OUTCOMES)[number];

  @ApiProperty({ type: [DecisionItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DecisionItemDto)
  items!: DecisionItemDto[];
}
