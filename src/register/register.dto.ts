import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class ListEntriesQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(1945) @Max(2200) year?: number;
}

export class RevokeEntryDto {
  @ApiProperty({ description: 'Why the decision is cancelled (e.g. achievements declared by deception)' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiPropertyOptional({ description: 'Number of the decision that cancels it' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  decisionNumber?: string;
}

export class ListPersonsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
}

export class MergePersonDto {
  @ApiProperty({ description: 'The person this duplicate is merged into' }) @IsUUID() intoId!: string;
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

export class EligibleQuery {
  @ApiProperty() @Transform(toInt) @IsInt() @Min(1945) @Max(2200) year!: number;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z0-9_]{2,40}$/) award?: string;
}
