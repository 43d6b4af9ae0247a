import { html, type SafeHtml } from '../html';
import { STEP_MESSAGES } from '../steps-i18n';
import type { WebContext } from '../web-context';
import { csrfField } from './components.view';
import { layout } from './layout.view';

export interface Confirmation {
  /** The action as its button names it ("Rút hồ sơ"). */
  action: string;
  /** What it acts on ("Hồ sơ số 2025-000123: Nam Định – Cờ thi đua 2024"). */
  subject: string;
  /** What the person entered, shown back (label and text). */
  details: [string, string][];
  /** Where the confirmed form goes, and its fields (sent again with `confirmed=yes`). */
  post: string;
  fields: [string, string][];
  /** Where "go back" leads: the page the action was started from. */
  back: string;
}

/** The form of a confirmed step: the same fields again with `confirmed=yes`, and a way back that does nothing. */
export function confirmForm(
  ctx: WebContext,
  c: Pick<Confirmation, 'post' | 'fields' | 'back'>,
  label: string,
  danger = true,
): SafeHtml {
  const s = STEP_MESSAGES[ctx.locale];
  return html`<form method="post" action="${c.post}" class="confirm-form" data-confirm-step>
    ${csrfField(ctx)} ${c.fields.map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
    <input type="hidden" name="confirmed" value="yes" />
    <div class="confirm-buttons">
      <a class="btn btn-secondary" href="${c.back}">${s.confirmCancel}</a>
      <button type="submit" class="btn ${danger ? 'btn-danger' : 'btn-primary'}">${label}</button>
    </div>
  </form>`;
}

/** The step between an irreversible button and the act: what will happen, that it cannot be undone, confirm or go back. */
export function confirmPage(ctx: WebContext, c: Confirmation): string {
  const s = STEP_MESSAGES[ctx.locale];
  return layout(
    ctx,
    s.confirmTitle,
    html`<section
      class="card confirm"
      role="alertdialog"
      aria-labelledby="confirm-what"
      aria-describedby="confirm-undo"
    >
      <p id="confirm-what"><strong>${s.confirmWhat(c.action, c.subject)}</strong></p>
      ${
        c.details.length > 0 &&
        html`<dl class="facts">
          ${c.details.map(
            ([label, text]) =>
              html`<dt>${label}</dt>
                <dd>${text}</dd>`,
          )}
        </dl>`
      }
      <p id="confirm-undo" class="alert alert-error">${s.confirmIrreversible}</p>
      ${confirmForm(ctx, c, s.confirmDo(c.action))}
    </section>`,
  );
}
