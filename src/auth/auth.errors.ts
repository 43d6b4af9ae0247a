import { DomainError } from '../common/errors';
import { PASSWORD_PROBLEMS, type PasswordProblem } from './password-policy';

export const AuthErrors = {
  invalidCredentials: () =>
    new DomainError('unauthenticated', 'AUTH.INVALID_CREDENTIALS', 'The e-mail or the password is wrong'),
  unauthenticated: () =>
    new DomainError('unauthenticated', 'AUTH.UNAUTHENTICATED', 'Sign in: a valid bearer token is required'),
  invalidToken: () =>
    new DomainError('unauthenticated', 'AUTH.INVALID_TOKEN', 'The token is invalid or has expired'),
  /** The token is genuine but its session ended: signed out, revoked, expired, or the account was locked. */
  sessionEnded: () =>
    new DomainError(
      'unauthenticated',
      'AUTH.SESSION_ENDED',
      'This session has ended (signed out, revoked or expired); sign in again',
    ),
  forbiddenRole: () => new DomainError('forbidden', 'AUTH.FORBIDDEN', 'Your role may not do this'),
  passwordChangeRequired: () =>
    new DomainError(
      'forbidden',
      'AUTH.PASSWORD_CHANGE_REQUIRED',
      'Change the one-time password first (POST /me/password)',
    ),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new DomainError(
      'rate_limited',
      'AUTH.TOO_MANY_ATTEMPTS',
      'Too many failed sign-ins; wait and try again',
      {
        retryAfterSeconds,
      },
    ),
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError('rate_limited', 'REQUEST.RATE_LIMITED', 'Too many requests; wait and try again', {
      retryAfterSeconds,
    }),
  wrongPassword: () =>
    new DomainError('invalid', 'AUTH.WRONG_PASSWORD', 'The current password is wrong', {
      fields: [{ field: 'currentPassword', problems: ['The current password is wrong'] }],
    }),
  weakPassword: (field: string, problems: PasswordProblem[]) =>
    new DomainError(
      'invalid',
      'AUTH.WEAK_PASSWORD',
      `The new password does not meet the policy: ${problems.map((p) => PASSWORD_PROBLEMS[p].en).join(' ')}`,
      {
        fields: [
          {
            field,
            problems: problems.map((p) => PASSWORD_PROBLEMS[p].en),
            problemsVi: problems.map((p) => PASSWORD_PROBLEMS[p].vi),
            codes: problems,
          },
        ],
      },
    ),
  resetLinkInvalid: () =>
    new DomainError(
      'invalid',
      'AUTH.RESET_LINK_INVALID',
      'This password reset link is not valid: it has expired, was used, or was replaced by a newer one',
    ),
  emailTaken: () => new DomainError('conflict', 'USER.EMAIL_TAKEN', 'A user with this e-mail exists'),
  userNotFound: (id: string) => new DomainError('not_found', 'USER.NOT_FOUND', `No user ${id}`),
  sessionNotFound: (id: string) =>
    new DomainError('not_found', 'AUTH.SESSION_NOT_FOUND', `No session ${id} of yours`),
  reasonRequired: () =>
    new DomainError(
      'invalid',
      'USER.REASON_REQUIRED',
      'A reason is required to lock an account or change its role or organisation',
      { fields: [{ field: 'reason', problems: ['reason is required for this change'] }] },
    ),
  ownAccount: () =>
    new DomainError(
      'conflict',
      'USER.OWN_ACCOUNT',
      'You cannot lock your own account or change your own role or organisation; ask another administrator',
    ),
  nothingToChange: () =>
    new DomainError(
      'invalid',
      'USER.NOTHING_TO_CHANGE',
      'Give at least one of active, role, organizationId, fullName',
    ),
};
