import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AwardTypeEntity } from './award-type.entity';
import type { PolicyRules } from './policy-rules';

/** One version of an award's rules, in force from a date, with where its numbers come from. */
@Entity({ name: 'award_policies' })
@Index('award_policies_type_version', ['awardType', 'version'], { unique: true })
@Index('award_policies_type_effective', ['awardType', 'effectiveFrom'], { unique: true })
export class AwardPolicyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'award_type', type: 'varchar', length: 40 })
  awardType!: string;

  @ManyToOne(() => AwardTypeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_type' })
  type?: AwardTypeEntity;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  /** The source note (căn cứ), in Vietnamese. */
  @Column({ type: 'text' })
  source!: string;

  /** The source note in English, for the English pages; null when none was given. */
  @Column({ name: 'source_en', type: 'text', nullable: true })
  sourceEn!: string | null;

  @Column({ type: 'jsonb' })
  rules!: PolicyRules;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
