import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';

export type MeetingKind = 'clusterConference' | 'councilSession';

export interface MeetingPerson {
  name: string;
  function: string;
}

/** Someone present or absent: a member organisation (a cluster's conference) or a person (a council session). */
export interface Attendee {
  organizationId?: string;
  name: string;
}

/**
 * A meeting that decides on paper: a cluster's conference (hội nghị) or a session of the Council. What it decides
 * (a vote, the Council's outcome) takes its date and place; the minutes name its chair, secretary and attendance.
 */
@Entity({ name: 'meetings' })
@Index('meetings_organization_year', ['organizationId', 'year', 'heldOn'])
export class MeetingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: MeetingKind;

  /** The cluster (or block) holding the conference, or the Council. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  /** The emulation year it concerns (a conference in March 2024 reviews 2023). */
  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'held_on', type: 'date' })
  heldOn!: string;

  @Column({ name: 'starts_at', type: 'varchar', length: 5, nullable: true })
  startsAt!: string | null;

  /** The locality printed before the date: `Thái Bình, ngày 13 tháng 3 năm 2024`. */
  @Column({ type: 'varchar', length: 200 })
  place!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue!: string | null;

  @Column({ type: 'jsonb' })
  chair!: MeetingPerson;

  @Column({ type: 'jsonb' })
  secretary!: MeetingPerson;

  @Column({ type: 'jsonb' })
  present!: Attendee[];

  @Column({ type: 'jsonb' })
  absent!: Attendee[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
