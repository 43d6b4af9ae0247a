import type { FastifyRequest } from 'fastify';
import { invalid } from './errors';
import { inspectInput, validationFailed } from './input-hygiene';

/**
 * The JSON body parser. `JSON.parse` makes every key an own property, `__proto__` included, so the body is
 * inspected before anything copies it: a key such as `__proto__`, `constructor` or `prototype`, at any depth, is
 * refused like any other unknown key, with its path (Fastify's own parser refused some of them as "not valid
 * JSON" and let others through to be dropped silently).
 */
export function parseJsonBody(
  _request: FastifyRequest,
  body: Buffer,
  done: (error: Error | null, value?: unknown) => void,
): void {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    done(invalid('REQUEST.INVALID', 'The body is empty but its content type is application/json'));
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    done(invalid('REQUEST.INVALID', 'The body is not valid JSON'));
    return;
  }
  const forbidden = inspectInput(value, '', true);
  if (forbidden.length > 0) {
    done(validationFailed(forbidden));
    return;
  }
  done(null, value);
}
