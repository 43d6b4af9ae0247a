import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  type ValidationArguments,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { NominationPolicy } from '../../workflows/nomination.machine';
import { ALLOWED_TYPES, type AllowedType } from '../files/content-type';
import { DOCUMENT_KIND_CODES, type DocumentKind } from './document-kinds';
import { standardProblems, type Standard } from '../register/standards/rule-language';

/** A standard is a small rule language (src/register/standards/rule-language.ts), checked by its own validator. */
@ValidatorConstraint({ name: 'standard' })
class StandardConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return value === undefined || value === null || standardProblems(value).length === 0;
  }
  defaultMessage(args: ValidationArguments): string {
    return standardProblems(args.value).slice(0, 10).join('; ');
  }
}

export const TIE_BREAKS = ['female', 'femaleCollective70', 'runoff'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export class DossierRequirement {
  @ApiProperty({ enum: DOCUMENT_KIND_CODES })
  @IsIn(DOCUMENT_KIND_CODES)
  kind!: DocumentKind;

  @ApiProperty({ description: 'Number of paper copies the regulation asks for' })
  @IsInt()
  @Min(1)
  @Max(20)
  copies!: number;

  @ApiProperty({
    enum: ['submission', 'forwarding'],
    description: 'Needed when the unit submits, or before the cluster forwards',
  })
  @IsIn(['submission', 'forwarding'])
  stage!: 'submission' | 'forwarding';
}

export class VoteRules {
  @ApiProperty({
    description: 'Share of the base a candidate needs (0.5 with strictlyMore = more than half)',
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  approvalShare!: number;

  @ApiProperty({
    enum: ['eligible', 'valid'],
    description: 'Share of the eligible voters, or of the valid ballots',
  })
  @IsIn(['eligible', 'valid'])
  approvalBase!: 'eligible' | 'valid';

  @ApiProperty()
  @IsBoolean()
  strictlyMore!: boolean;

  @ApiProperty({ description: 'Share of the eligible organisations that must vote' })
  @IsNumber()
  @Min(0)
  @Max(1)
  quorumShare!: number;

  @ApiProperty({ description: 'Whether a member may vote for its own candidate' })
  @IsBoolean()
  selfVote!: boolean;
}

export class QuotaRules {
  @ApiProperty({ nullable: true, description: 'How many one cluster may propose; null: no limit' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  perCluster!: number | null;

  @ApiProperty({
    nullable: true,
    description: 'How many one nominating unit may propose (routes without a cluster)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  perNominatingUnit!: number | null;

  @ApiProperty({
    nullable: true,
    description: 'Cap as a share of the eligible collectives (Decree 91/2017: 0.2)',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  shareOfEligible!: number | null;
}

export class DeadlineRules {
  @ApiProperty() @IsInt() @Min(1) @Max(365) appraisalWorkingDays!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(365) consultationWorkingDays!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(365) consultedAnswerWorkingDays!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(365) responseWorkingDays!: number;
  @ApiProperty({ description: 'Share of a limit after which a reminder is sent' })
  @IsNumber()
  @Min(0.05)
  @Max(0.95)
  reminderShare!: number;
  @ApiProperty({
    description: 'A return left unanswered past its limit lapses to withdrawn (else it stays overdue)',
  })
  @IsBoolean()
  lapseOnExpiry!: boolean;
}

export const FILE_TYPES = Object.keys(ALLOWED_TYPES) as AllowedType[];

export class PolicyRules {
  @ApiProperty({ type: [DossierRequirement] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DossierRequirement)
  dossier!: DossierRequirement[];

  @ApiProperty({ type: VoteRules, nullable: true, description: 'null for routes without a vote' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VoteRules)
  vote!: VoteRules | null;

  @ApiProperty({ type: QuotaRules })
  @IsObject()
  @ValidateNested()
  @Type(() => QuotaRules)
  quota!: QuotaRules;

  @ApiProperty({
    enum: TIE_BREAKS,
    isArray: true,
    description: 'Order in which ties at the quota are broken',
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(TIE_BREAKS, { each: true })
  tieBreak!: TieBreak[];

  @ApiProperty({ type: DeadlineRules })
  @IsObject()
  @ValidateNested()
  @Type(() => DeadlineRules)
  deadlines!: DeadlineRules;

  @ApiProperty({ description: 'Working days of public comment before the council meets (0: none)' })
  @IsInt()
  @Min(0)
  @Max(60)
  publicityWorkingDays!: number;

  @ApiProperty({ nullable: true, description: 'Prize money as a multiple of the base salary' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  prizeMultiple!: number | null;

  @ApiProperty({
    required: false,
    enum: FILE_TYPES,
    isArray: true,
    description: 'The kinds of file the dossier accepts (checked by content); left out: every kind',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMinSize(1)
  @ArrayMaxSize(FILE_TYPES.length)
  @IsIn(FILE_TYPES, { each: true })
  fileTypes?: AllowedType[];

  @ApiProperty({ description: 'Whether this award may be cited as grounds for a higher one' })
  @IsBoolean()
  groundsForHigherAwards!: boolean;

  @ApiProperty({
    required: false,
    nullable: true,
    description:
      "The award's standard (tiêu chuẩn) per nominee kind: criteria in the rule language over the register, each blocking or warning",
  })
  @IsOptional()
  @Validate(StandardConstraint)
  standard?: Standard | null;
}

export class CreatePolicyDto {
  @ApiProperty({ example: '2026-01-01' })
  @IsString()
  @Length(10, 10)
  effectiveFrom!: string;

  @ApiProperty({
    example: 'Nghị định 152/2025/NĐ-CP, Điều 4',
    description: 'The source note (căn cứ), in Vietnamese',
  })
  @IsString()
  @Length(3, 1000)
  source!: string;

  @ApiProperty({
    required: false,
    example: 'Decree 152/2025/NĐ-CP art. 4',
    description: 'The source note in English',
  })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  sourceEn?: string;

  @ApiProperty({ type: PolicyRules })
  @IsObject()
  @ValidateNested()
  @Type(() => PolicyRules)
  rules!: PolicyRules;
}

/** What the nomination machine carries of a policy. */
export function nominationPolicy(rules: PolicyRules): NominationPolicy {
  return {
    requiredDocuments: rules.dossier.filter((d) => d.stage === 'submission').map((d) => d.kind),
    appraisalWorkingDays: rules.deadlines.appraisalWorkingDays,
    consultationWorkingDays: rules.deadlines.consultationWorkingDays,
    responseWorkingDays: rules.deadlines.responseWorkingDays,
    reminderShare: rules.deadlines.reminderShare,
    lapseOnExpiry: rules.deadlines.lapseOnExpiry,
  };
}
