import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The register of an issuer's documents (sổ đăng ký văn bản): numbers run from 1 each year, per issuer, and the
 * primary key makes each one unique, whether the register allocated it or an issued document brought it.
 */
@Entity({ name: 'document_register' })
@Index('document_register_subject', ['subjectType', 'subjectId'])
export class DocumentRegisterEntity {
  @PrimaryColumn({ name: 'issuer_id', type: 'uuid' })
  issuerId!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'int' })
  seq!: number;

  /** The part after the number: `BB-CTĐ` in `12/BB-CTĐ`. */
  @Column({ type: 'varchar', length: 40 })
  symbol!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 100 })
  subjectId!: string;

  @Column({ name: 'document_date', type: 'date' })
  documentDate!: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
