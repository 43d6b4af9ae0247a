import type { Eligibility } from '../../register/eligibility.service';
import type { EntryView } from '../../register/register.service';
import { html, type SafeHtml } from '../html';
import { pick } from '../i18n';
import { REGISTER_MESSAGES } from '../register-i18n';
import type { PageContext, WebContext } from '../web-context';
import { formatDate } from './components.view';
import { layout } from './layout.view';

export interface RegisterPageData {
  organization: { id: string; nameVi: string; nameEn: string };
  organizations: { id: string; nameVi: string; nameEn: string }[];
  year: number;
  entries: EntryView[];
  suggestions: {
    awardType: { code: string; nameVi: string; nameEn: string };
    nominee: { kind: 'individual' | 'collective'; name: string };
    eligibility: Eligibility;
  }[];
}

function entryRow(ctx: PageContext, e: EntryView): SafeHtml {
  const r = REGISTER_MESSAGES[ctx.locale];
  return html`<tr class="${e.revoked ? 'revoked' : ''}">
    <td>${String(e.year)}</td>
    <td>${e.person ? e.person.fullName : pick(e.organization, ctx.locale)}</td>
    <td>${e.title[ctx.locale]}</td>
    <td>${e.decisionNumber} (${formatDate(e.decisionDate, ctx.locale)}), ${e.decidingBody}</td>
    <td>${e.source === 'thidua' ? r.sourceThidua : r.sourceImport}</td>
    <td>
      ${
        e.revoked
          ? html`<span class="badge badge-danger">${r.revoked}</span> ${e.revocation?.decisionNumber ?? ''}
              ${e.revocation?.reason ?? ''}`
          : html`<span class="badge">${r.inForce}</span>`
      }
    </td>
  </tr>`;
}

export function registerPage(ctx: WebContext, d: RegisterPageData): string {
  const r = REGISTER_MESSAGES[ctx.locale];
  return layout(
    ctx,
    r.registerTitle,
    html`<form method="get" action="/app/register" class="filters">
        <label
          >${r.registerOf}
          <select name="organizationId">
            ${d.organizations.map(
              (o) =>
                html`<option value="${o.id}" ${o.id === d.organization.id ? 'selected' : ''}>
                  ${pick(o, ctx.locale)}
                </option>`,
            )}
          </select></label
        >
        <label>${r.registerYear} <input type="number" name="year" value="${String(d.year)}" /></label>
        <button type="submit" class="btn">${r.registerShow}</button>
      </form>
      <section class="card" aria-labelledby="eligible-title">
        <h2 id="eligible-title">${r.eligibleTitle} (${String(d.year)})</h2>
        ${
          d.suggestions.length === 0
            ? html`<p class="muted">${r.eligibleNone}</p>`
            : html`<table class="table eligible">
                <thead>
                  <tr>
                    <th>${r.eligibleAward}</th>
                    <th>${r.eligibleNominee}</th>
                    <th>${r.evidence}</th>
                  </tr>
                </thead>
                <tbody>
                  ${d.suggestions.map(
                    (s) =>
                      html`<tr>
                        <td>${pick(s.awardType, ctx.locale)}</td>
                        <td>${s.nominee.name}</td>
                        <td>
                          ${s.eligibility.criteria.map(
                            (c) =>
                              html`<div>
                                ${c.label[ctx.locale]}:
                                ${c.evidence.map((e) => `${e.title[ctx.locale]} ${e.year}`).join('; ')}
                              </div>`,
                          )}
                          ${!s.eligibility.verified && html`<small class="muted">${r.eligibilityUnverified}</small>`}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </section>
      <section class="card" aria-labelledby="entries-title">
        <h2 id="entries-title">${r.registerEntries} – ${pick(d.organization, ctx.locale)}</h2>
        <p><a href="/register/import-template.xlsx">${r.templateLink}</a></p>
        <p class="muted">${r.importHint}</p>
        ${
          d.entries.length === 0
            ? html`<p class="muted">${r.registerEmpty}</p>`
            : html`<table class="table register">
                <thead>
                  <tr>
                    <th>${r.registerYear}</th>
                    <th>${r.registerSubject}</th>
                    <th>${r.registerTitleCol}</th>
                    <th>${r.registerDecision}</th>
                    <th>${r.registerSource}</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  ${d.entries.map((e) => entryRow(ctx, e))}
                </tbody>
              </table>`
        }
      </section>`,
  );
}

/** The panel on a nomination: each criterion of the award's standard, met or not, with its evidence. */
export function eligibilityPanel(ctx: PageContext, e: Eligibility | null): SafeHtml {
  if (!e) return html``;
  const r = REGISTER_MESSAGES[ctx.locale];
  return html`<section class="card eligibility" aria-labelledby="eligibility-title">
    <h2 id="eligibility-title">${r.eligibilityTitle}</h2>
    ${
      !e.hasStandard
        ? html`<p class="muted">${r.eligibilityNoStandard}</p>`
        : html`${!e.verified && html`<p class="alert alert-info">${r.eligibilityUnverified}</p>`}
            ${e.blockingUnmet > 0 && html`<p class="field-error" role="alert">${String(e.blockingUnmet)} ${r.blockingSummary}</p>`}
            ${e.warningsUnmet > 0 && html`<p class="muted">${String(e.warningsUnmet)} ${r.warningSummary}</p>`}
            <ul class="criteria">
              ${e.criteria.map(
                (c) =>
                  html`<li class="${c.met ? 'met' : 'unmet'}">
                    <span class="badge ${c.met ? '' : 'badge-danger'}"
                      >${c.met ? r.criterionMet : r.criterionUnmet}</span
                    >
                    ${c.label[ctx.locale]}
                    <small>(${c.severity === 'blocking' ? r.blocking : r.warning})</small>
                    <div class="muted">
                      ${r.evidence}:
                      ${
                        c.evidence.length === 0
                          ? r.noEvidence
                          : c.evidence
                              .map((v) => `${v.title[ctx.locale]} ${v.year} (${v.decisionNumber})`)
                              .join('; ')
                      }
                    </div>
                  </li>`,
              )}
            </ul>`
    }
  </section>`;
}
