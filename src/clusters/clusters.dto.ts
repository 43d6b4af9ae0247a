import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsISO8601,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsUUID,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class CriterionDto {
  @ApiProperty({ example: 'GROWTH' }) @Matches(/^[A-Za-z0-9_-]{1,40}$/) code!: string;
  @ApiProperty({ example: 'Tăng trưởng kinh tế' }) @IsString() @Length(1, 300) name!: string;
  @ApiProperty({ example: 20 }) @IsNumber() @Min(0) @Max(1000) weight!: number;
  @ApiProperty({ example: 100 }) @IsNumber() @Min(1) @Max(10000) maxScore!: number;
}

export class CreateAgreementDto {
  @ApiProperty({ example: 'Giao ước thi đua năm 2024' }) @IsString() @Length(1, 300) title!: string;

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];
}

export class ScoresDto {
  @ApiProperty({ example: { GROWTH: 18, INCOME: 9 }, description: 'A score for every criterion code' })
  @IsObject()
  scores!: Record<string, number>;
}

export class ReturnEvaluationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}

export class SetLeadershipDto {
  @ApiProperty({ description: 'The leading unit (cụm trưởng); a member of the year' })
  @IsUUID()
  leaderId!: string;

  @ApiProperty({ type: [String], description: 'The deputies (cụm phó); members of the year' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  deputyIds!: string[];

  @ApiPropertyOptional({
    description: 'Why (required when the administrator changes a leadership already installed)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class ConfirmEvaluationDto {
  @ApiProperty({
    format: 'date-time',
    description:
      'The submittedAt of the results you read: results submitted again since are not confirmed (412)',
  })
  @IsISO8601({ strict: true })
  submittedAt!: string;
}
