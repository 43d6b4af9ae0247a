import { DomainError } from '../common/errors';

/** Opaque keyset cursors over (created_at, id), newest first. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify({ a: new Date(at).toISOString(), i: id })).toString('base64url');
}

export function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      a?: unknown;
      i?: unknown;
    };
    if (
      typeof parsed.a === 'string' &&
      !Number.isNaN(Date.parse(parsed.a)) &&
      typeof parsed.i === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(parsed.i)
    ) {
      return { at: parsed.a, id: parsed.i };
    }
  } catch {
    // not base64 JSON: fall through
  }
  throw new DomainError('invalid', 'REQUEST.INVALID_CURSOR', 'The cursor is not one this API returned', {
    fields: [{ field: 'cursor', problems: ['unknown cursor'] }],
  });
}
