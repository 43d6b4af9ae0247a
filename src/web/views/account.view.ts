import type { SessionView } from '../../auth/sessions.service';
import { html } from '../html';
import type { PageContext, WebContext } from '../web-context';
import {
  buttonForm,
  csrfField,
  type FormState,
  formatDateTime,
  formMessage,
  inputField,
} from './components.view';
import { layout } from './layout.view';

const passwordFields = (ctx: PageContext, form: FormState) => {
  const blank = { ...form, values: {} };
  return html`${inputField(blank, {
    name: 'newPassword',
    label: ctx.m.newPassword,
    type: 'password',
    required: true,
    autocomplete: 'new-password',
    hint: ctx.m.passwordRules,
  })}
  ${inputField(blank, {
    name: 'confirmPassword',
    label: ctx.m.confirmPassword,
    type: 'password',
    required: true,
    autocomplete: 'new-password',
  })}`;
};

/** The caller's password (forced after a one-time password) and their live sessions. */
export function accountPage(
  ctx: WebContext,
  form: FormState,
  state: { forced: boolean; changed: boolean; sessions: SessionView[] },
): string {
  const { m, locale } = ctx;
  return layout(
    ctx,
    m.changePasswordTitle,
    html`${state.forced && html`<div class="alert alert-error" role="alert">${m.mustChangePassword}</div>`}
      ${state.changed && html`<div class="alert alert-ok" role="status">${m.passwordChanged}</div>`}
      <section class="card" aria-labelledby="password-title">
        <h2 id="password-title">${m.changePasswordTitle}</h2>
        <form method="post" action="/app/account/password" novalidate>
          ${csrfField(ctx)} ${formMessage(m, form)}
          ${inputField(
            { ...form, values: {} },
            {
              name: 'currentPassword',
              label: m.currentPassword,
              type: 'password',
              required: true,
              autocomplete: 'current-password',
            },
          )}
          ${passwordFields(ctx, form)}
          <button type="submit" class="btn btn-primary">${m.changePasswordTitle}</button>
        </form>
      </section>
      ${
        !state.forced &&
        html`<section class="card" aria-labelledby="sessions-title">
          <h2 id="sessions-title">${m.sessionsTitle}</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${m.sessionStarted}</th>
                  <th scope="col">${m.sessionExpires}</th>
                  <th scope="col">${m.sessionAddress}</th>
                  <th scope="col">${m.sessionDevice}</th>
                </tr>
              </thead>
              <tbody>
                ${state.sessions.map(
                  (s) =>
                    html`<tr>
                      <td>
                        ${formatDateTime(s.createdAt, locale)}
                        ${s.current && html`<span class="badge">${m.thisSession}</span>`}
                      </td>
                      <td>${formatDateTime(s.expiresAt, locale)}</td>
                      <td>${s.createdIp ?? m.none}</td>
                      <td>${s.userAgent ?? m.none}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${buttonForm(ctx, '/app/account/sessions/revocation', m.signOutOthers, {}, 'secondary')}
        </section>`
      }`,
  );
}

/** The page a one-time reset link opens. */
export function resetPasswordPage(
  ctx: PageContext,
  form: FormState,
  state: { token: string; email?: string; invalid?: boolean; done?: boolean },
): string {
  const { m } = ctx;
  const body = state.invalid
    ? html`<div class="alert alert-error" role="alert">${m.resetLinkInvalid}</div>
        <p><a href="/app/login">${m.signIn}</a></p>`
    : state.done
      ? html`<div class="alert alert-ok" role="status">${m.passwordResetDone}</div>
          <p><a class="btn btn-primary" href="/app/login">${m.signIn}</a></p>`
      : html`<div class="card login">
          ${formMessage(m, form)}
          <p>${m.email}: <strong>${state.email}</strong></p>
          <form method="post" action="/app/password-reset/${state.token}" novalidate>
            ${passwordFields(ctx, form)}
            <button type="submit" class="btn btn-primary">${m.setPassword}</button>
          </form>
        </div>`;
  return layout(ctx, m.resetPasswordTitle, body);
}
