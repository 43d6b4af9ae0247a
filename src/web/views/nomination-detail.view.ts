import { randomUUID } from 'node:crypto';
import type { EventOption } from '../../nominations/nominations.service';
import { html, type SafeHtml } from '../html';
import { MESSAGES, pick, type Messages } from '../i18n';
import { REGISTER_MESSAGES } from '../register-i18n';
import { eligibilityPanel } from './register.view';
import type { NominationPagesService } from '../nomination-pages.service';
import type { WebContext } from '../web-context';
import {
  csrfField,
  dueText,
  emptyForm,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  type FormState,
  formMessage,
  inputField,
  selectField,
  stateBadge,
  textareaField,
  nominatingUnit,
} from './components.view';
import { layout } from './layout.view';
import { nominationTitle } from './nominations.view';

type Detail = Awaited<ReturnType<NominationPagesService['detail']>>;

export interface DetailForms {
  event?: { type: string; form: FormState };
  upload?: FormState;
  notice?: string;
}

const DANGER = new Set(['RETURN', 'WITHDRAW', 'APPRAISAL_REJECTED', 'COUNCIL_REJECTED']);

/** Events that cannot be undone: the button leads to a confirmation step, and only that step sends them. */
export const CONFIRMED_EVENTS: ReadonlySet<string> = new Set([
  'WITHDRAW',
  'APPRAISAL_REJECTED',
  'COUNCIL_REJECTED',
]);

function eventFields(m: Messages, type: string, needs: string[], form: FormState): SafeHtml[] {
  return needs.map((need) => {
    const optional = need.endsWith('?');
    const field = need.replace(/\?$/, '');
    const name = `${type}.${field}`;
    const label = (text: string) => (optional ? `${text} (${m.optional})` : text);
    switch (field) {
      case 'reason':
        return textareaField(form, { name, label: label(m.reason), required: !optional, rows: 3 });
      case 'dueDate':
        return inputField(form, { name, label: label(m.dueDate), type: 'date' });
      case 'bodies':
        return inputField(form, { name, label: label(m.bodies) });
      case 'outcome':
        return selectField(form, {
          name,
          label: label(m.outcome),
          required: !optional,
          options: [
            { value: 'awarded', label: m.outcomeAwarded },
            { value: 'rejected', label: m.outcomeRejected },
          ],
        });
      case 'acceptanceReason':
        return textareaField(form, {
          name,
          label: label(REGISTER_MESSAGES[m === MESSAGES.en ? 'en' : 'vi'].acceptanceReason),
          rows: 2,
        });
      case 'proposalNumber':
        return inputField(form, {
          name,
          label: label(REGISTER_MESSAGES[m === MESSAGES.en ? 'en' : 'vi'].proposalNumber),
        });
      case 'decisionNumber':
        return inputField(form, { name, label: label(m.decisionNumber), required: !optional });
      case 'decisionDate':
        return inputField(form, { name, label: label(m.decisionDate), type: 'date', required: !optional });
      default:
        return inputField(form, { name, label: label(field) });
    }
  });
}

function eventForm(ctx: WebContext, id: string, version: number, event: EventOption, forms: DetailForms) {
  const form = forms.event?.type === event.type ? forms.event.form : emptyForm();
  return html`<form method="post" action="/app/nominations/${id}/events" class="action-form" novalidate>
    ${csrfField(ctx)}
    <input type="hidden" name="type" value="${event.type}" />
    <input type="hidden" name="version" value="${String(version)}" />
    <input type="hidden" name="idempotencyKey" value="${randomUUID()}" />
    ${form.message && html`<p class="field-error" role="alert">${form.message}</p>`}
    ${eventFields(ctx.m, event.type, event.needs, form)}
    <button type="submit" class="btn ${DANGER.has(event.type) ? 'btn-danger' : 'btn-primary'}">
      ${event.label[ctx.locale]}
    </button>
  </form>`;
}

const size = (bytes: number, locale: WebContext['locale']) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(bytes / 1024 / 1024, 1, locale)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function dossier(ctx: WebContext, d: Detail, forms: DetailForms): SafeHtml {
  const { m, locale } = ctx;
  const id = d.nomination.id;
  const current = d.documents.filter((doc) => doc.current);
  const superseded = d.documents.filter((doc) => !doc.current);
  const row = (doc: Detail['documents'][number]) =>
    html`<tr>
      <td>${doc.kindLabel[locale]}</td>
      <td>
        <a href="/nominations/${id}/documents/${doc.id}" download>${doc.fileName}</a>
        ${doc.generated && html`<span class="badge badge-muted">${m.generated}</span>`}
      </td>
      <td class="num">${size(doc.size, locale)}</td>
      <td>${formatDateTime(doc.uploadedAt, locale)}</td>
    </tr>`;
  const table = (docs: Detail['documents']) =>
    html`<div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">${m.documentKind}</th>
            <th scope="col">${m.file.split(' (')[0]}</th>
            <th scope="col" class="num">KB</th>
            <th scope="col">${m.uploadedAt}</th>
          </tr>
        </thead>
        <tbody>
          ${docs.map(row)}
        </tbody>
      </table>
    </div>`;
  const upload = forms.upload ?? emptyForm();
  return html`<section class="card" aria-labelledby="dossier-title">
    <h2 id="dossier-title">${m.dossier}</h2>
    ${current.length === 0 ? html`<p class="muted">${m.noDocuments}</p>` : table(current)}
    ${
      superseded.length > 0 &&
      html`<details>
        <summary>${m.superseded} (${superseded.length})</summary>
        ${table(superseded)}
      </details>`
    }
    ${
      d.uploadable.length > 0 &&
      html`<form
        method="post"
        action="/app/nominations/${id}/documents"
        enctype="multipart/form-data"
        class="action-form"
        novalidate
      >
        ${csrfField(ctx)} ${formMessage(m, upload)}
        ${selectField(upload, {
          name: 'kind',
          label: m.documentKind,
          required: true,
          options: d.uploadable.map((k) => ({ value: k.kind, label: k.label[locale] })),
        })}
        ${inputField(upload, { name: 'file', label: m.file, type: 'file', required: true })}
        <button type="submit" class="btn btn-primary">${m.upload}</button>
      </form>`
    }
  </section>`;
}

function history(ctx: WebContext, d: Detail): SafeHtml {
  const { m, locale } = ctx;
  const h = d.history;
  if (!h) return html``;
  return html`<section class="card" aria-labelledby="history-title">
    <h2 id="history-title">${m.history}</h2>
    <p
      class="alert ${h.verified ? 'alert-ok' : 'alert-error'}"
      data-chain="${h.verified ? 'verified' : 'broken'}"
    >
      ${h.verified ? m.chainVerified : m.chainBroken}
    </p>
    <ol class="timeline">
      ${h.entries.map((e) => {
        const p = e.payload as Record<string, unknown>;
        return html`<li>
          <div>
            <strong>${e.eventLabel[locale]}</strong> → ${stateBadge(e.toState, e.toStateLabel[locale])}
          </div>
          <div class="when">
            <time datetime="${e.at}">${formatDateTime(e.at, locale)}</time> ·
            ${
              e.actor.kind === 'user'
                ? [
                    e.actor.name,
                    e.actor.roleLabel ? pick(e.actor.roleLabel, locale) : null,
                    e.actor.organization ? pick(e.actor.organization, locale) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : m.system
            }
          </div>
          ${e.reason && html`<div>${m.reason}: ${e.reason}</div>`}
          ${
            typeof p.decisionNumber === 'string' &&
            html`<div>
              ${m.decisionNumber}: ${p.decisionNumber} (${formatDate(String(p.decisionDate ?? ''), locale)})
            </div>`
          }
          <div class="muted"><small>#${e.seq} · ${e.hash.slice(0, 12)}</small></div>
        </li>`;
      })}
    </ol>
  </section>`;
}

function diagram(ctx: WebContext, d: Detail): SafeHtml {
  const { m, locale } = ctx;
  const current = d.nomination.state;
  return html`<section class="card no-print" aria-labelledby="diagram-title">
    <h2 id="diagram-title">${m.diagram}</h2>
    <ol class="diagram">
      ${d.diagram.map(
        (s) => html`<li${s.key === current ? html` aria-current="step"` : ''} data-state="${s.key}">
          ${stateBadge(s.key, s.label[locale])}
          ${s.key === current && html`<strong> ← ${m.currentState}</strong>`}
          ${
            s.edges.length > 0 &&
            html`<ul class="edges">
              ${s.edges.map(
                (e) =>
                  html`<li>
                    ${e.eventLabel[locale]} →
                    ${e.targetLabel[locale]}${e.condition && html` <small>(${e.condition[locale]})</small>`}
                  </li>`,
              )}
            </ul>`
          }
        </li>`,
      )}
    </ol>
  </section>`;
}

/** What the dossier states about the nominee besides the name: an individual's details, a collective's women. */
function nomineeFacts(ctx: WebContext, nominee: Detail['nomination']['nominee']): SafeHtml {
  const { m, locale } = ctx;
  const d = nominee.details;
  const fact = (label: string, value: string | null, key: string) =>
    value === null
      ? ''
      : html`<dt>${label}</dt>
          <dd data-fact="${key}">${value}</dd>`;
  return html`${fact(m.birthDate, d.birthDate && formatDate(d.birthDate, locale), 'birthDate')}
  ${fact(m.hometown, d.hometown, 'hometown')} ${fact(m.ethnicity, d.ethnicity, 'ethnicity')}
  ${fact(m.serviceYears, d.serviceYears === null ? null : `${d.serviceYears} ${m.yearsUnit}`, 'serviceYears')}
  ${fact(
    m.femaleShareFact,
    nominee.femaleShare === null ? null : formatPercent(nominee.femaleShare, locale),
    'femaleShare',
  )}`;
}

export function nominationPage(ctx: WebContext, d: Detail, forms: DetailForms = {}): string {
  const { m, locale } = ctx;
  const n = d.nomination;
  const decision = n.decision as { decisionNumber?: string; decisionDate?: string; outcome?: string } | null;
  const vote = n.vote as { approvals?: number; share?: number; rank?: number; round?: number } | null;
  return layout(
    ctx,
    nominationTitle(ctx, n),
    html`<p>
        <span class="dossier-number" data-dossier-number>${m.dossierNumber}: ${n.dossierNumber}</span> ·
        ${stateBadge(n.state, n.stateLabel[locale])} <span class="muted">${m.dueAt}:</span>
        ${dueText(ctx, n.dueAt, n.overdue, n.dueProvisional)}
        <button type="button" class="btn btn-link no-print" data-print>${m.print}</button>
      </p>
      ${forms.notice && html`<div class="alert alert-info" role="status">${forms.notice}</div>`}
      <section class="card no-print" aria-labelledby="actions-title">
        <h2 id="actions-title">${m.actions}</h2>
        ${
          n.allowedEvents.length === 0
            ? html`<p class="muted">${m.noActions}</p>`
            : html`<div class="actions">
                ${n.allowedEvents
                  .filter((e) => !DANGER.has(e.type))
                  .map((e) => eventForm(ctx, n.id, n.version, e, forms))}
                ${
                  n.allowedEvents.some((e) => DANGER.has(e.type)) &&
                  html`<div class="actions actions-danger">
                    ${n.allowedEvents
                      .filter((e) => DANGER.has(e.type))
                      .map((e) => eventForm(ctx, n.id, n.version, e, forms))}
                  </div>`
                }
              </div>`
        }
      </section>
      <div class="grid">
        <section class="card" aria-labelledby="details-title">
          <h2 id="details-title">${m.details}</h2>
          <dl class="facts">
            <dt>${m.dossierNumber}</dt>
            <dd>${n.dossierNumber}</dd>
            <dt>${m.award}</dt>
            <dd>${pick(n.awardType, locale)} (${n.year})</dd>
            <dt>${m.nominatingUnit}</dt>
            <dd>${nominatingUnit(ctx, n.nominatingOrganization)}</dd>
            ${
              n.cluster &&
              html`<dt>${m.cluster}</dt>
                <dd>
                  <a href="/app/clusters/${n.cluster.id}/years/${String(n.year)}"
                    >${pick(n.cluster, locale)}</a
                  >
                </dd>`
            }
            <dt>${m.nominee}</dt>
            <dd>
              ${n.nominee.name}
              (${n.nominee.kind === 'individual' ? m.individual : m.collective}${
                n.nominee.position && `, ${n.nominee.position}`
              })
            </dd>
            ${nomineeFacts(ctx, n.nominee)}
            <dt>${m.summary}</dt>
            <dd>${n.summary}</dd>
            <dt>${m.policyVersion}</dt>
            <dd>${m.version} ${n.policy.version} (${formatDate(n.policy.effectiveFrom, locale)})</dd>
            ${
              n.lastReason &&
              html`<dt>${m.lastReason}</dt>
                <dd>${n.lastReason}</dd>`
            }
            ${
              vote &&
              typeof vote.approvals === 'number' &&
              html`<dt>${m.vote}</dt>
                <dd>
                  ${vote.approvals} ${m.approvals.toLowerCase()}, ${m.rank.toLowerCase()}
                  ${vote.rank ?? ''}${
                    vote.round && vote.round > 1 ? ` (${m.round.toLowerCase()} ${vote.round})` : ''
                  }
                </dd>`
            }
            ${
              decision &&
              html`<dt>${m.decision}</dt>
                <dd>
                  ${decision.decisionNumber ?? ''}
                  ${decision.decisionDate && `(${formatDate(decision.decisionDate, locale)})`}
                </dd>`
            }
          </dl>
        </section>
        ${dossier(ctx, d, forms)}
      </div>
      ${eligibilityPanel(ctx, d.eligibility)}
      <div class="grid">${history(ctx, d)} ${diagram(ctx, d)}</div>`,
  );
}
