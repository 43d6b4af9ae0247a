/**
 * What the API promises for each operation: the name a generated client exposes, the answer of each success status
 * (a schema of `schemas.ts`, a file, or nothing) and the error statuses beyond those every operation may answer.
 * `openapi.ts` applies this table to the document Nest builds from the controllers.
 */
export type Success =
  { schema: string; array?: boolean } | { file: string[] } | { events: true } | { empty: true };

export interface OperationContract {
  id: string;
  /** Success status → answer. */
  ok: Record<number, Success>;
  /** Error statuses that this operation answers besides the usual ones (see `openapi.ts`). */
  errors?: number[];
  /** Reached without a token. */
  public?: boolean;
  /** A per-client or per-user request limit applies (429). */
  limited?: boolean;
}

const json = (schema: string): Record<number, Success> => ({ 200: { schema } });
const list = (schema: string): Record<number, Success> => ({ 200: { schema, array: true } });
const created = (schema: string): Record<number, Success> => ({ 201: { schema } });
const noContent: Record<number, Success> = { 204: { empty: true } };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PRECONDITION = [412, 428];

export const OPERATIONS: Record<string, OperationContract> = {
  // ---- sign-in and accounts ------------------------------------------------------------------------------
  'POST /auth/login': {
    id: 'signIn',
    ok: json('Session'),
    errors: [401],
    public: true,
    limited: true,
  },
  'POST /auth/logout': { id: 'signOut', ok: noContent },
  'POST /auth/password-reset': {
    id: 'resetPassword',
    ok: noContent,
    errors: [401],
    public: true,
    limited: true,
  },
  'GET /me': { id: 'getMe', ok: json('Me') },
  'POST /me/password': { id: 'changePassword', ok: json('Session') },
  'GET /me/sessions': { id: 'listMySessions', ok: list('AccountSession') },
  'DELETE /me/sessions/{id}': { id: 'revokeMySession', ok: noContent },
  'POST /me/sessions/revocation': { id: 'revokeMyOtherSessions', ok: json('Revoked') },
  'GET /users': { id: 'listUsers', ok: list('User') },
  'POST /users': { id: 'createUser', ok: created('CreatedUser') },
  'PATCH /users/{id}': { id: 'updateUser', ok: json('User') },
  'POST /users/{id}/sessions/revocation': { id: 'revokeUserSessions', ok: json('Revoked') },
  'POST /users/{id}/password-reset': { id: 'issuePasswordReset', ok: created('PasswordResetLink') },

  // ---- nominations -----------------------------------------------------------------------------------------
  'POST /nominations': {
    id: 'createNomination',
    ok: { 200: { schema: 'Nomination' }, 201: { schema: 'Nomination' } },
  },
  'GET /nominations': { id: 'listNominations', ok: json('NominationPage') },
  'GET /nominations/{id}': { id: 'getNomination', ok: json('Nomination') },
  'PATCH /nominations/{id}': { id: 'updateNomination', ok: json('Nomination'), errors: PRECONDITION },
  'POST /nominations/{id}/events': {
    id: 'sendNominationEvent',
    ok: json('Nomination'),
    errors: PRECONDITION,
  },
  'GET /nominations/{id}/history': { id: 'getNominationHistory', ok: json('History') },
  'GET /nominations/{id}/documents': { id: 'listNominationDocuments', ok: list('DossierDocument') },
  'POST /nominations/{id}/documents': {
    id: 'uploadNominationDocument',
    ok: created('DossierDocument'),
    limited: true,
  },
  'GET /nominations/{id}/documents/{documentId}': {
    id: 'downloadNominationDocument',
    ok: { 200: { file: ['application/pdf', DOCX, XLSX, 'image/jpeg', 'image/png'] } },
  },
  'GET /nominations/{id}/eligibility': { id: 'getNominationEligibility', ok: json('Eligibility') },
  'GET /nominations/export.xlsx': { id: 'exportNominations', ok: { 200: { file: [XLSX] } }, limited: true },
  'GET /documents/generated/{id}': {
    id: 'downloadGeneratedDocument',
    ok: { 200: { file: ['application/pdf', DOCX] } },
    limited: true,
  },

  // ---- meetings, votes, decisions --------------------------------------------------------------------------
  'POST /meetings': { id: 'createMeeting', ok: created('Meeting') },
  'GET /meetings': { id: 'listMeetings', ok: list('Meeting') },
  'GET /meetings/{id}': { id: 'getMeeting', ok: json('Meeting') },
  'POST /voting-sessions': { id: 'createVotingSession', ok: created('VotingSession') },
  'GET /voting-sessions': { id: 'listVotingSessions', ok: list('VotingSession') },
  'GET /voting-sessions/{id}': { id: 'getVotingSession', ok: json('VotingSession') },
  'POST /voting-sessions/{id}/events': {
    id: 'sendVotingSessionEvent',
    ok: json('VotingSession'),
    errors: PRECONDITION,
  },
  'POST /voting-sessions/{id}/ballots': { id: 'castBallot', ok: created('BallotReceipt'), limited: true },
  'GET /voting-sessions/{id}/minutes': {
    id: 'getVotingMinutes',
    ok: { 200: { file: ['application/pdf', DOCX] } },
  },
  'POST /decisions': { id: 'recordDecision', ok: created('Decision') },
  'GET /decisions/{id}': { id: 'getDecision', ok: json('Decision') },

  // ---- emulation clusters ----------------------------------------------------------------------------------
  'GET /clusters/{id}/years/{year}': { id: 'getClusterYear', ok: json('ClusterYear') },
  'PUT /clusters/{id}/years/{year}/members': { id: 'setClusterMembers', ok: json('ClusterYear') },
  'POST /clusters/{id}/years/{year}/agreement': { id: 'createClusterAgreement', ok: created('Agreement') },
  'GET /clusters/{id}/years/{year}/agreement': { id: 'getClusterAgreement', ok: json('Agreement') },
  'POST /clusters/{id}/years/{year}/agreement/signatures': {
    id: 'signClusterAgreement',
    ok: created('Agreement'),
  },
  'PUT /clusters/{id}/years/{year}/evaluations/mine': {
    id: 'submitOwnEvaluation',
    ok: list('Evaluation'),
    errors: PRECONDITION,
  },
  'GET /clusters/{id}/years/{year}/evaluations': { id: 'listClusterEvaluations', ok: list('Evaluation') },
  'POST /clusters/{id}/years/{year}/evaluations/{organizationId}/confirm': {
    id: 'confirmClusterEvaluation',
    ok: list('Evaluation'),
    errors: PRECONDITION,
  },
  'POST /clusters/{id}/years/{year}/evaluations/{organizationId}/return': {
    id: 'returnClusterEvaluation',
    ok: list('Evaluation'),
    errors: PRECONDITION,
  },
  'GET /clusters/{id}/years/{year}/ranking': { id: 'getClusterRanking', ok: json('Ranking') },
  'GET /clusters/{id}/years/{year}/leadership/proposal': {
    id: 'getLeadershipProposal',
    ok: json('LeadershipProposal'),
  },
  'PUT /clusters/{id}/years/{year}/leadership': { id: 'setClusterLeadership', ok: json('ClusterYear') },
  'POST /clusters/{id}/years/{year}/proposal': {
    id: 'generateClusterProposal',
    ok: created('GeneratedDocument'),
    limited: true,
  },

  // ---- organisations, awards, calendar ---------------------------------------------------------------------
  'GET /organizations': { id: 'listOrganizations', ok: list('Organization') },
  'POST /organizations': { id: 'createOrganization', ok: created('Organization') },
  'GET /organizations/{id}': { id: 'getOrganization', ok: json('Organization') },
  'POST /organizations/{id}/merge': { id: 'mergeOrganization', ok: created('Merger') },
  'GET /organizations/{id}/eligible': { id: 'listEligibleNominees', ok: json('EligibleNominees') },
  'GET /award-types': { id: 'listAwardTypes', ok: list('AwardType') },
  'GET /award-types/{code}': { id: 'getAwardType', ok: json('AwardTypeDetail') },
  'POST /award-types/{code}/policies': { id: 'addAwardPolicy', ok: created('AwardPolicy') },
  'GET /calendar/working-days': { id: 'countWorkingDays', ok: json('WorkingDays') },
  'GET /calendar/days': { id: 'listCalendarDays', ok: list('CalendarDay') },
  'GET /calendar/years': { id: 'listCalendarYears', ok: list('CalendarYear') },
  'GET /calendar/years/{year}': { id: 'getCalendarYear', ok: json('CalendarYear') },
  'POST /calendar/years/{year}/confirmation': { id: 'confirmCalendarYear', ok: created('CalendarYear') },
  'PUT /calendar/days/{date}': { id: 'setCalendarDay', ok: json('CalendarDay') },
  'DELETE /calendar/days/{date}': { id: 'removeCalendarDay', ok: json('CalendarDayRemoval') },

  // ---- notifications and webhooks --------------------------------------------------------------------------
  'GET /notifications': { id: 'listNotifications', ok: json('NotificationPage') },
  'GET /notifications/stream': { id: 'streamNotifications', ok: { 200: { events: true } } },
  'GET /notifications/unread-count': { id: 'countUnreadNotifications', ok: json('UnreadCount') },
  'POST /notifications/read-all': { id: 'markAllNotificationsRead', ok: json('Marked') },
  'POST /notifications/{id}/read': { id: 'markNotificationRead', ok: json('Marked') },
  'POST /webhooks': { id: 'createWebhook', ok: created('CreatedWebhook') },
  'GET /webhooks': { id: 'listWebhooks', ok: list('Webhook') },
  'PATCH /webhooks/{id}': { id: 'updateWebhook', ok: json('Webhook') },
  'GET /webhooks/{id}/deliveries': { id: 'listWebhookDeliveries', ok: json('WebhookDeliveryPage') },
  'POST /webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    id: 'redeliverWebhook',
    ok: { 202: { schema: 'WebhookDelivery' } },
  },

  // ---- reports and the register ----------------------------------------------------------------------------
  'GET /reports/summary': { id: 'getSummaryReport', ok: json('SummaryReport') },
  'GET /reports/stage-durations': { id: 'getStageDurationsReport', ok: json('StageDurations') },
  'GET /reports/overdue': { id: 'listOverdueNominations', ok: json('OverdueReport') },
  'POST /reports/pm-list': { id: 'generatePmList', ok: created('GeneratedDocument'), limited: true },
  'GET /register/entries': { id: 'listRegisterEntries', ok: list('RegisterEntry') },
  'GET /register/entries/{id}': { id: 'getRegisterEntry', ok: json('RegisterEntry') },
  'POST /register/entries/{id}/revocation': { id: 'revokeRegisterEntry', ok: json('RegisterEntry') },
  'GET /register/titles': { id: 'listRegisterTitles', ok: list('RegisterTitle') },
  'GET /register/import-template.xlsx': { id: 'getRegisterImportTemplate', ok: { 200: { file: [XLSX] } } },
  'POST /register/import': { id: 'importRegister', ok: json('RegisterImport') },
  'GET /persons': { id: 'listPersons', ok: list('Person') },
  'GET /persons/duplicates': { id: 'listDuplicatePersons', ok: json('PersonDuplicates') },
  'GET /persons/{id}': { id: 'getPerson', ok: json('Person') },
  'POST /persons/{id}/merge': { id: 'mergePersons', ok: json('PersonMerge') },

  // ---- audit, workflows, operations ------------------------------------------------------------------------
  'GET /audit/log': { id: 'listAuditLog', ok: json('AuditLogPage') },
  'POST /audit/log/verification': { id: 'verifyAuditLog', ok: created('AuditVerification') },
  'GET /audit/history/{instanceId}': { id: 'getWorkflowHistory', ok: json('WorkflowHistory') },
  'POST /audit/history/verification': { id: 'verifyWorkflowHistories', ok: created('HistoryVerification') },
  'POST /workflows/migrations': { id: 'migrateWorkflows', ok: json('WorkflowMigration') },
  'GET /health': { id: 'getLiveness', ok: json('Health'), public: true },
  'GET /health/ready': {
    id: 'getReadiness',
    ok: { 200: { schema: 'Readiness' }, 503: { schema: 'Readiness' } },
    public: true,
  },
};
