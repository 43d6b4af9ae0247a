import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { AwardTypeEntity } from '../awards/award-type.entity';
import { AwardPolicyEntity } from '../awards/award-policy.entity';
import type { AwardRoute } from '../awards/award-type.entity';

/**
 * A nomination: who proposes whom for which award in which year. Its lifecycle is the workflow instance with
 * the same id; `state`, `overdue`, `due_at` and the dates are a projection of it, kept in the same transaction.
 */
@Entity({ name: 'nominations' })
@Index('nominations_list', ['createdAt', 'id'])
@Index('nominations_year_award_state', ['year', 'awardType', 'state'])
@Index('nominations_cluster_year', ['clusterId', 'year'])
@Index('nominations_nominating_org', ['nominatingOrgId', 'createdAt'])
@Index('nominations_org_year_list', ['nominatingOrgId', 'year', 'createdAt', 'id'])
@Index('nominations_year_list', ['year', 'createdAt', 'id'])
@Index('nominations_award_year_list', ['awardType', 'year', 'createdAt', 'id'])
@Index('nominations_one_active', ['awardType', 'year', 'nomineeKey'], {
  unique: true,
  where: `state <> 'withdrawn'`,
})
export class NominationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The number people use for the dossier: per year and award, `2023-CTCP-0001`. */
  @Index('nominations_dossier_number', { unique: true })
  @Column({ name: 'dossier_number', type: 'varchar', length: 40 })
  dossierNumber!: string;

  @Column({ name: 'award_type', type: 'varchar', length: 40 })
  awardType!: string;

  @ManyToOne(() => AwardTypeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_type' })
  type?: AwardTypeEntity;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 16 })
  route!: AwardRoute;

  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: OrganizationEntity;

  @Column({ name: 'nominating_org_id', type: 'uuid' })
  nominatingOrgId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'nominating_org_id' })
  nominatingOrg?: OrganizationEntity;

  @Column({ name: 'nominee_kind', type: 'varchar', length: 12 })
  nomineeKind!: 'collective' | 'individual';

  @Column({ name: 'nominee_org_id', type: 'uuid' })
  nomineeOrgId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'nominee_org_id' })
  nomineeOrg?: OrganizationEntity;

  @Column({ name: 'nominee_name', type: 'varchar', length: 200 })
  nomineeName!: string;

  @Column({ name: 'nominee_gender', type: 'varchar', length: 8, nullable: true })
  nomineeGender!: 'female' | 'male' | null;

  @Column({ name: 'nominee_position', type: 'varchar', length: 200, nullable: true })
  nomineePosition!: string | null;

  @Column({ name: 'nominee_birth_date', type: 'date', nullable: true })
  nomineeBirthDate!: string | null;

  /** Place of origin (quê quán). */
  @Column({ name: 'nominee_hometown', type: 'varchar', length: 200, nullable: true })
  nomineeHometown!: string | null;

  /** Ethnicity (dân tộc). */
  @Column({ name: 'nominee_ethnicity', type: 'varchar', length: 60, nullable: true })
  nomineeEthnicity!: string | null;

  @Column({ name: 'nominee_service_years', type: 'smallint', nullable: true })
  nomineeServiceYears!: number | null;

  /** Share of women in a nominated collective, for the tie-break of Decree 152/2025 art. 4. */
  @Column({ name: 'nominee_female_share', type: 'numeric', precision: 4, scale: 3, nullable: true })
  nomineeFemaleShare!: string | null;

  /** Identifies the nominee for the rule "one active nomination per nominee, award and year". */
  @Column({ name: 'nominee_key', type: 'varchar', length: 300 })
  nomineeKey!: string;

  /** The person of the register an individual nomination names (null for collectives and older nominations). */
  @Column({ name: 'nominee_person_id', type: 'uuid', nullable: true })
  nomineePersonId!: string | null;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  @ManyToOne(() => AwardPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_id' })
  policy?: AwardPolicyEntity;

  @Column({ type: 'varchar', length: 40 })
  state!: string;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** Lower-case text without diacritics (nominee, summary, decision number) for search. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'forwarded_at', type: 'timestamptz', nullable: true })
  forwardedAt!: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Where a rejected nomination was rejected: appraisal, council, primeMinister or chairman. */
  @Column({ name: 'rejected_stage', type: 'varchar', length: 20, nullable: true })
  rejectedStage!: string | null;
}
