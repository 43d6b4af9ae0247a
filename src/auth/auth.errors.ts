import { DomainError } from '../common/errors';

export const AuthErrors = {
  invalidCredentials: () =>
    new DomainError('unauthenticated', 'AUTH.INVALID_CREDENTIALS', 'The e-mail or the password is wrong'),
  unauthenticated: () =>
    new DomainError('unauthenticated', 'AUTH.UNAUTHENTICATED', 'Sign in: a valid bearer token is required'),
  invalidToken: () =>
    new DomainError('unauthenticated', 'AUTH.INVALID_TOKEN', 'The token is invalid or has expired'),
  forbiddenRole: () => new DomainError('forbidden', 'AUTH.FORBIDDEN', 'Your role may not do this'),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new DomainError(
      'rate_limited',
      'AUTH.TOO_MANY_ATTEMPTS',
      'Too many failed sign-ins; wait and try again',
      {
        retryAfterSeconds,
      },
    ),
  emailTaken: () => new DomainError('conflict', 'USER.EMAIL_TAKEN', 'A user with this e-mail exists'),
  userNotFound: (id: string) => new DomainError('not_found', 'USER.NOT_FOUND', `No user ${id}`),
};
