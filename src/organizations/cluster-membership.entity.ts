import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

export type ClusterRole = 'member' | 'leader' | 'deputy';

/** Membership of an emulation cluster or block for one year; the leader and deputies are members too. */
@Entity({ name: 'cluster_memberships' })
@Index('cluster_memberships_org_year', ['organizationId', 'year'])
export class ClusterMembershipEntity {
  @PrimaryColumn({ name: 'cluster_id', type: 'uuid' })
  clusterId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: OrganizationEntity;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'varchar', length: 8, default: 'member' })
  role!: ClusterRole;
}
