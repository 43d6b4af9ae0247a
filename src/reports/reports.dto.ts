import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class SummaryQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() clusterId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z_]{2,40}$/) awardType?: string;
  /** A unit's nominations, with those of the units it succeeded through mergers. */
  @ApiPropertyOptional() @IsOptional() @IsUUID() nominatingOrganizationId?: string;
}

export class StageDurationsQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z_]{2,40}$/) awardType?: string;
}

export class FormatDto {
  @ApiProperty({ enum: ['pdf', 'docx'] }) @IsIn(['pdf', 'docx']) format!: 'pdf' | 'docx';
}

export class PmListDto extends FormatDto {
  @ApiProperty({ example: 2023 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: 'GOVERNMENT_FLAG' }) @Matches(/^[A-Z_]{2,40}$/) awardType!: string;
}
