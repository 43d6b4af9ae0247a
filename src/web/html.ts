/**
 * Server-side HTML with strict escaping: every value interpolated into `html` is escaped unless it is itself the
 * result of `html` (or `raw`, for the few constant strings that are markup). Arrays are joined, `null`,
 * `undefined` and `false` render nothing, so templates can use `cond && html\`…\`` and `.map()` directly.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Markup the code itself wrote (never anything that came from a request or the database). */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/** `selected`, `checked`, `disabled`… when the condition holds. */
export const flag = (name: 'selected' | 'checked' | 'disabled' | 'open' | 'required', on: boolean) =>
  on ? raw(` ${name}`) : raw('');
