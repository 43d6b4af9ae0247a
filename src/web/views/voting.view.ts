import { flag, html, type SafeHtml } from '../html';
import { pick } from '../i18n';
import type { SessionView, VotingPagesService } from '../voting-pages.service';
import type { WebContext } from '../web-context';
import {
  csrfField,
  emptyForm,
  fieldErrors,
  formatDate,
  formatDateTime,
  type FormState,
  formMessage,
  formatPercent,
  inputField,
  selectField,
  stateBadge,
  textareaField,
} from './components.view';
import { STEP_MESSAGES } from '../steps-i18n';
import { layout } from './layout.view';

type Listing = Awaited<ReturnType<VotingPagesService['list']>>;
type Candidates = Awaited<ReturnType<VotingPagesService['candidates']>>;
type Awards = Map<string, { nameVi: string; nameEn: string }>;

const LIVE_STATES = new Set(['draft', 'open']);

/** Session events that cannot be undone: the button leads to a confirmation step, only that step sends them. */
export const CONFIRMED_SESSION_EVENTS: ReadonlySet<string> = new Set(['CANCEL', 'CERTIFY']);

/**
 * The leader's buttons as the tally allows them: the run-off only when the last round's tally asks for one,
 * certifying only when none is pending; cancelling last.
 */
export function sessionActions(
  s: Pick<SessionView, 'allowedEvents' | 'results'>,
): SessionView['allowedEvents'] {
  const pending = s.results?.rounds.at(-1)?.runoff.length ?? 0;
  return s.allowedEvents
    .filter((e) =>
      e.type === 'RUNOFF' ? pending > 0 : e.type === 'CERTIFY' ? !!s.results && pending === 0 : true,
    )
    .sort((a, b) => Number(a.type === 'CANCEL') - Number(b.type === 'CANCEL'));
}

export function sessionsPage(ctx: WebContext, listing: Listing): string {
  const { m, locale } = ctx;
  return layout(
    ctx,
    m.votingSessions,
    html`${
      listing.canCreate.length > 0 &&
      html`<p class="actions">
        ${listing.canCreate.map(
          (c) =>
            html`<a
              class="btn btn-secondary"
              href="/app/voting-sessions/new?clusterId=${c.clusterId}&year=${String(c.year)}"
              >${m.newSession}: ${pick(c.cluster, locale)} ${c.year}</a
            >`,
        )}
      </p>`
    }
    ${
      listing.sessions.length === 0
        ? html`<p class="muted">${m.noSessions}</p>`
        : html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${m.cluster}</th>
                  <th scope="col">${m.year}</th>
                  <th scope="col">${m.state}</th>
                  <th scope="col" class="num">${m.turnout}</th>
                </tr>
              </thead>
              <tbody>
                ${listing.sessions.map(
                  (s) =>
                    html`<tr>
                      <td><a href="/app/voting-sessions/${s.id}">${pick(s.cluster, locale)}</a></td>
                      <td>${s.year}</td>
                      <td>${stateBadge(s.state, s.stateLabel[locale])}</td>
                      <td class="num">${s.turnout.count}/${s.eligible}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }`,
  );
}

export function newSessionPage(ctx: WebContext, c: Candidates, form: FormState): string {
  const { m, locale } = ctx;
  const chosen = new Set([form.values.candidates ?? []].flat());
  return layout(
    ctx,
    `${m.newSession}: ${pick(c.cluster, locale)} ${c.year}`,
    html`<div class="card">
      ${formMessage(m, form)}
      ${
        c.groups.length === 0
          ? html`<p class="muted">${m.noAccepted}</p>`
          : html`<form method="post" action="/app/voting-sessions" novalidate>
              ${csrfField(ctx)}
              <input type="hidden" name="clusterId" value="${c.cluster.id}" />
              <input type="hidden" name="year" value="${String(c.year)}" />
              ${conferenceFields(ctx, c, form)}
              ${c.groups.map(
                (g) =>
                  html`<fieldset>
                    <legend>${pick(g.award, locale)}</legend>
                    ${g.items.map(
                      (n) =>
                        html`<label class="check"
                          ><input
                            type="checkbox"
                            name="candidates"
                            value="${g.code}:${n.id}"
                            ${flag('checked', chosen.size === 0 || chosen.has(`${g.code}:${n.id}`))}
                          />
                          ${n.nominee.name}
                          <span class="muted">(${pick(n.nominatingOrganization, locale)})</span></label
                        >`,
                    )}
                  </fieldset>`,
              )}
              ${fieldErrors(form, 'items')}
              ${inputField(form, { name: 'closesAt', label: `${m.closesAt} (${m.optional})`, type: 'datetime-local' })}
              <button type="submit" class="btn btn-primary">${m.createSession}</button>
            </form>`
      }
    </div>`,
  );
}

/**
 * The conference the vote belongs to: one already recorded, or a new one recorded with the session (its date,
 * place, chair, secretary and the members present).
 */
function conferenceFields(ctx: WebContext, c: Candidates, form: FormState): SafeHtml {
  const { m, locale } = ctx;
  const present = new Set([form.values.present ?? []].flat());
  return html`<fieldset data-conference-fields>
    <legend>${m.chooseConference}</legend>
    ${selectField(form, {
      name: 'meetingId',
      label: m.conference,
      empty: m.newConference,
      options: c.meetings.map((mt) => ({
        value: mt.id,
        label: `${mt.place}, ${formatDate(mt.heldOn, locale)}${mt.venue ? ` – ${mt.venue}` : ''}`,
      })),
    })}
    <p class="muted">${m.newConferenceHint}</p>
    <div class="grid">
      ${inputField(form, { name: 'heldOn', label: m.heldOn, type: 'date' })}
      ${inputField(form, { name: 'startsAt', label: `${m.startsAt} (${m.optional})`, type: 'time' })}
      ${inputField(form, { name: 'place', label: m.place })}
      ${inputField(form, { name: 'venue', label: `${m.venue} (${m.optional})` })}
      ${inputField(form, { name: 'chairName', label: m.chairName })}
      ${inputField(form, { name: 'chairFunction', label: m.chairFunction })}
      ${inputField(form, { name: 'secretaryName', label: m.secretaryName })}
      ${inputField(form, { name: 'secretaryFunction', label: m.secretaryFunction })}
    </div>
    <fieldset>
      <legend>${m.presentMembers}</legend>
      ${c.members.map(
        (o) =>
          html`<label class="check"
            ><input
              type="checkbox"
              name="present"
              value="${o.id}"
              ${flag('checked', present.size === 0 || present.has(o.id))}
            />
            ${pick(o, locale)}</label
          >`,
      )}
    </fieldset>
  </fieldset>`;
}

/** Turnout, refreshed by htmx every few seconds while the session is in draft or open. */
export function livePanel(ctx: WebContext, s: SessionView): SafeHtml {
  const { m, locale } = ctx;
  const percent = s.eligible > 0 ? Math.round((s.turnout.count / s.eligible) * 100) : 0;
  const polled = LIVE_STATES.has(s.state);
  return html`<section
    id="live"
    class="card"
    aria-labelledby="live-title"
    ${
      polled &&
      html`hx-get="/app/voting-sessions/${s.id}/live?state=${s.state}&round=${String(s.round)}"
      hx-trigger="every 3s" hx-swap="outerHTML"`
    }
  >
    <h2 id="live-title">${m.turnout} ${polled && html`<span class="badge badge-muted">${m.live}</span>`}</h2>
    <p>
      <strong data-turnout>${s.turnout.count}/${s.eligible}</strong> · ${m.quorum}: ${s.quorum.required} ·
      ${m.round} ${s.round}
    </p>
    <div
      class="meter"
      role="img"
      aria-label="${formatPercent(s.eligible > 0 ? s.turnout.count / s.eligible : 0, locale)}"
    >
      <span class="w-${String(Math.round(percent / 5) * 5)}"></span>
    </div>
    ${
      s.turnout.organizations.length > 0 &&
      html`<p class="muted">
        ${m.votedOrganizations}: ${s.turnout.organizations.map((o) => pick(o, locale)).join(', ')}
      </p>`
    }
  </section>`;
}

/** What a voter reads of a candidate before choosing: its summary and the documents of its submitted dossier. */
function candidateDetails(ctx: WebContext, c: SessionView['items'][number]['candidates'][number]): SafeHtml {
  const { m, locale } = ctx;
  if (!c.summary && !c.documents) return html``;
  return html`<div class="candidate-details" data-candidate="${c.nominationId}">
    ${c.summary && html`<p class="summary">${c.summary}</p>`}
    ${
      c.documents &&
      c.documents.length > 0 &&
      html`<p class="muted">
        ${m.dossier}:
        ${c.documents.map(
          (d, i) => html`${i > 0 ? ' · ' : ''}<a href="${d.path}" download>${pick(d.kindLabel, locale)}</a>`,
        )}
      </p>`
    }
  </div>`;
}

function ballot(ctx: WebContext, s: SessionView, awards: Awards, form: FormState): SafeHtml {
  const { m, locale } = ctx;
  const s2 = STEP_MESSAGES[locale];
  const chosen = (code: string) => new Set([form.values[`choice.${code}`] ?? []].flat());
  const items = s.items.filter((i) => i.candidates.some((c) => c.inThisRound));
  return html`<section class="card" aria-labelledby="ballot-title">
    <h2 id="ballot-title">${m.ballot}</h2>
    ${formMessage(m, form)}
    <form method="post" action="/app/voting-sessions/${s.id}/ballots" novalidate>
      ${csrfField(ctx)}
      ${items.map(
        (item) =>
          html`<fieldset
            data-max-ticks="${String(item.places)}"
            ${form.errors[`choice.${item.awardType}`] ? html` aria-invalid="true"` : ''}
          >
            <legend>
              ${awards.get(item.awardType) ? pick(awards.get(item.awardType)!, locale) : item.awardType}
            </legend>
            <input type="hidden" name="award" value="${item.awardType}" />
            <p class="hint">${m.atMost(item.places)}</p>
            <p class="ticks-left" aria-live="polite">
              ${s2.ticksLeft}:
              <span data-ticks-left>${String(Math.max(0, item.places - chosen(item.awardType).size))}</span>
            </p>
            ${item.candidates
              .filter((c) => c.inThisRound)
              .map(
                (c) =>
                  html`<label class="check"
                      ><input
                        type="checkbox"
                        name="choice.${item.awardType}"
                        value="${c.nominationId}"
                        ${flag('checked', chosen(item.awardType).has(c.nominationId))}
                      />
                      ${c.nominee}
                      <span class="muted">(${pick(c.nominatingOrganization, locale)})</span></label
                    >${candidateDetails(ctx, c)}`,
              )}
            ${fieldErrors(form, `choice.${item.awardType}`)}
          </fieldset>`,
      )}
      <button type="submit" class="btn btn-primary">${s2.ballotReview}</button>
    </form>
  </section>`;
}

/** The ballot's review step: the choices by award, or a blank ballot stated, before it is cast. */
function ballotReview(
  ctx: WebContext,
  s: SessionView,
  awards: Awards,
  values: FormState['values'],
): SafeHtml {
  const { m, locale } = ctx;
  const s2 = STEP_MESSAGES[locale];
  const items = s.items.filter((i) => i.candidates.some((c) => c.inThisRound));
  const names = new Map(s.items.flatMap((i) => i.candidates.map((c) => [c.nominationId, c] as const)));
  const chosen = (code: string) => [values[`choice.${code}`] ?? []].flat();
  const blank = items.every((item) => chosen(item.awardType).length === 0);
  const fields: [string, string][] = items.flatMap((item) => [
    ['award', item.awardType] as [string, string],
    ...chosen(item.awardType).map((id) => [`choice.${item.awardType}`, id] as [string, string]),
  ]);
  return html`<section class="card" aria-labelledby="review-title" data-ballot-review>
    <h2 id="review-title">${s2.reviewBallotTitle}</h2>
    <p>${s2.reviewBallotIntro}</p>
    ${
      blank
        ? html`<p class="alert alert-info" data-blank-ballot><strong>${s2.blankBallot}</strong></p>`
        : items.map(
            (item) =>
              html`<h3>
                  ${awards.get(item.awardType) ? pick(awards.get(item.awardType)!, locale) : item.awardType}
                </h3>
                ${
                  chosen(item.awardType).length === 0
                    ? html`<p class="muted">${s2.blankForAward}</p>`
                    : html`<ol data-review-choices="${item.awardType}">
                        ${chosen(item.awardType).map((id) => {
                          const c = names.get(id);
                          return html`<li>
                            ${c?.nominee ?? id}
                            ${c && html`<span class="muted">(${pick(c.nominatingOrganization, locale)})</span>`}
                          </li>`;
                        })}
                      </ol>`
                }`,
          )
    }
    <p class="alert alert-error">${s2.confirmIrreversible}</p>
    <form method="post" action="/app/voting-sessions/${s.id}/ballots" class="confirm-form">
      ${csrfField(ctx)} ${fields.map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
      <div class="confirm-buttons">
        <button type="submit" name="edit" value="yes" class="btn btn-secondary">${s2.editBallot}</button>
        <button type="submit" name="confirmed" value="yes" class="btn btn-primary">${m.castBallot}</button>
      </div>
    </form>
  </section>`;
}

function leaderActions(ctx: WebContext, s: SessionView, form: FormState): SafeHtml {
  const { m, locale } = ctx;
  return html`<section class="card" aria-labelledby="run-title">
    <h2 id="run-title">${m.actions}</h2>
    ${form.message && html`<div class="alert alert-error" role="alert">${form.message}</div>`}
    <div class="actions">
      ${sessionActions(s).map(
        (e) =>
          html`<form
            method="post"
            action="/app/voting-sessions/${s.id}/events"
            class="action-form${e.type === 'CANCEL' ? ' actions-danger' : ''}"
            novalidate
          >
            ${csrfField(ctx)}
            <input type="hidden" name="type" value="${e.type}" />
            <input type="hidden" name="version" value="${String(s.version)}" />
            ${e.type === 'CANCEL' && textareaField(form, { name: 'reason', label: m.reason, required: true, rows: 2 })}
            <button type="submit" class="btn ${e.type === 'CANCEL' ? 'btn-danger' : 'btn-primary'}">
              ${e.label[locale]}
            </button>
          </form>`,
      )}
    </div>
  </section>`;
}

function results(ctx: WebContext, s: SessionView, awards: Awards): SafeHtml {
  const { m, locale } = ctx;
  if (!s.results) return html``;
  const names = new Map(s.items.flatMap((i) => i.candidates.map((c) => [c.nominationId, c] as const)));
  const runoff = s.results.rounds.at(-1)?.runoff ?? [];
  return html`<section class="card" aria-labelledby="results-title">
    <h2 id="results-title">${m.results}</h2>
    ${runoff.length > 0 && html`<div class="alert alert-info">${m.runoffNeeded}</div>`}
    ${s.items.map((item) => {
      const rows = s
        .results!.candidates.filter((r) => r.awardType === item.awardType)
        .sort((a, b) => a.rank - b.rank);
      return html`<h3>
          ${awards.get(item.awardType) ? pick(awards.get(item.awardType)!, locale) : item.awardType}
        </h3>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col" class="num">${m.rank}</th>
                <th scope="col">${m.nominee}</th>
                <th scope="col" class="num">${m.approvals}</th>
                <th scope="col" class="num">${m.share}</th>
                <th scope="col" class="num">${m.decidingRound}</th>
                <th scope="col">${m.decidedBy}</th>
                <th scope="col">${m.state}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (r) =>
                  html`<tr>
                    <td class="num">${r.rank}</td>
                    <td>${names.get(r.nominationId)?.nominee ?? r.nominationId}</td>
                    <td class="num">${r.approvals}</td>
                    <td class="num">${formatPercent(r.share, locale)}</td>
                    <td class="num">${r.round}</td>
                    <td>${decidedByLabel(m, r.decidedBy)}</td>
                    <td>
                      ${
                        r.selected
                          ? html`<span class="badge badge-ok">${m.selected}</span>`
                          : html`<span class="badge badge-muted">${m.notSelectedShort}</span>`
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${s.results!.rounds.map((round) => {
          const counts = round.ballots.find((b) => b.awardType === item.awardType);
          return (
            counts &&
            html`<p class="muted" data-ballot-counts>
              ${m.round} ${round.round}:
              ${m.ballotCounts.replace(/\{(\w+)\}/g, (_, k: string) => String(counts[k as keyof typeof counts]))}
            </p>`
          );
        })}`;
    })}
    ${
      s.minutes &&
      html`<p class="actions">
        <a class="btn btn-secondary" href="/voting-sessions/${s.id}/minutes" download>${m.minutesPdf}</a>
        <a class="btn btn-secondary" href="/voting-sessions/${s.id}/minutes?format=docx" download
          >${m.minutesDocx}</a
        >
      </p>`
    }
  </section>`;
}

function decidedByLabel(m: WebContext['m'], decidedBy: string): string {
  const labels: Record<string, string> = {
    threshold: m.decidedByThreshold,
    tieBreak: m.decidedByTieBreak,
    runoff: m.decidedByRunoff,
    belowThreshold: m.decidedByBelowThreshold,
    beyondQuota: m.decidedByBeyondQuota,
    runoffLost: m.decidedByRunoffLost,
  };
  return labels[decidedBy] ?? decidedBy;
}

export interface SessionForms {
  ballot?: FormState;
  /** The choices to review before the ballot is cast. */
  review?: FormState['values'];
  leader?: FormState;
  receipt?: string;
}

export function sessionPage(
  ctx: WebContext,
  s: SessionView,
  awards: Awards,
  forms: SessionForms = {},
): string {
  const { m, locale } = ctx;
  const voter = ctx.principal.role === 'CLUSTER_VOTER' && s.turnout.youVoted !== null;
  return layout(
    ctx,
    `${m.votingTitle}: ${pick(s.cluster, locale)} ${s.year}`,
    html`<p>
        ${stateBadge(s.state, s.stateLabel[locale])} · ${m.round} ${s.round}
        ${s.closesAt && html` · ${m.closesAt}: ${formatDateTime(s.closesAt, locale)}`} ·
        <a href="/app/clusters/${s.cluster.id}/years/${String(s.year)}">${m.cluster}</a>
      </p>
      ${
        s.meeting &&
        html`<p data-conference>
          ${m.conference}: ${s.meeting.place}, ${formatDate(s.meeting.heldOn, locale)}
          ${s.meeting.venue && html` · ${s.meeting.venue}`} · ${s.meeting.chair.name}
          (${s.meeting.chair.function})
        </p>`
      }
      ${
        forms.receipt &&
        html`<div class="alert alert-ok" role="status">
          <p>${m.receipt}:</p>
          <p><span class="receipt" data-receipt>${forms.receipt}</span></p>
          <p class="muted">${m.receiptHint}</p>
        </div>`
      }
      ${sessionActions(s).length > 0 && leaderActions(ctx, s, forms.leader ?? emptyForm())}
      ${
        voter &&
        s.state === 'open' &&
        (s.turnout.youVoted
          ? !forms.receipt && html`<div class="alert alert-info">${m.alreadyVoted}</div>`
          : forms.review
            ? ballotReview(ctx, s, awards, forms.review)
            : ballot(ctx, s, awards, forms.ballot ?? emptyForm()))
      }
      <div class="grid">
        ${livePanel(ctx, s)}
        <section class="card" aria-labelledby="candidates-title">
          <h2 id="candidates-title">${m.candidates}</h2>
          ${s.items.map(
            (item) =>
              html`<h3>
                  ${awards.get(item.awardType) ? pick(awards.get(item.awardType)!, locale) : item.awardType}
                  <span class="muted"
                    >(${m.quota}:
                    ${item.quota}${
                      item.yearQuota !== null &&
                      html`; ${m.yearQuota}: ${item.yearQuota}, ${m.takenEarlier}: ${item.takenEarlier}`
                    })</span
                  >
                </h3>
                <ul>
                  ${item.candidates.map(
                    (c) =>
                      html`<li>
                        <a href="/app/nominations/${c.nominationId}">${c.nominee}</a>
                        <span class="muted">${pick(c.nominatingOrganization, locale)}</span>
                      </li>`,
                  )}
                </ul>`,
          )}
        </section>
      </div>
      ${results(ctx, s, awards)}
      ${
        s.receipts.length > 0 &&
        html`<section class="card" aria-labelledby="receipts-title">
          <h2 id="receipts-title">${m.receipts}</h2>
          ${s.receipts.map(
            (r) =>
              html`<h3>${m.round} ${r.round}</h3>
                <ul class="codes" data-receipts>
                  ${r.codes.map((code) => html`<li>${code}</li>`)}
                </ul>`,
          )}
        </section>`
      }`,
  );
}
