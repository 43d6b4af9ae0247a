import { isCentral } from '../../auth/roles';
import { REGISTER_MESSAGES } from '../register-i18n';
import { html, type SafeHtml } from '../html';
import type { PageContext } from '../web-context';
import { csrfField } from './components.view';
import { STEP_MESSAGES } from '../steps-i18n';
import { decisionsNavLabel } from '../decisions-nav';

/** htmx settings: no inline styles or eval (the pages run under a strict Content-Security-Policy). */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  selfRequestsOnly: true,
});

function nav(ctx: PageContext): SafeHtml {
  const user = ctx.user;
  if (!user) return html``;
  const { m } = ctx;
  const role = user.principal.role;
  const links: [string, string][] = [
    ['/app', m.navHome],
    ['/app/nominations', m.navNominations],
    ...(role === 'NOMINATOR' ? ([['/app/nominations/new', m.navNewNomination]] as [string, string][]) : []),
    ['/app/register', REGISTER_MESSAGES[ctx.locale].navRegister],
    ['/app/clusters', m.navCluster],
    ['/app/voting-sessions', m.navVoting],
    ...(role === 'COUNCIL_MEMBER' || role === 'COUNCIL_SECRETARY'
      ? ([['/app/council', STEP_MESSAGES[ctx.locale].councilTitle]] as [string, string][])
      : []),
    ...(role === 'PM_OFFICE' || role === 'COUNCIL_SECRETARY'
      ? ([
          [
            '/app/decisions',
            decisionsNavLabel(ctx.locale, role === 'PM_OFFICE' ? 'primeMinister' : 'council'),
          ],
        ] as [string, string][])
      : []),
    ...(isCentral(role) ? ([['/app/dashboard', m.navDashboard]] as [string, string][]) : []),
    ...(role === 'ADMIN' ? ([['/app/admin', m.navAdmin]] as [string, string][]) : []),
  ];
  const current = ctx.path.split('?')[0];
  const active = links
    .map(([href]) => href)
    .filter((href) => current === href || (href !== '/app' && current.startsWith(`${href}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return html`<nav class="main-nav" aria-label="${m.appName}">
    <ul>
      ${links.map(
        ([href, label]) =>
          html`<li>
            <a href="${href}" ${href === (active ?? current) ? html` aria-current="page"` : ''}>${label}</a>
          </li>`,
      )}
    </ul>
  </nav>`;
}

export function layout(ctx: PageContext, title: string, body: SafeHtml): string {
  const { m } = ctx;
  const other = ctx.locale === 'vi' ? 'en' : 'vi';
  const user = ctx.user;
  return `<!doctype html>${html`<html lang="${ctx.locale}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="htmx-config" content="${HTMX_CONFIG}" />
      <title>${title} · ${m.appName}</title>
      <link rel="icon" href="/app/assets/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/app/assets/app.css" />
      <script src="/app/assets/htmx.min.js" defer></script>
      <script src="/app/assets/app.js" defer></script>
    </head>
    <body${ctx.csrf ? html` hx-headers="${JSON.stringify({ 'x-csrf-token': ctx.csrf })}"` : ''}>
      <a class="skip-link" href="#main">${m.skipToContent}</a>
      <header class="top">
        <div class="top-inner">
          <a class="brand" href="/app">${m.appName}</a>
          ${nav(ctx)}
          <div class="top-tools">
            ${
              user &&
              html`<a class="inbox-link" href="/app#inbox" data-live-inbox
                  ><span class="visually-hidden">${m.inbox}: </span
                  ><span class="inbox-count" data-unread-count aria-live="polite"></span
                ></a>
                <span class="who"
                  ><a class="who-name" href="/app/account" title="${m.navAccount} · ${user.principal.email}"
                    >${user.principal.fullName || user.principal.email}</a
                  ><span class="who-role">${user.roleLabel} · ${user.organizationName}</span></span
                >`
            }
            <a class="lang" href="/app/lang/${other}?next=${encodeURIComponent(ctx.path)}" lang="${other}"
              >${m.switchLanguage}</a
            >
            ${
              user &&
              html`<form method="post" action="/app/logout" class="inline-form">
                ${csrfField(ctx)}<button type="submit" class="btn btn-link">${m.signOut}</button>
              </form>`
            }
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1">
        <h1>${title}</h1>
        ${body}
      </main>
      <footer class="bottom">${m.appTagline}</footer>
    </body>
  </html>`}`;
}
