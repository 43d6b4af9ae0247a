import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DecisionKind = 'primeMinister' | 'council' | 'clusterAcceptance';

/**
 * A decision taken on paper for many nominations at once: the Prime Minister's decision (numbered, dated, signed),
 * the Council's outcome at one of its sessions, a cluster leader's acceptance of several dossiers. Its nominations
 * moved together in the transaction that recorded it.
 */
@Entity({ name: 'decisions' })
export class DecisionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: DecisionKind;

  @Column({ name: 'issuer_id', type: 'uuid' })
  issuerId!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  number!: string | null;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId!: string | null;

  @Column({ name: 'signer_name', type: 'varchar', length: 200, nullable: true })
  signerName!: string | null;

  @Column({ name: 'signer_function', type: 'varchar', length: 200, nullable: true })
  signerFunction!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'decision_items' })
@Index('decision_items_nomination', ['nominationId'])
export class DecisionItemEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId!: string;

  @PrimaryColumn({ name: 'nomination_id', type: 'uuid' })
  nominationId!: string;

  /** awarded, rejected (Prime Minister); approved, rejected (Council); accepted (cluster). */
  @Column({ type: 'varchar', length: 16 })
  outcome!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason!: string | null;
}
