import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NominationEntity } from '../nominations/nomination.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import type { TieBreak, VoteRules } from '../awards/policy-rules';

export interface SessionItem {
  awardType: string;
  policyId: string;
  /** The places this session may fill: the cluster's quota for the year less the places already taken. */
  quota: number;
  /** The cluster's quota for the award and year, and the places other sessions had taken at creation. */
  yearQuota?: number;
  takenEarlier?: number;
  rules: VoteRules;
  tieBreak: TieBreak[];
}

/** A cluster's voting session; its lifecycle is the `votingSession` workflow instance with the same id. */
@Entity({ name: 'voting_sessions' })
@Index('voting_sessions_cluster_year', ['clusterId', 'year'])
export class VotingSessionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cluster_id' })
  cluster?: OrganizationEntity;

  @Column({ type: 'int' })
  year!: number;

  /** The conference that holds the vote (absent for sessions recorded before meetings were). */
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId!: string | null;

  @Column({ type: 'jsonb' })
  items!: SessionItem[];

  /** The member organisations of the cluster that year, fixed when the session was created. */
  @Column({ name: 'eligible_org_ids', type: 'uuid', array: true })
  eligibleOrgIds!: string[];

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'voting_candidates' })
@Index('voting_candidates_nomination', ['nominationId'])
export class VotingCandidateEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => VotingSessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: VotingSessionEntity;

  @PrimaryColumn({ name: 'nomination_id', type: 'uuid' })
  nominationId!: string;

  @ManyToOne(() => NominationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'nomination_id' })
  nomination?: NominationEntity;

  @Column({ name: 'award_type', type: 'varchar', length: 40 })
  awardType!: string;
}

/**
 * Who voted in a round: public to the session. No time and no user are kept, so nothing orders or names a
 * voter beyond the organisation.
 */
@Entity({ name: 'voting_turnout' })
export class VotingTurnoutEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => VotingSessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: VotingSessionEntity;

  @PrimaryColumn({ type: 'int' })
  round!: number;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
}

/**
 * A ballot cast in a round that is still open, sealed with a key that never enters the database (see
 * `ballot-seal.ts`): a random id, the round, and the ciphertext, padded to one size per round. Deleted when the
 * round is tallied.
 */
@Entity({ name: 'voting_sealed_ballots' })
@Index('voting_sealed_ballots_session_round', ['sessionId', 'round'])
export class VotingSealedBallotEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => VotingSessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: VotingSessionEntity;

  @Column({ type: 'int' })
  round!: number;

  @Column({ type: 'bytea' })
  sealed!: Buffer;
}

/**
 * An opened ballot of a tallied round, with nothing that links it to its voter: a random id, no time, no sequence,
 * no user or organisation. A round's ballots are written at its tally in one statement, ordered by their content.
 */
@Entity({ name: 'voting_ballots' })
@Index('voting_ballots_session_round', ['sessionId', 'round'])
export class VotingBallotEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => VotingSessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: VotingSessionEntity;

  @Column({ type: 'int' })
  round!: number;

  @Column({ type: 'jsonb' })
  choices!: Record<string, string[]>;
}

/** The receipt codes of a round, published at its tally (in one statement, sorted) so each voter can find theirs. */
@Entity({ name: 'voting_receipts' })
export class VotingReceiptEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => VotingSessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: VotingSessionEntity;

  @PrimaryColumn({ type: 'int' })
  round!: number;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  code!: string;
}
