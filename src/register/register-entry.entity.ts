import { Column, Entity, PrimaryColumn } from 'typeorm';

export type EntryCategory = 'award' | 'rating' | 'initiative';

/**
 * A title, award, yearly rating or recognised initiative that a person or a unit holds: produced by thidua when a
 * nomination is decided (`source = thidua`) or imported for the years before it. Revoked entries are kept and
 * no longer count.
 */
@Entity({ name: 'register_entries' })
export class RegisterEntryEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'subject_kind', type: 'varchar', length: 12 }) subjectKind!: 'individual' | 'collective';
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId!: string | null;
  /** The collective; for a person, their organisation when the entry was decided. */
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'varchar', length: 12 }) category!: EntryCategory;
  @Column({ type: 'varchar', length: 40 }) code!: string;
  /** The year of achievement the entry rewards. */
  @Column({ type: 'int' }) year!: number;
  @Column({ name: 'deciding_body', type: 'varchar', length: 200 }) decidingBody!: string;
  @Column({ name: 'decision_number', type: 'varchar', length: 60 }) decisionNumber!: string;
  @Column({ name: 'decision_date', type: 'date' }) decisionDate!: string;
  @Column({ type: 'varchar', length: 12 }) source!: 'thidua' | 'import';
  @Column({ name: 'nomination_id', type: 'uuid', nullable: true }) nominationId!: string | null;
  /** Subject, code, year and decision number: importing the same row twice finds it. */
  @Column({ name: 'natural_key', type: 'varchar', length: 400 }) naturalKey!: string;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'revocation_reason', type: 'text', nullable: true }) revocationReason!: string | null;
  @Column({ name: 'revocation_decision', type: 'varchar', length: 60, nullable: true })
  revocationDecision!: string | null;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A yearly rating or an initiative kind that standards count (ratings are not nominated through thidua). */
@Entity({ name: 'register_titles' })
export class RegisterTitleEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 }) code!: string;
  @Column({ type: 'varchar', length: 12 }) kind!: 'rating' | 'initiative';
  @Column({ name: 'nominee_kinds', type: 'text', array: true }) nomineeKinds!: (
    'individual' | 'collective'
  )[];
  @Column({ name: 'name_vi', type: 'varchar', length: 200 }) nameVi!: string;
  @Column({ name: 'name_en', type: 'varchar', length: 200 }) nameEn!: string;
  @Column({ name: 'sort_order', type: 'int' }) sortOrder!: number;
}
