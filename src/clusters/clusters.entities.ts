import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';

export interface Criterion {
  code: string;
  name: string;
  weight: number;
  maxScore: number;
}

/** A cluster's emulation agreement for a year (giao ước thi đua); its signing is the `agreement` workflow. */
@Entity({ name: 'cluster_agreements' })
@Index('cluster_agreements_one_per_year', ['clusterId', 'year'], {
  unique: true,
  where: `state <> 'cancelled'`,
})
export class ClusterAgreementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: OrganizationEntity;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'jsonb' })
  criteria!: Criterion[];

  @Column({ type: 'varchar', length: 16 })
  state!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'agreement_signatures' })
export class AgreementSignatureEntity {
  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @ManyToOne(() => ClusterAgreementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: ClusterAgreementEntity;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ name: 'signed_by', type: 'uuid' })
  signedBy!: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt!: Date;
}

/** A member's year-end self-assessment against the agreement's criteria, confirmed or returned by the leader. */
@Entity({ name: 'cluster_evaluations' })
export class ClusterEvaluationEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'uuid' })
  clusterId!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'jsonb' })
  scores!: Record<string, number>;

  @Column({ type: 'varchar', length: 12 })
  status!: 'submitted' | 'confirmed' | 'returned';

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;
}
