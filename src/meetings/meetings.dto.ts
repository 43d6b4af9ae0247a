import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class MeetingPersonDto {
  @ApiProperty({ example: 'Lại Văn Hoàn' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'Chủ tịch UBND tỉnh Thái Bình, Cụm trưởng' })
  @IsString()
  @Length(1, 200)
  function!: string;
}

export class CreateMeetingDto {
  @ApiProperty({ enum: ['clusterConference', 'councilSession'] })
  @IsIn(['clusterConference', 'councilSession'])
  kind!: 'clusterConference' | 'councilSession';

  @ApiProperty({ description: 'The cluster holding the conference, or the Council' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ example: 2023, description: 'The emulation year the meeting concerns' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({
    example: '2024-03-13',
    description: 'The day it was held (not in the future, Vietnam time)',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  heldOn!: string;

  @ApiPropertyOptional({ example: '08:30' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  startsAt?: string;

  @ApiProperty({ example: 'Thái Bình', description: 'The locality printed before the date' })
  @IsString()
  @Length(1, 100)
  place!: string;

  @ApiPropertyOptional({ example: 'Hội trường Ủy ban nhân dân tỉnh Thái Bình' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  venue?: string;

  @ApiProperty({ type: MeetingPersonDto })
  @ValidateNested()
  @Type(() => MeetingPersonDto)
  chair!: MeetingPersonDto;

  @ApiProperty({ type: MeetingPersonDto })
  @ValidateNested()
  @Type(() => MeetingPersonDto)
  secretary!: MeetingPersonDto;

  @ApiPropertyOptional({
    type: [String],
    description: "A conference: the member organisations present (the cluster's other members are absent)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  presentOrganizationIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'A Council session: the members present, by name' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  presentMembers?: string[];

  @ApiPropertyOptional({ type: [String], description: 'A Council session: the members absent, by name' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  absentMembers?: string[];
}

export class ListMeetingsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
