import { html } from '../html';
import type { PageContext } from '../web-context';
import { csrfField, type FormState, formMessage, inputField } from './components.view';
import { layout } from './layout.view';

export function loginPage(ctx: PageContext, form: FormState, next: string): string {
  const { m } = ctx;
  return layout(
    ctx,
    m.signInTitle,
    html`<div class="card login">
      ${formMessage(m, form)}
      <form method="post" action="/app/login" novalidate>
        ${csrfField(ctx)}
        <input type="hidden" name="next" value="${next}" />
        ${inputField(form, { name: 'email', label: m.email, type: 'email', required: true, autocomplete: 'username' })}
        ${inputField(
          { ...form, values: {} },
          {
            name: 'password',
            label: m.password,
            type: 'password',
            required: true,
            autocomplete: 'current-password',
          },
        )}
        <button type="submit" class="btn btn-primary">${m.signIn}</button>
      </form>
    </div>`,
  );
}
