import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DOCUMENT_KIND_CODES } from '../awards/document-kinds';

export class NomineeDto {
  @ApiProperty({ enum: ['collective', 'individual'] })
  @IsIn(['collective', 'individual'])
  kind!: 'collective' | 'individual';

  @ApiProperty({ description: 'The nominated collective, or the individual’s organisation' })
  @IsUUID()
  organizationId!: string;

  @ApiPropertyOptional({ description: 'Individuals: full name' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  fullName?: string;

  @ApiPropertyOptional({ enum: ['female', 'male'], description: 'Individuals (used by the tie-break)' })
  @IsOptional()
  @IsIn(['female', 'male'])
  gender?: 'female' | 'male';

  @ApiPropertyOptional({ description: 'Individuals: position' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  position?: string;

  @ApiPropertyOptional({
    description:
      'Individuals: the person of the register (found again by name in the organisation when left out)',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'Individuals: date of birth (YYYY-MM-DD), to tell namesakes apart' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date (YYYY-MM-DD)' })
  birthDate?: string;

  @ApiPropertyOptional({ description: 'Individuals: place of origin (quê quán)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  hometown?: string;

  @ApiPropertyOptional({ description: 'Individuals: ethnicity (dân tộc), e.g. Kinh, Tày' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  ethnicity?: string;

  @ApiPropertyOptional({ description: 'Individuals: years in service (số năm công tác)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(70)
  serviceYears?: number;

  @ApiPropertyOptional({ description: 'Collectives: share of women (0–1), used by the tie-break' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  femaleShare?: number;
}

export class CreateNominationDto {
  @ApiProperty({ example: 'GOVERNMENT_FLAG' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'awardType must be an award code such as GOVERNMENT_FLAG' })
  awardType!: string;

  @ApiProperty({ example: 2023 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ description: 'Required for awards proposed by an emulation cluster' })
  @IsOptional()
  @IsUUID()
  clusterId?: string;

  @ApiProperty({ type: NomineeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee!: NomineeDto;

  @ApiProperty({ description: 'Summary of the achievements' })
  @IsString()
  @Length(1, 10_000)
  summary!: string;
}

export class UpdateNominationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  summary?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  fullName?: string;

  @ApiPropertyOptional({ enum: ['female', 'male'] })
  @IsOptional()
  @IsIn(['female', 'male'])
  gender?: 'female' | 'male';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  position?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  femaleShare?: number;
}

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class ListNominationsQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() clusterId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z][A-Z0-9_]{1,39}$/) awardType?: string;
  @ApiPropertyOptional({ description: 'One state, or several separated by commas' })
  @IsOptional()
  @Matches(/^[a-zA-Z]{1,40}(,[a-zA-Z]{1,40}){0,20}$/, {
    message: 'state must be state names separated by commas',
  })
  state?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() nominatingOrganizationId?: string;
  @ApiPropertyOptional({ description: 'Search in nominee, summary (diacritics ignored)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class SendEventDto {
  @ApiProperty({ example: 'SUBMIT' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'type must be an event name such as SUBMIT' })
  type!: string;

  @ApiPropertyOptional({
    description:
      'Event data: reason (RETURN, WITHDRAW, REQUEST_SUPPLEMENT, …), dueDate, outcome/decisionNumber/decisionDate',
    oneOf: [{ $ref: getSchemaPath('ReasonPayload') }, { $ref: getSchemaPath('DecisionPayload') }],
  })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

export class ReasonPayload {
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

export class SupplementRequestPayload extends ReasonPayload {
  @ApiPropertyOptional({
    description: 'When the supplement is due (ISO date or date-time); default: the policy',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    message: 'dueDate must be an ISO date',
  })
  dueDate?: string;
}

export class ConsultationPayload {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) reason?: string;
  @ApiPropertyOptional({ type: [String], description: 'Bodies consulted (hiệp y)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  bodies?: string[];
}

export class DecisionPayload {
  @ApiProperty({ enum: ['awarded', 'rejected'] }) @IsIn(['awarded', 'rejected']) outcome!:
    'awarded' | 'rejected';
  @ApiProperty({ example: '1234/QĐ-TTg' }) @IsString() @Length(1, 64) decisionNumber!: string;
  @ApiProperty({ example: '2024-10-14' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionDate must be a date (YYYY-MM-DD)' })
  decisionDate!: string;
}

export class AppraisalPassedPayload {
  @ApiPropertyOptional({
    description:
      "Why the Board accepts a nomination that does not meet a warning-level criterion of the award's standard",
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  acceptanceReason?: string;
}

export class PmProposalPayload {
  @ApiPropertyOptional({
    example: '123/TTr-CP',
    description: "Number of the Prime Minister's proposal (tờ trình)",
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  proposalNumber?: string;
}

export class EmptyPayload {}

/** The payload class of each event people may send; the rest carry nothing. */
export const EVENT_PAYLOADS: Record<string, new () => object> = {
  RETURN: ReasonPayload,
  WITHDRAW: ReasonPayload,
  APPRAISAL_REJECTED: ReasonPayload,
  COUNCIL_REJECTED: ReasonPayload,
  REQUEST_SUPPLEMENT: SupplementRequestPayload,
  REQUEST_CONSULTATION: ConsultationPayload,
  PM_DECIDED: DecisionPayload,
  CHAIRMAN_DECIDED: DecisionPayload,
  PRESIDENT_DECIDED: DecisionPayload,
  APPRAISAL_PASSED: AppraisalPassedPayload,
  PM_PROPOSED: PmProposalPayload,
};

export class UploadDocumentFields {
  @ApiProperty({ enum: DOCUMENT_KIND_CODES })
  @IsIn(DOCUMENT_KIND_CODES)
  kind!: string;
}
