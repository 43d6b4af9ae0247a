import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
} from 'class-validator';
import { ORGANIZATION_KINDS, type OrganizationKind } from './organization.entity';

export class ListOrganizationsQuery {
  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ description: 'Include organisations that have ended (merged)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeEnded?: boolean;
}

export class CreateOrganizationDto {
  @ApiProperty({ example: 'PROVINCE-HN' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, { message: 'code must be 2–40 upper-case letters, digits, - or _' })
  code!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS)
  kind!: OrganizationKind;

  @ApiProperty({ example: 'Hà Nội' })
  @IsString()
  @Length(1, 200)
  nameVi!: string;

  @ApiProperty({ example: 'Hanoi' })
  @IsString()
  @Length(1, 200)
  nameEn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  provinceCode?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ example: '2025-07-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  validFrom?: string;
}

export class MergeOrganizationDto {
  @ApiProperty({ description: 'The organisation that continues its work' })
  @IsUUID()
  successorId!: string;

  @ApiProperty({
    example: '2025-07-01',
    description: 'First day of the successor; the organisation ends the day before',
  })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveDate must be a date (YYYY-MM-DD)' })
  effectiveDate!: string;
}

export class SetMembersDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  organizationIds!: string[];
}
