import type { NominationView } from '../../nominations/nominations.service';
import type { NotificationView } from '../../notifications/notifications.service';
import { html, type SafeHtml } from '../html';
import { pick } from '../i18n';
import type { MyWorkService } from '../my-work.service';
import type { PageContext, WebContext } from '../web-context';
import type { SortDirection, WorklistSort } from '../../nominations/nomination-worklist.service';
import { STEP_MESSAGES } from '../steps-i18n';
import {
  csrfField,
  dueText,
  formatDate,
  formatDateTime,
  nominatingUnit,
  stateBadge,
} from './components.view';
import { layout } from './layout.view';

type MyWork = Awaited<ReturnType<MyWorkService['load']>>;

const localLink = (link: string): string => {
  try {
    const url = new URL(link, 'http://local');
    return `${url.pathname}${url.search}`;
  } catch {
    return '/app';
  }
};

/** The order a list is in, and where each column's header leads (the same column again turns the direction). */
export interface RowsOrder {
  sort: WorklistSort;
  dir: SortDirection;
  href: (by: WorklistSort) => string;
}

export function nominationRows(
  ctx: PageContext,
  items: NominationView[],
  withActions = false,
  order?: RowsOrder,
): SafeHtml {
  const { m, locale } = ctx;
  const s = STEP_MESSAGES[locale];
  const header = (by: WorklistSort, label: string) => {
    if (!order) return html`<th scope="col">${label}</th>`;
    const current = order.sort === by;
    const sorted = current ? (order.dir === 'asc' ? 'ascending' : 'descending') : null;
    return html`<th scope="col" ${sorted ? html` aria-sort="${sorted}"` : ''} data-sort="${by}">
      <a class="sort" href="${order.href(by)}" title="${s.sortBy(label)}"
        >${label}${current ? (order.dir === 'asc' ? ' ▲' : ' ▼') : ''}</a
      >${current && html`<span class="visually-hidden"> (${order.dir === 'asc' ? s.ascending : s.descending})</span>`}
    </th>`;
  };
  return html`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          ${header('number', m.dossierNumber)} ${header('name', m.nominee)}
          <th scope="col">${m.award}</th>
          <th scope="col">${m.nominatingUnit}</th>
          <th scope="col">${m.state}</th>
          ${header('submitted', s.submittedAt)} ${header('due', m.dueAt)}
          ${withActions && html`<th scope="col">${m.canDo}</th>`}
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (n) =>
            html`<tr class="${n.overdue ? 'is-overdue' : ''}">
              <td><a href="/app/nominations/${n.id}">${n.dossierNumber}</a></td>
              <td>
                <a href="/app/nominations/${n.id}">${n.nominee.name}</a> <span class="muted">${n.year}</span>
              </td>
              <td>${pick(n.awardType, locale)}</td>
              <td>${nominatingUnit(ctx, n.nominatingOrganization)}</td>
              <td>${stateBadge(n.state, n.stateLabel[locale])}</td>
              <td data-submitted>
                ${n.submittedAt ? html`<time datetime="${n.submittedAt}">${formatDate(n.submittedAt)}</time>` : ''}
              </td>
              <td>${dueText(ctx, n.dueAt, n.overdue, n.dueProvisional)}</td>
              ${withActions && html`<td>${n.allowedEvents.map((e) => e.label[locale]).join(', ')}</td>`}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function inboxPanel(ctx: WebContext, items: NotificationView[], unread: number): SafeHtml {
  const { m, locale } = ctx;
  return html`<section
    id="inbox"
    class="card"
    aria-labelledby="inbox-title"
    hx-get="/app/inbox"
    hx-trigger="inbox-changed from:body"
    hx-swap="outerHTML"
  >
    <h2 id="inbox-title">${m.inbox} <span class="badge badge-muted" data-inbox-count>${unread}</span></h2>
    <p><a href="/app/notifications" data-see-all>${STEP_MESSAGES[locale].seeAll}</a></p>
    ${
      items.length === 0
        ? html`<p class="muted">${m.inboxEmpty}</p>`
        : html`<ul class="inbox-list">
              ${items.map(
                (n) =>
                  html`<li>
                    <a href="${localLink(n.link)}">${n.titles[locale]}</a>
                    <span class="muted">${formatDateTime(n.createdAt, locale)}</span>
                    <form
                      method="post"
                      action="/app/notifications/${n.id}/read"
                      class="inline-form"
                      hx-post="/app/notifications/${n.id}/read"
                      hx-target="#inbox"
                      hx-swap="outerHTML"
                    >
                      ${csrfField(ctx)}<button type="submit" class="btn-link">${m.markRead}</button>
                    </form>
                  </li>`,
              )}
            </ul>
            <form
              method="post"
              action="/app/notifications/read-all"
              hx-post="/app/notifications/read-all"
              hx-target="#inbox"
              hx-swap="outerHTML"
            >
              ${csrfField(ctx)}<button type="submit" class="btn btn-secondary">${m.markAllRead}</button>
            </form>`
    }
  </section>`;
}

/** Every notification of the user, read or not, newest first, a page at a time. */
export function notificationsPage(
  ctx: WebContext,
  list: { items: NotificationView[]; nextCursor: string | null; unread: number },
  paged: boolean,
): string {
  const { m, locale } = ctx;
  const s = STEP_MESSAGES[locale];
  return layout(
    ctx,
    s.notificationsTitle,
    html`<p>${s.unread}: <strong data-unread>${list.unread}</strong></p>
      ${
        list.items.length === 0
          ? html`<p class="muted">${s.notificationsEmpty}</p>`
          : html`<ul class="inbox-list" data-notifications>
              ${list.items.map(
                (n) =>
                  html`<li data-read="${n.read ? 'yes' : 'no'}">
                    <a href="${localLink(n.link)}">${n.titles[locale]}</a>
                    <span class="muted">${formatDateTime(n.createdAt, locale)}</span>
                    <span class="badge ${n.read ? 'badge-muted' : 'badge-ok'}"
                      >${n.read ? s.read : s.unread}</span
                    >
                  </li>`,
              )}
            </ul>`
      }
      <p class="actions" data-paging>
        ${paged && html`<a class="btn btn-secondary" href="/app/notifications">${m.firstPage}</a>`}
        ${
          list.nextCursor &&
          html`<a class="btn btn-secondary" href="/app/notifications?cursor=${list.nextCursor}"
            >${m.nextPage}</a
          >`
        }
      </p>`,
  );
}

export function homePage(ctx: WebContext, work: MyWork): string {
  const { m, locale } = ctx;
  const sessionLink = (s: MyWork['toVote'][number]) =>
    html`<li>
      <a href="/app/voting-sessions/${s.id}">${pick(s.cluster, locale)} – ${s.year}</a>
      ${stateBadge(s.state, s.stateLabel[locale])}
      ${s.closesAt && html`<span class="muted">${m.closesAt}: ${formatDateTime(s.closesAt, locale)}</span>`}
    </li>`;
  return layout(
    ctx,
    m.homeTitle,
    html`<div class="grid-home">
      <section class="card" aria-labelledby="waiting-title">
        <h2 id="waiting-title">
          ${m.waitingForMe} <span class="badge badge-muted">${work.waiting.length}</span>
        </h2>
        ${
          work.waiting.length === 0
            ? html`<p class="muted">${m.nothingWaiting}</p>`
            : nominationRows(ctx, work.waiting, true)
        }
      </section>
      <div>
        ${
          (ctx.principal.role === 'CLUSTER_VOTER' || work.toVote.length > 0) &&
          html`<section class="card" aria-labelledby="vote-title">
            <h2 id="vote-title">${m.openVotes}</h2>
            ${
              work.toVote.length === 0
                ? html`<p class="muted">${m.noOpenVotes}</p>`
                : html`<ul>
                    ${work.toVote.map(sessionLink)}
                  </ul>`
            }
          </section>`
        }
        ${
          work.toRun.length > 0 &&
          html`<section class="card" aria-labelledby="run-title">
            <h2 id="run-title">${m.sessionsToRun}</h2>
            <ul>
              ${work.toRun.map(sessionLink)}
            </ul>
          </section>`
        }
        ${inboxPanel(ctx, work.inbox.items, work.inbox.unread)}
      </div>
    </div>`,
  );
}
