import { DomainError } from '../common/errors';

export const NominationErrors = {
  notFound: (id: string) => new DomainError('not_found', 'NOMINATION.NOT_FOUND', `No nomination ${id}`),
  duplicate: () =>
    new DomainError(
      'conflict',
      'NOMINATION.DUPLICATE',
      'This nominee already has an active nomination for this award and year',
    ),
  notNominator: () =>
    new DomainError('forbidden', 'NOMINATION.NOT_NOMINATOR', 'Only a nominating unit may create nominations'),
  invalid: (reason: string, details?: Record<string, unknown>) =>
    new DomainError('unprocessable', 'NOMINATION.INVALID', reason, details),
  nomineeKindNotAllowed: (kind: string, award: string) =>
    new DomainError(
      'unprocessable',
      'NOMINATION.NOMINEE_KIND_NOT_ALLOWED',
      `${award} is not awarded to ${kind} nominees`,
    ),
  notClusterMember: () =>
    new DomainError(
      'unprocessable',
      'NOMINATION.NOT_CLUSTER_MEMBER',
      'The nominating unit is not a member of this cluster in this year',
    ),
  notEditable: (state: string) =>
    new DomainError('conflict', 'NOMINATION.NOT_EDITABLE', `A nomination in ${state} cannot be edited`, {
      state,
    }),
  unknownEvent: (type: string, known: string[]) =>
    new DomainError('invalid', 'NOMINATION.UNKNOWN_EVENT', `Unknown event ${type}`, { knownEvents: known }),
  reasonRequired: (type: string) =>
    new DomainError('invalid', 'NOMINATION.REASON_REQUIRED', `${type} needs a reason`, {
      fields: [{ field: 'payload.reason', problems: ['reason is required'] }],
    }),
  invalidPayload: (fields: { field: string; problems: string[] }[]) =>
    new DomainError('invalid', 'NOMINATION.INVALID_EVENT_PAYLOAD', 'The event payload is invalid', {
      fields,
    }),
  readOnly: () =>
    new DomainError('forbidden', 'NOMINATION.READ_ONLY', 'You may read this candidate, not change it'),
  dueDateInPast: (dueDate: string) =>
    new DomainError('unprocessable', 'NOMINATION.DUE_DATE_IN_PAST', `The due date ${dueDate} has passed`, {
      dueDate,
      fields: [{ field: 'payload.dueDate', problems: ['dueDate must be today or later (Vietnam time)'] }],
    }),
  decisionDateInFuture: (date: string, field = 'payload.decisionDate') =>
    new DomainError(
      'unprocessable',
      'DECISION.DATE_IN_FUTURE',
      `A decision dated ${date} has not been signed yet`,
      { fields: [{ field, problems: ['the date of a decision is today or earlier (Vietnam time)'] }] },
    ),
  preconditionRequired: () =>
    new DomainError(
      'precondition_required',
      'NOMINATION.IF_MATCH_REQUIRED',
      'Send If-Match with the version you saw',
    ),
  documentNotFound: (id: string) => new DomainError('not_found', 'DOCUMENT.NOT_FOUND', `No document ${id}`),
  documentTypeNotAllowed: () =>
    new DomainError(
      'unsupported_media_type',
      'DOCUMENT.TYPE_NOT_ALLOWED',
      'Only PDF, DOC, DOCX, XLS, XLSX, JPEG and PNG files are accepted (checked by content)',
    ),
  documentNameMismatch: (claimed: string, type: string) =>
    new DomainError(
      'unsupported_media_type',
      'DOCUMENT.NAME_MISMATCH',
      `The file is named as ${claimed.toUpperCase()} but its content is ${type.toUpperCase()}`,
      { claimed, type },
    ),
  documentTypeNotInPolicy: (type: string, allowed: string[]) =>
    new DomainError(
      'unsupported_media_type',
      'DOCUMENT.TYPE_NOT_IN_POLICY',
      `The policy of this award does not accept ${type.toUpperCase()} files; it accepts ${allowed.map((t) => t.toUpperCase()).join(', ')}`,
      { type, allowed },
    ),
  documentTooLarge: (limit: number) =>
    new DomainError('payload_too_large', 'DOCUMENT.TOO_LARGE', `A document may be at most ${limit} bytes`, {
      limit,
    }),
  documentMissing: () =>
    new DomainError(
      'invalid',
      'DOCUMENT.FILE_REQUIRED',
      'Send one file in the multipart field "file" and its "kind"',
    ),
  uploadNotAllowed: (kind: string) =>
    new DomainError(
      'forbidden',
      'DOCUMENT.UPLOAD_NOT_ALLOWED',
      `You may not add a document of kind ${kind} to this dossier`,
    ),
  documentsFrozen: (state: string) =>
    new DomainError(
      'conflict',
      'DOCUMENT.DOSSIER_FROZEN',
      `The dossier cannot change while the nomination is ${state}`,
      {
        state,
      },
    ),
};
