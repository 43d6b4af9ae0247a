import type { ClassConstructor } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DomainError } from '../common/errors';
import { mapError } from '../common/http-exception.filter';
import { errorText, type Locale, type Messages } from './i18n';
import type { FormState } from './views/components.view';

/** A urlencoded body as @fastify/formbody parses it. */
export type FormBody = Record<string, string | string[] | undefined>;

/**
 * Fields that hold a date or a date and time. The pages show them as text in the Vietnamese order (`dd/mm/yyyy`,
 * `dd/mm/yyyy HH:mm`): a browser's own date control follows the browser's language, not the page's.
 */
export const DATE_FIELDS = new Set([
  'heldOn',
  'birthDate',
  'date',
  'dueDate',
  'decisionDate',
  'validFrom',
  'validTo',
  'effectiveDate',
  'effectiveFrom',
]);
export const DATE_TIME_FIELDS = new Set(['closesAt']);
const TIME_FIELDS = new Set(['startsAt']);

const TYPED_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/;
const two = (s: string) => s.padStart(2, '0');

/** `19/05/1978` as `1978-05-19`, `13/03/2024 09:00` as `2024-03-13T09:00`; anything else as it was typed. */
export function typedToIso(field: string, text: string): string {
  const name = field.split('.').pop() ?? field;
  const time = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (TIME_FIELDS.has(name)) return time ? `${two(time[1])}:${time[2]}` : text;
  const withTime = DATE_TIME_FIELDS.has(name);
  if (!withTime && !DATE_FIELDS.has(name)) return text;
  const m = TYPED_DATE.exec(text);
  if (!m || (withTime ? m[4] === undefined : m[4] !== undefined)) return text;
  const date = `${m[3]}-${two(m[2])}-${two(m[1])}`;
  return withTime ? `${date}T${two(m[4])}:${m[5]}` : date;
}

/** A urlencoded body, with its dates as the API takes them (`yyyy-mm-dd`). */
export function asForm(body: unknown): FormBody {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body as FormBody).map(([k, v]) => [k, typeof v === 'string' ? typedToIso(k, v) : v]),
  );
}

/** One value of a field: the first if it was sent several times; undefined for an empty input. */
export function one(body: FormBody, name: string): string | undefined {
  const v = body[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
}

export function many(body: FormBody, name: string): string[] {
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((s) => typeof s === 'string' && s !== '');
}

/**
 * A number from a form field (a decimal comma as Vietnamese write it, or a point), or the text itself (so that
 * validation names it) when it is not one.
 */
export function numeric(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : text;
}

/** The row indices that the field names of a rows field (`<name>.<i>.<key>`) use, in order. */
export function rowIndices(fields: string[], name: string): number[] {
  const pattern = new RegExp(`^${name.replace(/\./g, '\\.')}\\.(\\d{1,3})\\.`);
  return [...new Set(fields.map((k) => Number(pattern.exec(k)?.[1] ?? -1)))]
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
}

/**
 * The rows of a rows field (`<name>.<i>.<key>`), in order, leaving out the empty ones; `at` gives each row's
 * index on the page, so that a problem found in row `n` of the result is shown in its row.
 */
export function rowsOf(
  body: FormBody,
  name: string,
  keys: string[],
): { rows: Record<string, string | undefined>[]; at: number[] } {
  const indices = rowIndices(Object.keys(body), name).sort((a, b) => a - b);
  const rows: Record<string, string | undefined>[] = [];
  const at: number[] = [];
  for (const i of indices) {
    const row = Object.fromEntries(keys.map((k) => [k, one(body, `${name}.${i}.${k}`)]));
    if (Object.values(row).every((v) => v === undefined)) continue;
    rows.push(row);
    at.push(i);
  }
  return { rows, at };
}

/** Problems keyed by the rows' positions in what was validated, moved to the rows' indices on the page. */
export function rowErrors(
  errors: Record<string, string[]>,
  name: string,
  at: number[],
): Record<string, string[]> {
  const pattern = new RegExp(`^(${name.replace(/\./g, '\\.')})\\.(\\d+)(\\..*)?$`);
  return Object.fromEntries(
    Object.entries(errors).map(([field, problems]) => {
      const match = pattern.exec(field);
      return [match ? `${match[1]}.${at[Number(match[2])] ?? match[2]}${match[3] ?? ''}` : field, problems];
    }),
  );
}

/**
 * The number of a percentage as typed, its trailing `%` and the spaces around removed, in time linear in its
 * length (a pattern like `/\s*%$/` backtracks over long runs of spaces); text longer than any number is left as
 * it is, for validation to name.
 */
export function withoutPercentSign(text: string): string {
  if (text.length > 32) return text;
  const trimmed = text.trim();
  return trimmed.endsWith('%') ? trimmed.slice(0, -1).trim() : trimmed;
}

/**
 * A percentage as people type it (`66,7`, `66.7`, `66,7 %`) turned into the share the API stores (0.667); the
 * text itself when it is not a number, so that validation names it.
 */
export function percentShare(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const cleaned = withoutPercentSign(text).replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return text;
  return Math.round(Number(cleaned) * 10) / 1000;
}

const VI_CONSTRAINTS: Record<string, string> = {
  isLength: 'Độ dài không hợp lệ.',
  maxLength: 'Quá dài.',
  min: 'Nhỏ hơn giá trị cho phép.',
  max: 'Lớn hơn giá trị cho phép.',
  isInt: 'Phải là số nguyên.',
  isNumber: 'Phải là số.',
  isUuid: 'Hãy chọn một giá trị trong danh sách.',
  isIn: 'Hãy chọn một giá trị trong danh sách.',
  matches: 'Sai định dạng.',
  isEmail: 'Địa chỉ thư điện tử không hợp lệ.',
  isIso8601: 'Ngày không hợp lệ.',
};

function flatten(
  errors: ValidationError[],
  m: Messages,
  locale: Locale,
  prefix = '',
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const missing = e.value === undefined || e.value === null || e.value === '';
      // Text where a number belongs fails its bounds too: only "must be a number" is worth saying.
      const constraints = Object.fromEntries(
        Object.entries(e.constraints).filter(
          ([k]) =>
            !(
              ('isNumber' in e.constraints! || 'isInt' in e.constraints!) &&
              typeof e.value === 'string' &&
              (k === 'min' || k === 'max')
            ),
        ),
      );
      out[field] = missing
        ? [m.fieldRequired]
        : locale === 'vi'
          ? [...new Set(Object.keys(constraints).map((k) => VI_CONSTRAINTS[k] ?? m.fieldInvalid))]
          : Object.values(constraints);
    }
    Object.assign(out, flatten(e.children ?? [], m, locale, field));
  }
  return out;
}

/** Validates a form with the API's own DTO class: the same rules, the problems keyed by field. */
export function validateForm<T extends object>(
  dto: ClassConstructor<T>,
  plain: Record<string, unknown>,
  m: Messages,
  locale: Locale,
): { value: T; errors: Record<string, string[]> } {
  const value = plainToInstance(dto, plain);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  return { value, errors: flatten(errors, m, locale) };
}

/** The words for one field's problems as the API states them ("… is required" is the one Vietnamese names). */
export function fieldProblemText(problems: string[], m: Messages, locale: Locale): string {
  if (locale === 'en') return problems.join(' ');
  return problems.every((p) => / is required/.test(p)) ? m.fieldRequired : m.fieldInvalid;
}

/**
 * Turns what a service refused into the form's problems: a 4xx with its fields becomes errors next to them
 * (`rename` maps the service's field names to the form's), anything else the form's message. A 5xx is not
 * the user's doing and goes on to the error page.
 */
export function refusal(
  error: unknown,
  m: Messages,
  locale: Locale,
  values: FormState['values'],
  rename: (field: string) => string = (f) => f,
): { status: number; form: FormState } {
  const mapped = mapError(error);
  if (mapped.status >= 500 || mapped.status === 401) throw error;
  const details = (error instanceof DomainError ? error.details : undefined) ?? {};
  const errors: Record<string, string[]> = {};
  const fields = Array.isArray(details.fields)
    ? (details.fields as { field: string; problems: string[] }[])
    : [];
  const text = errorText(locale, mapped.code, mapped.message, mapped.details);
  for (const f of fields) {
    errors[rename(f.field)] =
      locale === 'en'
        ? f.problems
        : mapped.code === 'REQUEST.VALIDATION_FAILED'
          ? [fieldProblemText(f.problems, m, locale)]
          : [text === mapped.message ? m.fieldInvalid : text];
  }
  if (typeof details.field === 'string') errors[rename(details.field)] = [text];
  return {
    status: mapped.status,
    form: { values, errors, message: Object.keys(errors).length > 0 ? undefined : text },
  };
}
