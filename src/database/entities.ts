import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { AuthSessionEntity } from '../auth/auth-session.entity';
import { LoginAttemptEntity } from '../auth/login-attempt.entity';
import { PasswordResetEntity } from '../auth/password-reset.entity';
import { UserEntity } from '../auth/user.entity';
import { AwardPolicyEntity } from '../awards/award-policy.entity';
import { AwardTypeEntity } from '../awards/award-type.entity';
import { CalendarDayEntity, CalendarYearEntity } from '../calendar/holiday.entity';
import {
  AgreementSignatureEntity,
  ClusterAgreementEntity,
  ClusterEvaluationEntity,
} from '../clusters/clusters.entities';
import { IdempotencyKeyEntity } from '../engine/idempotency-key.entity';
import { WorkflowHistoryEntity } from '../engine/workflow-history.entity';
import { WorkflowInstanceEntity } from '../engine/workflow-instance.entity';
import { WorkflowOutboxEntity } from '../engine/workflow-outbox.entity';
import { WorkflowTimerEntity } from '../engine/workflow-timer.entity';
import { NominationDocumentEntity } from '../nominations/nomination-document.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { NotificationDeliveryEntity, WebhookEntity } from '../notifications/delivery.entities';
import { NotificationEntity } from '../notifications/notification.entity';
import { ClusterMembershipEntity } from '../organizations/cluster-membership.entity';
import { GeneratedDocumentEntity } from '../documents/generated-document.entity';
import {
  VotingBallotEntity,
  VotingCandidateEntity,
  VotingReceiptEntity,
  VotingSealedBallotEntity,
  VotingSessionEntity,
  VotingTurnoutEntity,
} from '../voting/voting.entities';
import { OrganizationEntity } from '../organizations/organization.entity';
import { PersonEntity } from '../register/person.entity';
import { RegisterEntryEntity, RegisterTitleEntity } from '../register/register-entry.entity';
import { DocumentRegisterEntity } from '../documents/document-register.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { DecisionEntity, DecisionItemEntity } from '../decisions/decision.entity';

/** Every entity: the DataSource of the app and of the migration CLI use the same list. */
export const ENTITIES = [
  WorkflowInstanceEntity,
  WorkflowHistoryEntity,
  WorkflowOutboxEntity,
  WorkflowTimerEntity,
  IdempotencyKeyEntity,
  CalendarDayEntity,
  CalendarYearEntity,
  OrganizationEntity,
  ClusterMembershipEntity,
  UserEntity,
  LoginAttemptEntity,
  AuthSessionEntity,
  PasswordResetEntity,
  AwardTypeEntity,
  AwardPolicyEntity,
  NominationEntity,
  NominationDocumentEntity,
  PersonEntity,
  RegisterEntryEntity,
  RegisterTitleEntity,
  NotificationEntity,
  VotingSessionEntity,
  VotingCandidateEntity,
  VotingTurnoutEntity,
  VotingBallotEntity,
  VotingSealedBallotEntity,
  VotingReceiptEntity,
  ClusterAgreementEntity,
  AgreementSignatureEntity,
  ClusterEvaluationEntity,
  WebhookEntity,
  NotificationDeliveryEntity,
  GeneratedDocumentEntity,
  AuditEntryEntity,
  DocumentRegisterEntity,
  MeetingEntity,
  DecisionEntity,
  DecisionItemEntity,
];
