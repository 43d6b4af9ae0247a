import type { Env } from '../config/config';

function redact(url: string | undefined): string {
  if (!url) return '(not set)';
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable)';
  }
}

/** Turns a start-up failure into a message that says what to do, instead of a stack trace. */
export function describeStartupError(error: unknown, env: Env): string {
  const e = error as { code?: string; message?: string };
  const message = e?.message ?? String(error);
  if (e?.code === 'REDIS_UNREACHABLE') {
    return (
      `Cannot reach Redis at ${redact(env.REDIS_URL)} (${message}).\n` +
      `Start Redis, fix REDIS_URL, or unset REDIS_URL to use the PostgreSQL queue backend.`
    );
  }
  if (
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|timeout|password authentication failed|does not exist|terminated/i.test(
      message,
    ) &&
    env.DATABASE_URL
  ) {
    return (
      `Cannot connect to PostgreSQL at ${redact(env.DATABASE_URL)}: ${message}\n` +
      `Start PostgreSQL, fix DATABASE_URL, or unset DATABASE_URL to use the embedded PostgreSQL.`
    );
  }
  if (!env.DATABASE_URL && /postgres|initdb|root|EACCES|permission/i.test(message)) {
    return (
      `The embedded PostgreSQL did not start: ${message}\n` +
      `Check that ${env.DATA_DIR} is writable, or set DATABASE_URL to use an existing PostgreSQL server.`
    );
  }
  return message;
}
