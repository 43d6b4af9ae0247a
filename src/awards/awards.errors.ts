import { DomainError } from '../common/errors';

export const AwardErrors = {
  unknownType: (code: string) => new DomainError('not_found', 'AWARD.UNKNOWN_TYPE', `No award type ${code}`),
  noPolicy: (code: string, date: string) =>
    new DomainError(
      'unprocessable',
      'AWARD.NO_POLICY_IN_FORCE',
      `No policy of ${code} is in force on ${date}`,
    ),
  notAfterLatest: (latest: string) =>
    new DomainError(
      'conflict',
      'AWARD.POLICY_NOT_AFTER_LATEST',
      `A new policy version must take effect after the latest one (${latest}); past versions are history`,
    ),
  invalidRules: (reason: string) =>
    new DomainError('unprocessable', 'AWARD.INVALID_RULES', reason, { reason }),
};
