/**
 * Whether an error means that PostgreSQL (or the queue's store) is unreachable or going away — a refused or
 * reset connection, a server shutting down or starting up, a pool that could not hand out a connection, a
 * transaction whose connection was lost — rather than that the request was wrong. Such errors answer 503 with
 * Retry-After, never 500: the client may try again once the service is back.
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0[1-4])/;
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_NAMES = new Set([
  // TypeORM, when the connection under a transaction was lost and the query runner released.
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
  'ConnectionIsNotSetError',
]);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down|not yet accepting connections|in recovery mode)|Client has encountered a connection error|terminating connection|Connection is closed|MaxRetriesPerRequest|Query runner already released|connection provided by a query runner was already released|Client was closed and is not queryable|server closed the connection unexpectedly/i;

export function isUnavailableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as {
    name?: string;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const sqlState = (e.driverError as { code?: unknown } | undefined)?.code ?? e.code;
  if (
    typeof sqlState === 'string' &&
    (UNAVAILABLE_SQLSTATE.test(sqlState) || UNAVAILABLE_CODES.has(sqlState))
  )
    return true;
  if (typeof e.name === 'string' && UNAVAILABLE_NAMES.has(e.name)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  // Node reports a refused connection to every address of a name as an AggregateError with an empty message.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isUnavailableError(inner, depth + 1))) return true;
  return isUnavailableError(e.driverError, depth + 1) || isUnavailableError(e.cause, depth + 1);
}
