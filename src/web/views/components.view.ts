import { flag, html, type HtmlValue, type SafeHtml } from '../html';
import type { Locale, Messages } from '../i18n';
import type { PageContext } from '../web-context';
import { rowIndices } from '../web-form';

/** Values a form was submitted with and the problems found, by field name; `message` is for the whole form. */
export interface FormState {
  values: Record<string, string | string[] | undefined>;
  errors: Record<string, string[]>;
  message?: string;
}

export const emptyForm = (values: FormState['values'] = {}): FormState => ({ values, errors: {} });

/** Vietnam's time (UTC+7, no daylight saving): every date and time on the pages is read there. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');

function local(iso: string | Date): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime() + VIETNAM_OFFSET_MS);
}

/** `dd/mm/yyyy HH:mm`, Vietnam time, in both languages (the convention of Vietnamese administration). */
export function formatDateTime(iso: string | Date | null | undefined, _locale?: Locale): string {
  const d = iso ? local(iso) : null;
  if (!d) return '';
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** `dd/mm/yyyy`: a calendar date as it is, an instant as its day in Vietnam. */
export function formatDate(iso: string | Date | null | undefined, _locale?: Locale): string {
  if (!iso) return '';
  if (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-');
    return `${d}/${m}/${y}`;
  }
  const d = local(iso);
  return d ? `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}` : '';
}

/** A number with the locale's separators: `1.234,5` in Vietnamese, `1,234.5` in English. */
export function formatNumber(value: number, digits: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A number with only the decimals it has (at most three): `60,5` in Vietnamese, `60.5` in English. */
export function formatDecimal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 3 }).format(
    value,
  );
}

/** A share as a percentage with one decimal: `66,7 %` in Vietnamese, `66.7 %` in English. */
export const formatPercent = (share: number, locale: Locale) => `${formatNumber(share * 100, 1, locale)} %`;

export const csrfField = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrf}" />`;

const value = (form: FormState, name: string): string => {
  const v = form.values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

const errorId = (name: string) => `err-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const inputId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The problems of one field, right under it, tied to it with aria-describedby. */
export function fieldErrors(form: FormState, name: string): SafeHtml {
  const problems = form.errors[name] ?? [];
  return html`${
    problems.length > 0 && html`<p class="field-error" id="${errorId(name)}">${problems.join(' ')}</p>`
  }`;
}

function described(form: FormState, name: string, hint?: string): HtmlValue {
  const ids = [...(hint ? [`${inputId(name)}-hint`] : []), ...(form.errors[name] ? [errorId(name)] : [])];
  return html`${ids.length > 0 && html` aria-describedby="${ids.join(' ')}"`}${
    form.errors[name] && html` aria-invalid="true"`
  }`;
}

interface FieldOptions {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'datetime-local' | 'time' | 'file';
  required?: boolean;
  hint?: string;
  step?: string;
  min?: string;
  max?: string;
  autocomplete?: string;
  inputmode?: 'decimal' | 'numeric';
  placeholder?: string;
}

/** `1978-05-19` as `19/05/1978`, `2024-03-13T09:00` as `13/03/2024 09:00`; typed text as it was. */
function isoToTyped(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(text);
  return m ? `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}` : ''}` : text;
}

/**
 * A date, a date and time or a time as text in the order Vietnamese write them (the browser's own controls
 * follow the browser's language, and show 05/19/1978 or 9:00 AM on an English one).
 */
function typedField(form: FormState, o: FieldOptions): SafeHtml {
  const format = o.type === 'date' ? 'dd/mm/yyyy' : o.type === 'time' ? 'HH:mm' : 'dd/mm/yyyy HH:mm';
  return inputField(
    { ...form, values: { ...form.values, [o.name]: isoToTyped(value(form, o.name)) } },
    { ...o, type: 'text', placeholder: format, inputmode: 'numeric', autocomplete: 'off' },
  );
}

export function inputField(form: FormState, o: FieldOptions): SafeHtml {
  if (o.type === 'date' || o.type === 'datetime-local' || o.type === 'time') return typedField(form, o);
  const id = inputId(o.name);
  return html`<div class="field${form.errors[o.name] ? ' has-error' : ''}">
    <label for="${id}">${o.label}${o.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
    <input
      id="${id}"
      name="${o.name}"
      type="${o.type ?? 'text'}"
      ${o.type === 'file' ? '' : html` value="${value(form, o.name)}"`}${flag('required', !!o.required)}${o.required ? html` aria-required="true"` : ''}${o.step && html` step="${o.step}"`}${o.min && html` min="${o.min}"`}${o.max && html` max="${o.max}"`}${o.autocomplete && html` autocomplete="${o.autocomplete}"`}${o.inputmode && html` inputmode="${o.inputmode}"`}${o.placeholder && html` placeholder="${o.placeholder}"`}${described(form, o.name, o.hint)}
    />
    ${o.hint && html`<p class="hint" id="${id}-hint">${o.hint}</p>`} ${fieldErrors(form, o.name)}
  </div>`;
}

export function textareaField(form: FormState, o: FieldOptions & { rows?: number }): SafeHtml {
  const id = inputId(o.name);
  return html`<div class="field${form.errors[o.name] ? ' has-error' : ''}">
    <label for="${id}">${o.label}${o.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
    <textarea
      id="${id}"
      name="${o.name}"
      rows="${o.rows ?? 4}"
      ${flag('required', !!o.required)}${o.required ? html` aria-required="true"` : ''}${described(form, o.name, o.hint)}
    >
${value(form, o.name)}</textarea>
    ${o.hint && html`<p class="hint" id="${id}-hint">${o.hint}</p>`} ${fieldErrors(form, o.name)}
  </div>`;
}

export function selectField(
  form: FormState,
  o: FieldOptions & { options: { value: string; label: string }[]; empty?: string },
): SafeHtml {
  const id = inputId(o.name);
  const current = value(form, o.name);
  return html`<div class="field${form.errors[o.name] ? ' has-error' : ''}">
    <label for="${id}">${o.label}${o.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
    <select
      id="${id}"
      name="${o.name}"
      ${flag('required', !!o.required)}${o.required ? html` aria-required="true"` : ''}${described(form, o.name, o.hint)}
    >
      ${o.empty !== undefined && html`<option value="">${o.empty}</option>`}
      ${o.options.map(
        (opt) =>
          html`<option value="${opt.value}" ${flag('selected', opt.value === current)}>${opt.label}</option>`,
      )}
    </select>
    ${o.hint && html`<p class="hint" id="${id}-hint">${o.hint}</p>`} ${fieldErrors(form, o.name)}
  </div>`;
}

export interface RowColumn {
  key: string;
  label: string;
  type?: 'text' | 'number';
  options?: { value: string; label: string }[];
  required?: boolean;
  inputmode?: 'decimal' | 'numeric';
  min?: string;
  max?: string;
  step?: string;
}

/** How many rows a rows field shows: those submitted (`<name>.<i>.<key>`), and at least `minRows`. */
function rowCount(form: FormState, name: string, minRows: number): number {
  return Math.max(minRows, Math.max(-1, ...rowIndices(Object.keys(form.values), name)) + 1);
}

/**
 * A list of rows (one per item, a column per property), with a button to add a row and one per row to remove it
 * (`data-add-row`, `data-remove-row` in the pages' script). Fields are named `<name>.<i>.<key>`; a row left empty
 * is not an item. Each cell's problem is under it.
 */
export function rowsField(
  form: FormState,
  o: {
    name: string;
    legend: string;
    columns: RowColumn[];
    minRows?: number;
    addLabel: string;
    removeLabel: string;
    hint?: string;
  },
): SafeHtml {
  const rows = rowCount(form, o.name, o.minRows ?? 1);
  const cell = (i: number, c: RowColumn) => {
    const name = `${o.name}.${i}.${c.key}`;
    const label = `${c.label} ${i + 1}`;
    const common = html` id="${inputId(name)}" name="${name}"
    aria-label="${label}"${c.required ? html` aria-required="true"` : ''}${described(form, name)}`;
    return html`<td>
      ${
        c.options
          ? html`<select${common}>
              ${c.options.map(
                (opt) =>
                  html`<option value="${opt.value}" ${flag('selected', opt.value === value(form, name))}>
                    ${opt.label}
                  </option>`,
              )}
            </select>`
          : html`<input${common}
              type="${c.type ?? 'text'}"
              value="${value(form, name)}"
              ${
                c.inputmode && html` inputmode="${c.inputmode}"`
              }${c.min && html` min="${c.min}"`}${c.max && html` max="${c.max}"`}${c.step && html` step="${c.step}"`}
            />`
      }
      ${fieldErrors(form, name)}
    </td>`;
  };
  return html`<fieldset class="rows" data-rows="${o.name}">
    <legend>${o.legend}</legend>
    ${o.hint && html`<p class="hint">${o.hint}</p>`} ${fieldErrors(form, o.name)}
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            ${o.columns.map(
              (c) =>
                html`<th scope="col">
                  ${c.label}${c.required ? html` <span aria-hidden="true">*</span>` : ''}
                </th>`,
            )}
            <th scope="col"><span class="visually-hidden">${o.removeLabel}</span></th>
          </tr>
        </thead>
        <tbody>
          ${Array.from(
            { length: rows },
            (_, i) =>
              html`<tr data-row="${String(i)}">
                ${o.columns.map((c) => cell(i, c))}
                <td>
                  <button
                    type="button"
                    class="btn btn-link"
                    data-remove-row
                    aria-label="${o.removeLabel} ${i + 1}"
                  >
                    ${o.removeLabel}
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <button type="button" class="btn btn-secondary" data-add-row>${o.addLabel}</button>
  </fieldset>`;
}

export function formMessage(m: Messages, form: FormState): SafeHtml {
  const fieldProblems = Object.keys(form.errors).length > 0;
  return html`${
    (form.message || fieldProblems) &&
    html`<div class="alert alert-error" role="alert">${form.message ?? m.fixErrors}</div>`
  }`;
}

export const stateBadge = (state: string, label: string) =>
  html`<span class="state state-${state}">${label}</span>`;

export const overdueBadge = (m: Messages) => html`<span class="badge badge-danger">${m.overdue}</span>`;

export function dueText(
  ctx: PageContext,
  dueAt: string | null,
  overdue: boolean,
  provisional = false,
): SafeHtml {
  if (!dueAt && !overdue) return html`<span class="muted">${ctx.m.noDue}</span>`;
  return html`${overdue && overdueBadge(ctx.m)}
  ${dueAt && html`<time datetime="${dueAt}">${formatDateTime(dueAt, ctx.locale)}</time>`}
  ${
    dueAt &&
    provisional &&
    html`<span class="badge badge-muted" title="${ctx.m.dueProvisionalHint}">${ctx.m.dueProvisional}</span>`
  }`;
}

/** A POST form of one button (and hidden fields): every change goes through a form with the CSRF token. */
export function buttonForm(
  ctx: PageContext,
  action: string,
  label: string,
  hidden: Record<string, string> = {},
  style: 'primary' | 'secondary' | 'danger' = 'primary',
): SafeHtml {
  return html`<form method="post" action="${action}" class="inline-form">
    ${csrfField(ctx)}
    ${Object.entries(hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
    <button type="submit" class="btn btn-${style}">${label}</button>
  </form>`;
}

/** A nominating unit, and when it has ended the organisation that continues its work: "Thái Bình → Hưng Yên". */
export function nominatingUnit(
  ctx: PageContext,
  unit: { nameVi: string; nameEn: string; successor: { nameVi: string; nameEn: string } | null },
): SafeHtml {
  const name = (o: { nameVi: string; nameEn: string }) => (ctx.locale === 'en' ? o.nameEn : o.nameVi);
  return html`${name(unit)}${
    unit.successor &&
    html` <span class="muted" title="${ctx.m.successorHint}">→ ${name(unit.successor)}</span>`
  }`;
}
