import { html, type SafeHtml } from '../html';
import { pick } from '../i18n';
import type { ClusterPagesService } from '../cluster-pages.service';
import type { WebContext } from '../web-context';
import {
  buttonForm,
  csrfField,
  emptyForm,
  formatDateTime,
  formatDecimal,
  type FormState,
  formMessage,
  formatNumber,
  inputField,
  rowsField,
  stateBadge,
} from './components.view';
import { layout } from './layout.view';

type Year = Awaited<ReturnType<ClusterPagesService['year']>>;
type Mine = Awaited<ReturnType<ClusterPagesService['mine']>>;

export interface ClusterForms {
  agreement?: FormState;
  scores?: FormState;
  review?: FormState;
  sign?: FormState;
  proposal?: FormState;
}

export function clustersPage(ctx: WebContext, mine: Mine): string {
  const { m, locale } = ctx;
  const now = new Date().getUTCFullYear();
  return layout(
    ctx,
    m.navCluster,
    html`<ul>
      ${mine.clusters.map(
        (c) =>
          html`<li>
            ${pick(c, locale)}:
            ${[now - 2, now - 1, now].map(
              (y) => html` <a href="/app/clusters/${c.id}/years/${String(y)}">${y}</a>`,
            )}
          </li>`,
      )}
    </ul>`,
  );
}

function agreementSection(ctx: WebContext, d: Year, forms: ClusterForms): SafeHtml {
  const { m, locale } = ctx;
  const base = `/app/clusters/${d.composition.cluster.id}/years/${d.composition.year}`;
  const a = d.agreement;
  if (!a) {
    const form = forms.agreement ?? emptyForm();
    return html`<section class="card" aria-labelledby="agreement-title">
      <h2 id="agreement-title">${m.agreement}</h2>
      <p class="muted">${m.noAgreement}</p>
      ${
        (d.leads || d.ledBefore) &&
        html`<form method="post" action="${base}/agreement" novalidate>
          ${csrfField(ctx)} ${formMessage(m, form)}
          ${inputField(form, { name: 'title', label: m.title, required: true })}
          ${rowsField(form, {
            name: 'criteria',
            legend: m.criteria,
            hint: m.criteriaHint,
            minRows: 3,
            addLabel: m.addCriterion,
            removeLabel: m.removeRow,
            columns: [
              { key: 'name', label: m.criterionName, required: true },
              { key: 'maxScore', label: m.maxScore, required: true, inputmode: 'decimal' },
              { key: 'weight', label: m.weight, required: true, inputmode: 'decimal' },
              { key: 'code', label: m.criterionCode },
            ],
          })}
          <button type="submit" class="btn btn-primary">${m.createAgreement}</button>
        </form>`
      }
    </section>`;
  }
  const mine = d.memberOrg ? a.members.find((x) => x.organization.id === d.memberOrg) : undefined;
  return html`<section class="card" aria-labelledby="agreement-title">
    <h2 id="agreement-title">${m.agreement}: ${a.title} ${stateBadge(a.state, a.stateLabel[locale])}</h2>
    ${forms.sign?.message && html`<div class="alert alert-error" role="alert">${forms.sign.message}</div>`}
    <p>${m.signed}: <strong data-signed>${a.signed}/${a.members.length}</strong></p>
    ${a.state === 'signing' && mine && !mine.signedAt && buttonForm(ctx, `${base}/agreement/signatures`, m.sign)}
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${m.members}</th>
            <th scope="col">${m.status}</th>
          </tr>
        </thead>
        <tbody>
          ${a.members.map(
            (x) =>
              html`<tr>
                <td>${pick(x.organization, locale)}</td>
                <td>
                  ${
                    x.signedAt
                      ? html`<span class="badge badge-ok">${m.signed}</span>
                          ${formatDateTime(x.signedAt, locale)}`
                      : html`<span class="badge badge-muted">${m.notSigned}</span>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h3>${m.criteria}</h3>
    <ul>
      ${a.criteria.map(
        (c) =>
          html`<li>
            ${c.code} – ${c.name} (${m.weight} ${formatDecimal(c.weight, locale)}, ${m.maxScore}
            ${formatDecimal(c.maxScore, locale)})
          </li>`,
      )}
    </ul>
  </section>`;
}

function evaluationSection(ctx: WebContext, d: Year, forms: ClusterForms): SafeHtml {
  const { m, locale } = ctx;
  const a = d.agreement;
  if (!a || a.state !== 'inForce') return html``;
  const base = `/app/clusters/${d.composition.cluster.id}/years/${d.composition.year}`;
  const mine = d.evaluations.find((e) => e.organization.id === d.memberOrg);
  const scores = forms.scores ?? {
    values: Object.fromEntries(Object.entries(mine?.scores ?? {}).map(([k, v]) => [`score.${k}`, String(v)])),
    errors: {},
  };
  const review = forms.review ?? emptyForm();
  return html`${
      d.memberOrg &&
      mine?.status !== 'confirmed' &&
      html`<section class="card" aria-labelledby="scores-title">
        <h2 id="scores-title">${m.scores}</h2>
        ${mine?.status === 'returned' && mine.note && html`<div class="alert alert-info">${m.lastReason}: ${mine.note}</div>`}
        <form method="post" action="${base}/evaluations" novalidate>
          ${csrfField(ctx)} ${formMessage(m, scores)}
          ${a.criteria.map((c) =>
            inputField(scores, {
              name: `score.${c.code}`,
              label: `${c.name} (0–${formatDecimal(c.maxScore, locale)})`,
              type: 'number',
              min: '0',
              max: String(c.maxScore),
              step: 'any',
              required: true,
            }),
          )}
          <button type="submit" class="btn btn-primary">${m.submitScores}</button>
        </form>
      </section>`
    }
    <section class="card" aria-labelledby="evaluations-title">
      <h2 id="evaluations-title">${m.evaluations}</h2>
      ${review.message && html`<div class="alert alert-error" role="alert">${review.message}</div>`}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${m.members}</th>
              <th scope="col" class="num">${m.total}</th>
              <th scope="col">${m.status}</th>
              ${d.leads && html`<th scope="col">${m.actions}</th>`}
            </tr>
          </thead>
          <tbody>
            ${d.evaluations.map(
              (e) =>
                html`<tr>
                  <td>${pick(e.organization, locale)}</td>
                  <td class="num">${formatNumber(e.total, 2, locale)}</td>
                  <td>
                    ${m.evaluationStatus[e.status] ?? e.status}${e.note && html` <span class="muted">(${e.note})</span>`}
                  </td>
                  ${
                    d.leads &&
                    html`<td>
                      ${
                        e.status === 'submitted' &&
                        html`${buttonForm(
                            ctx,
                            `${base}/evaluations/${e.organization.id}/confirm`,
                            m.confirm,
                            {
                              submittedAt: e.submittedAt,
                            },
                          )}
                          <form
                            method="post"
                            action="${base}/evaluations/${e.organization.id}/return"
                            class="inline-form"
                          >
                            ${csrfField(ctx)}
                            <label class="visually-hidden" for="return-${e.organization.id}"
                              >${m.reason}</label
                            >
                            <input id="return-${e.organization.id}" name="reason" placeholder="${m.reason}" />
                            <button type="submit" class="btn btn-secondary">${m.returnIt}</button>
                          </form>`
                      }
                    </td>`
                  }
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
}

export function clusterYearPage(ctx: WebContext, d: Year, forms: ClusterForms = {}): string {
  const { m, locale } = ctx;
  const c = d.composition;
  return layout(
    ctx,
    `${pick(c.cluster, locale)} – ${m.clusterYearTitle(c.year)}`,
    html`<p class="actions">
        <a href="/app/clusters/${c.cluster.id}/years/${String(c.year - 1)}">← ${c.year - 1}</a>
        <a href="/app/clusters/${c.cluster.id}/years/${String(c.year + 1)}">${c.year + 1} →</a>
      </p>
      <div class="grid">
        <section class="card" aria-labelledby="members-title">
          <h2 id="members-title">${m.members} (${c.members.length})</h2>
          <dl class="facts">
            <dt>${m.leader}</dt>
            <dd>${c.leader ? pick(c.leader, locale) : m.none}</dd>
            <dt>${m.deputies}</dt>
            <dd>${c.deputies.length > 0 ? c.deputies.map((o) => pick(o, locale)).join(', ') : m.none}</dd>
          </dl>
          <ul>
            ${c.members.map((o) => html`<li>${pick(o, locale)}</li>`)}
          </ul>
        </section>
        <section class="card" aria-labelledby="ranking-title">
          <h2 id="ranking-title">${m.ranking}</h2>
          ${
            d.ranking && d.ranking.ranking.length > 0
              ? html`<ol class="ranking">
                  ${d.ranking.ranking.map(
                    (r) =>
                      html`<li value="${String(r.rank)}">
                        ${pick(r.organization, locale)} – <strong>${formatNumber(r.total, 2, locale)}</strong>
                        ${r.tied && html`<span class="badge badge-muted">${m.tied}</span>`}
                      </li>`,
                  )}
                </ol>`
              : html`<p class="muted">${m.none}</p>`
          }
          <h3>${m.votingSessions}</h3>
          ${
            d.sessions.length === 0
              ? html`<p class="muted">${m.noSessions}</p>`
              : html`<ul>
                  ${d.sessions.map(
                    (s) =>
                      html`<li>
                        <a href="/app/voting-sessions/${s.id}">${m.votingTitle} · ${m.round} ${s.round}</a>
                        ${stateBadge(s.state, s.stateLabel[locale])}
                      </li>`,
                  )}
                </ul>`
          }
          ${
            d.leads &&
            html`<p>
                <a
                  class="btn btn-secondary"
                  href="/app/voting-sessions/new?clusterId=${c.cluster.id}&year=${String(c.year)}"
                  >${m.newSession}</a
                >
              </p>
              <h3>${m.proposalTitle}</h3>
              ${forms.proposal?.message && html`<div class="alert alert-error" role="alert">${forms.proposal.message}</div>`}
              <div class="actions">
                ${(['pdf', 'docx'] as const).map(
                  (format) =>
                    html`<form
                      method="post"
                      action="/app/clusters/${c.cluster.id}/years/${String(c.year)}/proposal"
                      class="action-form"
                    >
                      ${csrfField(ctx)}<input type="hidden" name="format" value="${format}" />
                      <button type="submit" class="btn btn-secondary">
                        ${format === 'pdf' ? m.proposalPdf : m.proposalDocx}
                      </button>
                    </form>`,
                )}
              </div>`
          }
        </section>
      </div>
      ${agreementSection(ctx, d, forms)} ${evaluationSection(ctx, d, forms)}`,
  );
}
