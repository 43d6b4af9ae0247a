import { DomainError } from '../common/errors';

/** The version in an If-Match header (`"3"`, `W/"3"` or `3`); `*` or no header means no precondition. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new DomainError(
      'invalid',
      'REQUEST.INVALID_IF_MATCH',
      'If-Match must be the ETag this API returned, such as "3"',
    );
  }
  return Number(match[1]);
}

/** An Idempotency-Key: 1–255 visible ASCII characters. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(header)) {
    throw new DomainError(
      'invalid',
      'REQUEST.INVALID_IDEMPOTENCY_KEY',
      'Idempotency-Key must be 1–255 visible ASCII characters',
    );
  }
  return header;
}

export const etag = (version: number) => `"${version}"`;
