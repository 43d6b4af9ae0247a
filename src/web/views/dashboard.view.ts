import type { DashboardData } from '../dashboard-source';
import { flag, html, type SafeHtml } from '../html';
import { pick } from '../i18n';
import type { WebContext } from '../web-context';
import { csrfField, type FormState, formMessage, selectField } from './components.view';
import { nominationRows } from './home.view';
import { layout } from './layout.view';

export interface PmListAward {
  code: string;
  nameVi: string;
  nameEn: string;
}

export function dashboardPage(
  ctx: WebContext,
  form: FormState,
  data: DashboardData | null,
  unconfirmedYears: number[] = [],
  pmLists: { awards: PmListAward[]; form: FormState } = { awards: [], form: { values: {}, errors: {} } },
): string {
  const { m, locale } = ctx;
  const years = Array.from({ length: 6 }, (_, i) => String(new Date().getUTCFullYear() - i));
  return layout(
    ctx,
    m.dashboardTitle,
    html`<form method="get" action="/app/dashboard" class="card filters">
        ${selectField(form, { name: 'year', label: m.year, empty: m.any, options: years.map((y) => ({ value: y, label: y })) })}
        <div class="field"><button type="submit" class="btn btn-primary">${m.apply}</button></div>
      </form>
      ${formMessage(m, form)}
      ${unconfirmedYears.map(
        (year) =>
          html`<p class="alert alert-info" data-calendar-unconfirmed="${year}">
            ${m.calendarUnconfirmed.replace('{year}', String(year))}
            ${ctx.principal.role === 'ADMIN' && html` <a href="/app/admin/calendar?year=${year}">${m.calendar}</a>`}
          </p>`,
      )}
      ${
        data &&
        html`<section class="card" aria-labelledby="summary-title">
            <h2 id="summary-title">${m.byClusterAward}</h2>
            ${data.truncated && html`<p class="alert alert-info">${m.truncated}</p>`}
            <div class="table-wrap">
              <table data-summary>
                <thead>
                  <tr>
                    <th scope="col">${m.cluster}</th>
                    <th scope="col">${m.award}</th>
                    ${data.states.map((s) => html`<th scope="col" class="num">${s.label[locale]}</th>`)}
                    <th scope="col" class="num">${m.sum}</th>
                  </tr>
                </thead>
                <tbody>
                  ${data.rows.map(
                    (r) =>
                      html`<tr>
                        <th scope="row">${r.cluster ? pick(r.cluster, locale) : m.withoutCluster}</th>
                        <td>${pick(r.award, locale)}</td>
                        ${data.states.map((s) => html`<td class="num">${r.counts[s.key] ?? ''}</td>`)}
                        <td class="num"><strong>${r.total}</strong></td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </section>
          <section class="card" aria-labelledby="stages-title">
            <h2 id="stages-title">${m.stageTimes}</h2>
            ${stageChart(ctx, data)}
          </section>
          <section class="card" aria-labelledby="overdue-title">
            <h2 id="overdue-title">
              ${m.overdueList} <span class="badge badge-danger">${data.overdue.length}</span>
            </h2>
            ${data.overdue.length === 0 ? html`<p class="muted">${m.noOverdue}</p>` : nominationRows(ctx, data.overdue)}
          </section>
          <p>
            <a class="btn" href="/nominations/export.xlsx${data.year ? `?year=${data.year}` : ''}"
              >${m.exportXlsx}</a
            >
          </p>`
      }
      ${pmLists.awards.length > 0 && pmListForms(ctx, years, pmLists)}`,
  );
}

/** The Board's lists for the Prime Minister, per award and year, in PDF or DOCX. */
function pmListForms(
  ctx: WebContext,
  years: string[],
  pmLists: { awards: PmListAward[]; form: FormState },
): SafeHtml {
  const { m, locale } = ctx;
  return html`<section class="card" aria-labelledby="pm-list-title">
    <h2 id="pm-list-title">${m.pmListTitle}</h2>
    ${pmLists.form.message && html`<div class="alert alert-error" role="alert">${pmLists.form.message}</div>`}
    ${pmLists.awards.map(
      (a) =>
        html`<form method="post" action="/app/dashboard/pm-list" class="filters" data-pm-list="${a.code}">
          ${csrfField(ctx)}
          <input type="hidden" name="awardType" value="${a.code}" />
          <div class="field"><strong>${pick(a, locale)}</strong></div>
          <div class="field">
            <label for="pm-list-year-${a.code}">${m.year}</label>
            <select id="pm-list-year-${a.code}" name="year">
              ${years.map(
                (y) =>
                  html`<option value="${y}" ${flag('selected', y === pmLists.form.values.year)}>
                    ${y}
                  </option>`,
              )}
            </select>
          </div>
          <div class="field actions">
            <button type="submit" name="format" value="pdf" class="btn btn-secondary">${m.pmListPdf}</button>
            <button type="submit" name="format" value="docx" class="btn btn-secondary">
              ${m.pmListDocx}
            </button>
          </div>
        </form>`,
    )}
  </section>`;
}

/** Median and 90th percentile per stage as horizontal bars (widths relative to the longest), readable as a table. */
function stageChart(ctx: WebContext, data: DashboardData): SafeHtml {
  const { m, locale } = ctx;
  const max = Math.max(1, ...data.stages.map((s) => s.p90 ?? 0));
  const bar = (value: number | null, cls: string) =>
    // The page's CSP forbids inline styles: widths are classes in tenths.
    value === null ? '' : html`<span class="bar ${cls} w${Math.round((value / max) * 10)}">${value}</span>`;
  return html`<div class="table-wrap">
    <table data-stages>
      <thead>
        <tr>
          <th scope="col">${m.stage}</th>
          <th scope="col" class="num">${m.completedCount}</th>
          <th scope="col">${m.median} / ${m.p90}</th>
        </tr>
      </thead>
      <tbody>
        ${data.stages.map(
          (s) =>
            html`<tr>
              <th scope="row">${s.label[locale]}</th>
              <td class="num">${s.completed}</td>
              <td>${bar(s.median, 'bar-median')} ${bar(s.p90, 'bar-p90')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
