import { DomainError } from '../common/errors';

export const EngineErrors = {
  instanceNotFound: (id: string) =>
    new DomainError('not_found', 'WORKFLOW.INSTANCE_NOT_FOUND', `No workflow instance ${id}`),
  versionMismatch: (expected: number, current: number) =>
    new DomainError(
      'precondition_failed',
      'WORKFLOW.VERSION_MISMATCH',
      `The instance is at version ${current}, not ${expected}: reload it and try again`,
      { expectedVersion: expected, currentVersion: current },
    ),
  notEntitled: (eventType: string, allowedEvents: string[]) =>
    new DomainError('forbidden', 'WORKFLOW.ACTOR_NOT_ENTITLED', `You may not send ${eventType}`, {
      event: eventType,
      allowedEvents,
    }),
  notAllowed: (
    code: string,
    message: string,
    details: { state: string; event: string; allowedEvents: string[] },
  ) => new DomainError('conflict', code, message, details),
  idempotencyKeyReused: () =>
    new DomainError(
      'unprocessable',
      'IDEMPOTENCY.KEY_REUSED',
      'This Idempotency-Key was already used with a different request',
    ),
  idempotencyInProgress: () =>
    new DomainError(
      'conflict',
      'IDEMPOTENCY.IN_PROGRESS',
      'A request with this Idempotency-Key is in progress',
    ),
  /** PostgreSQL is unreachable or went away during the command: nothing was committed, try again (503). */
  unavailable: (cause: unknown) =>
    Object.assign(
      new DomainError(
        'unavailable',
        'SERVICE.UNAVAILABLE',
        'A backing service is unavailable; try again shortly',
      ),
      { cause },
    ),
  unknownMachine: (id: string, version?: number) =>
    new DomainError(
      'invalid',
      'WORKFLOW.UNKNOWN_MACHINE',
      `No machine ${id}${version === undefined ? '' : `@${version}`} in the registry`,
    ),
};
