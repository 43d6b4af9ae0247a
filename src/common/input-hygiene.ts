import { DomainError } from './errors';

/**
 * Keys that name an object's machinery rather than data. class-transformer skips them when it builds a DTO, so the
 * whitelist never sees them and they would be dropped silently where every other unknown key is refused.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A UTF-16 surrogate not paired with its other half: not text, and some libraries throw on it (URIError). */
const LONE_SURROGATE = /\p{Surrogate}/u;

export interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * Every key named like an object's machinery and (unless `keysOnly`) every string or key that is not well-formed
 * Unicode, anywhere in a parsed body, query or parameter. Iterative: a deeply nested value cannot overflow the stack.
 */
export function inspectInput(value: unknown, root = '', keysOnly = false): FieldProblem[] {
  const found: FieldProblem[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (!keysOnly && LONE_SURROGATE.test(current))
        found.push({
          field: path || 'value',
          problems: [`${path || 'value'} must be well-formed Unicode text`],
        });
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        found.push({ field, problems: [`property ${key} should not exist`] });
        continue;
      }
      if (!keysOnly && LONE_SURROGATE.test(key)) {
        found.push({ field, problems: ['a property name must be well-formed Unicode text'] });
        continue;
      }
      stack.push([(current as Record<string, unknown>)[key], field]);
    }
  }
  return found.reverse();
}

/** The error the validation pipe raises: every bad field at once. */
export function validationFailed(fields: FieldProblem[]): DomainError {
  return new DomainError(
    'invalid',
    'REQUEST.VALIDATION_FAILED',
    `Invalid request: ${fields.map((f) => f.field).join(', ')}`,
    { fields },
  );
}
