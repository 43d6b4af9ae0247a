import { DomainError } from '../common/errors';

export const RegisterErrors = {
  personNotFound: (id: string) =>
    new DomainError('not_found', 'REGISTER.PERSON_NOT_FOUND', `No person ${id}`),
  entryNotFound: (id: string) =>
    new DomainError('not_found', 'REGISTER.ENTRY_NOT_FOUND', `No register entry ${id}`),
  organizationNotFound: (id: string) =>
    new DomainError('not_found', 'REGISTER.ORGANIZATION_NOT_FOUND', `No organisation ${id} in your scope`),
  forbidden: (what: string) =>
    new DomainError('forbidden', 'REGISTER.FORBIDDEN', `Your role may not ${what}`),
  alreadyRevoked: (id: string) =>
    new DomainError('conflict', 'REGISTER.ALREADY_REVOKED', `Register entry ${id} is already revoked`),
  mergeInvalid: (reason: string) =>
    new DomainError('unprocessable', 'REGISTER.MERGE_INVALID', reason, { reason }),
  importInvalid: (rows: { row: number; problems: string[] }[]) =>
    new DomainError(
      'unprocessable',
      'REGISTER.IMPORT_INVALID',
      `${rows.length} row(s) of the file are not valid: nothing was imported`,
      { rows },
    ),
  importUnreadable: (reason: string) =>
    new DomainError(
      'invalid',
      'REGISTER.IMPORT_UNREADABLE',
      `The file is not a readable register workbook: ${reason}`,
    ),
  unknownAward: (code: string) =>
    new DomainError('not_found', 'REGISTER.UNKNOWN_AWARD', `No award type ${code}`),
  invalid: (message: string, details?: Record<string, unknown>) =>
    new DomainError('invalid', 'REGISTER.INVALID', message, details),
};
