import type { Worklist } from '../../nominations/nomination-worklist.service';
import type { DocumentsService } from '../../nominations/documents.service';
import type { NominationView } from '../../nominations/nominations.service';
import { html } from '../html';
import { pick } from '../i18n';
import { STEP_MESSAGES } from '../steps-i18n';
import type { WebContext } from '../web-context';
import { formatDate, nominatingUnit } from './components.view';
import { layout } from './layout.view';

type Document = Awaited<ReturnType<DocumentsService['list']>>[number];

export function councilPage(
  ctx: WebContext,
  list: Worklist,
  rows: { nomination: NominationView; documents: Document[] }[],
): string {
  const { m, locale } = ctx;
  const s = STEP_MESSAGES[locale];
  return layout(
    ctx,
    s.councilTitle,
    html`<p class="muted">${s.councilIntro}</p>
      <p data-total><strong>${s.total(list.total)}</strong></p>
      ${
        rows.length === 0
          ? html`<p class="muted">${s.councilEmpty}</p>`
          : html`<div class="table-wrap">
              <table data-council-list>
                <thead>
                  <tr>
                    <th scope="col">${m.dossierNumber}</th>
                    <th scope="col">${m.nominee}</th>
                    <th scope="col">${m.award}</th>
                    <th scope="col">${m.nominatingUnit}</th>
                    <th scope="col">${s.submittedAt}</th>
                    <th scope="col">${s.documents}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    ({ nomination: n, documents }) =>
                      html`<tr data-nomination="${n.id}">
                        <td><a href="/app/nominations/${n.id}">${n.dossierNumber}</a></td>
                        <td><a href="/app/nominations/${n.id}">${n.nominee.name}</a></td>
                        <td>${pick(n.awardType, locale)} ${n.year}</td>
                        <td>${nominatingUnit(ctx, n.nominatingOrganization)}</td>
                        <td>${formatDate(n.submittedAt)}</td>
                        <td>
                          <ul class="plain">
                            ${documents.map(
                              (d) =>
                                html`<li>
                                  <a href="/nominations/${n.id}/documents/${d.id}" download
                                    >${d.kindLabel[locale]}</a
                                  >
                                </li>`,
                            )}
                          </ul>
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      <p class="actions">
        ${list.page > 1 && html`<a class="btn btn-secondary" href="/app/council?page=${String(list.page - 1)}">${s.previousPage}</a>`}
        <span>${s.pageOf(list.page, list.pages)}</span>
        ${list.page < list.pages && html`<a class="btn btn-secondary" href="/app/council?page=${String(list.page + 1)}">${m.nextPage}</a>`}
      </p>`,
  );
}
