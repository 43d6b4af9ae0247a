import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An official document the system produced (the cluster's proposal, the vote minutes, the Board's list for the
 * Prime Minister), stored once with its hash. The dossiers and histories it belongs to link to it by id and hash.
 */
@Entity({ name: 'generated_documents' })
@Index('generated_documents_subject', ['subjectType', 'subjectId', 'createdAt'])
export class GeneratedDocumentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: 'clusterProposal' | 'voteMinutes' | 'boardSubmission';

  @Column({ type: 'varchar', length: 8 })
  format!: 'pdf' | 'docx';

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: string;

  /** The session, cluster year or award year the document is about (a stable key). */
  @Column({ name: 'subject_id', type: 'varchar', length: 100 })
  subjectId!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ name: 'storage_key', type: 'varchar', length: 64 })
  storageKey!: string;

  /** Who may read it: the organisations concerned (empty for central bodies only). */
  @Column({ name: 'organization_ids', type: 'uuid', array: true })
  organizationIds!: string[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
