import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from './errors';

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

/**
 * One page of a query, newest first, by (created_at, id) of `alias`: `limit` rows and the cursor of the next page
 * (null on the last one). Stable under inserts, and as fast on page 100 as on page 1 with an index on the pair.
 */
export async function keysetPage<T extends ObjectLiteral & { createdAt: Date; id: string }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  cursor: string | undefined,
  limit: number,
): Promise<{ page: T[]; nextCursor: string | null }> {
  if (cursor) {
    const c = decodeCursor(cursor);
    qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:cursorAt, :cursorId)`, {
      cursorAt: c.at,
      cursorId: c.id,
    });
  }
  const rows = await qb
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(limit + 1)
    .getMany();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
