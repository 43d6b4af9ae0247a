import { flag, html, type HtmlValue, type SafeHtml } from '../html';
import type { Locale, Messages } from '../i18n';
import type { PageContext } from '../web-context';

/** Values a form was submitted with and the problems found, by field name; `message` is for the whole form. */
export interface FormState {
  values: Record<string, string | string[] | undefined>;
  errors: Record<string, string[]>;
  message?: string;
}

export const emptyForm = (values: FormState['values'] = {}): FormState => ({ values, errors: {} });

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function formatDateTime(iso: string | Date | null | undefined, locale: Locale): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string | Date | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const value = typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso;
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
  }).format(new Date(value));
}

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
}

export function inputField(form: FormState, o: FieldOptions): SafeHtml {
  const id = inputId(o.name);
  return html`<div class="field${form.errors[o.name] ? ' has-error' : ''}">
    <label for="${id}">${o.label}${o.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
    <input
      id="${id}"
      name="${o.name}"
      type="${o.type ?? 'text'}"
      ${o.type === 'file' ? '' : html` value="${value(form, o.name)}"`}${flag('required', !!o.required)}${o.step && html` step="${o.step}"`}${o.min && html` min="${o.min}"`}${o.max && html` max="${o.max}"`}${o.autocomplete && html` autocomplete="${o.autocomplete}"`}${described(form, o.name, o.hint)}
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
      ${flag('required', !!o.required)}${described(form, o.name, o.hint)}
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
    <select id="${id}" name="${o.name}" ${flag('required', !!o.required)}${described(form, o.name, o.hint)}>
      ${o.empty !== undefined && html`<option value="">${o.empty}</option>`}
      ${o.options.map(
        (opt) =>
          html`<option value="${opt.value}" ${flag('selected', opt.value === current)}>${opt.label}</option>`,
      )}
    </select>
    ${o.hint && html`<p class="hint" id="${id}-hint">${o.hint}</p>`} ${fieldErrors(form, o.name)}
  </div>`;
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
