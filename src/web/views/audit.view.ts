import { AUDIT_ACTIONS } from '../../audit/audit-actions';
import type { AuditEntryView } from '../../audit/audit.service';
import { ROLE_LABELS, type Role } from '../../auth/roles';
import { html, type SafeHtml } from '../html';
import { pick, type Locale } from '../i18n';
import type { WebContext } from '../web-context';
import { buttonForm, formatDateTime } from './components.view';
import { layout } from './layout.view';

export interface AuditPageData {
  items: AuditEntryView[];
  nextCursor: string | null;
  action?: string;
  cursor?: string;
  /** People and organisations named by the entries, by id. */
  people: Map<string, { fullName: string }>;
  organizations: Map<string, { nameVi: string; nameEn: string }>;
  verification?: { valid: boolean; length: number; problems: { seq: number; reason: string }[] };
}

/** A value of an entry's before or after, in words: named things by their name, lists joined. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(shown).join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.name === 'string') return o.code ? `${o.name} (${String(o.code)})` : o.name;
    return JSON.stringify(value);
  }
  return String(value);
}

function changes(ctx: WebContext, e: AuditEntryView): SafeHtml {
  const { m } = ctx;
  const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])];
  if (keys.length === 0) return html``;
  return html`<table class="audit-changes">
    <thead>
      <tr>
        <th scope="col"></th>
        ${e.before && html`<th scope="col">${m.auditBefore}</th>`}
        <th scope="col">${m.auditAfter}</th>
      </tr>
    </thead>
    <tbody>
      ${keys.map((key) => {
        // Codes stored in the entry (a role, a kind of day) are shown in words.
        const words = (value: unknown) =>
          key === 'role' && typeof value === 'string' && value in ROLE_LABELS
            ? ROLE_LABELS[value as Role][ctx.locale]
            : typeof value === 'string' && m.auditValues[value]
              ? m.auditValues[value]
              : shown(value);
        const before = words(e.before?.[key]);
        const after = words(e.after?.[key]);
        const cell = (text: string) => (text.length > 300 ? html`<code>${text}</code>` : text);
        return html`<tr class="${e.before && before === after ? 'muted' : ''}">
          <th scope="row">${m.auditFields[key] ?? key}</th>
          ${e.before && html`<td>${cell(before)}</td>`}
          <td>${cell(after)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function who(ctx: WebContext, data: AuditPageData, actor: Record<string, unknown>): SafeHtml {
  const { m, locale } = ctx;
  if (actor.kind !== 'user') return html`${m.auditSystem} (${String(actor.id ?? '')})`;
  const person = data.people.get(String(actor.userId));
  const org = data.organizations.get(String(actor.organizationId));
  const role = ROLE_LABELS[actor.role as Role];
  return html`<strong>${person?.fullName ?? String(actor.email ?? '')}</strong> <br /><span class="muted"
      >${String(actor.email ?? '')}</span
    >
    <br />${role ? role[locale] : ''} ${org && html` · ${pick(org, locale)}`}`;
}

function target(ctx: WebContext, data: AuditPageData, e: AuditEntryView, locale: Locale): SafeHtml {
  const kind = ctx.m.auditTargets[e.targetType] ?? e.targetType;
  const id = e.targetId ?? '';
  let name = id;
  if (e.targetType === 'organization') {
    const org = data.organizations.get(id);
    if (org) name = pick(org, locale);
  } else if (e.targetType === 'clusterYear') {
    const [clusterId, year] = id.split(':');
    const org = data.organizations.get(clusterId);
    name = org ? `${pick(org, locale)} – ${year}` : id;
  } else if (e.targetType === 'user') {
    name = data.people.get(id)?.fullName ?? id;
  }
  return html`${kind}<br /><span>${name}</span>`;
}

export function auditPage(ctx: WebContext, data: AuditPageData): string {
  const { m, locale } = ctx;
  const query = (cursor?: string) =>
    `/app/admin/audit?${new URLSearchParams({
      ...(data.action ? { action: data.action } : {}),
      ...(cursor ? { cursor } : {}),
    }).toString()}`;
  const v = data.verification;
  return layout(
    ctx,
    m.auditLog,
    html`${
        v &&
        html`<div
          class="alert ${v.valid ? 'alert-ok' : 'alert-error'}"
          role="status"
          data-verification="${v.valid ? 'valid' : 'broken'}"
        >
          ${v.valid ? m.auditValid(v.length) : m.auditBroken(new Set(v.problems.map((p) => p.seq)).size)}
        </div>`
      }
      <form method="get" action="/app/admin/audit" class="filters">
        <div class="field">
          <label for="f-action">${m.auditWhat}</label>
          <select id="f-action" name="action">
            <option value="">${m.auditAllActions}</option>
            ${Object.entries(AUDIT_ACTIONS).map(
              ([code, label]) =>
                html`<option value="${code}" ${code === data.action ? html` selected` : ''}>
                  ${label[locale]}
                </option>`,
            )}
          </select>
        </div>
        <div class="field"><button type="submit" class="btn btn-primary">${m.apply}</button></div>
        <div class="field"><a href="/app/admin/audit">${m.clear}</a></div>
      </form>
      <p>${buttonForm(ctx, '/app/admin/audit/verification', m.auditVerify, {}, 'secondary')}</p>
      ${
        data.items.length === 0
          ? html`<p class="muted">${m.auditEmpty}</p>`
          : html`<div class="table-wrap card">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${m.auditWhen}</th>
                    <th scope="col">${m.auditWho}</th>
                    <th scope="col">${m.auditWhat}</th>
                    <th scope="col">${m.auditTarget}</th>
                    <th scope="col">${m.reason}</th>
                    <th scope="col">${m.auditChange}</th>
                  </tr>
                </thead>
                <tbody>
                  ${data.items.map(
                    (e) =>
                      html`<tr data-seq="${String(e.seq)}">
                        <td><time datetime="${e.at}">${formatDateTime(e.at, locale)}</time></td>
                        <td>${who(ctx, data, e.actor)}</td>
                        <td>${e.actionLabel[locale]}</td>
                        <td>${target(ctx, data, e, locale)}</td>
                        <td>${e.reason ?? ''}</td>
                        <td>${changes(ctx, e)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      <p class="actions">
        ${data.cursor && html`<a href="${query()}">${m.firstPage}</a>`}
        ${data.nextCursor && html`<a class="btn btn-secondary" href="${query(data.nextCursor)}">${m.nextPage}</a>`}
      </p>`,
  );
}
