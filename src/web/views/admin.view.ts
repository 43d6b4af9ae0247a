import { ROLE_LABELS, ROLES } from '../../auth/roles';
import type { UserView } from '../../auth/users.service';
import type { AwardTypeView, PolicyView } from '../../awards/awards.service';
import { formOfRules } from '../policy-form';
import { POLICY_MESSAGES } from '../policy-i18n';
import { policyFields, policySummary } from './policy-form.view';
import { ORGANIZATION_KIND_LABELS, ORGANIZATION_KINDS } from '../../organizations/organization.entity';
import type { ClusterYearView, OrganizationView } from '../../organizations/organizations.service';
import { flag, html } from '../html';
import { pick } from '../i18n';
import type { WebContext } from '../web-context';
import {
  buttonForm,
  csrfField,
  emptyForm,
  formatDate,
  formatDateTime,
  type FormState,
  formMessage,
  inputField,
  selectField,
  textareaField,
} from './components.view';
import { layout } from './layout.view';

export function adminIndexPage(ctx: WebContext): string {
  const { m } = ctx;
  return layout(
    ctx,
    m.adminTitle,
    html`<ul class="card">
      <li><a href="/app/admin/organizations">${m.organizations}</a></li>
      <li><a href="/app/admin/clusters">${m.clusterMembership}</a></li>
      <li><a href="/app/admin/users">${m.users}</a></li>
      <li><a href="/app/admin/awards">${m.awards}</a></li>
      <li><a href="/app/admin/calendar">${m.calendar}</a></li>
      <li><a href="/app/admin/audit">${m.auditLog}</a></li>
      <li><a href="/admin/queues">BullMQ</a></li>
    </ul>`,
  );
}

export function organizationsPage(
  ctx: WebContext,
  orgs: OrganizationView[],
  includeEnded: boolean,
  forms: { create?: FormState; merge?: FormState } = {},
): string {
  const { m, locale } = ctx;
  const create = forms.create ?? emptyForm({ kind: 'province' });
  const merge = forms.merge ?? emptyForm();
  const active = orgs.filter((o) => o.active);
  const orgOptions = active.map((o) => ({ value: o.id, label: `${pick(o, locale)} (${o.code})` }));
  return layout(
    ctx,
    m.organizations,
    html`<form method="get" action="/app/admin/organizations" class="filters">
        <label class="check"
          ><input type="checkbox" name="includeEnded" value="true" ${flag('checked', includeEnded)} />
          ${m.includeEnded}</label
        >
        <button type="submit" class="btn btn-secondary">${m.apply}</button>
      </form>
      <div class="table-wrap card">
        <table>
          <thead>
            <tr>
              <th scope="col">${m.code}</th>
              <th scope="col">${m.nameVi}</th>
              <th scope="col">${m.kind}</th>
              <th scope="col">${m.validFrom}</th>
              <th scope="col">${m.validTo}</th>
              <th scope="col">${m.successor}</th>
            </tr>
          </thead>
          <tbody>
            ${orgs.map(
              (o) =>
                html`<tr>
                  <td>${o.code}</td>
                  <td>${pick(o, locale)}</td>
                  <td>${ORGANIZATION_KIND_LABELS[o.kind][locale]}</td>
                  <td>${formatDate(o.validFrom, locale)}</td>
                  <td>${o.validTo ? formatDate(o.validTo, locale) : ''}</td>
                  <td>
                    ${o.successorId ? (orgs.find((s) => s.id === o.successorId)?.code ?? o.successorId) : ''}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="grid">
        <section class="card" aria-labelledby="create-org-title">
          <h2 id="create-org-title">${m.createOrganization}</h2>
          <form method="post" action="/app/admin/organizations" novalidate>
            ${csrfField(ctx)} ${formMessage(m, create)}
            ${inputField(create, { name: 'code', label: m.code, required: true, hint: 'PROVINCE-01' })}
            ${selectField(create, {
              name: 'kind',
              label: m.kind,
              required: true,
              options: ORGANIZATION_KINDS.map((k) => ({
                value: k,
                label: ORGANIZATION_KIND_LABELS[k][locale],
              })),
            })}
            ${inputField(create, { name: 'nameVi', label: m.nameVi, required: true })}
            ${inputField(create, { name: 'nameEn', label: m.nameEn, required: true })}
            ${inputField(create, { name: 'provinceCode', label: m.provinceCode, type: 'number' })}
            ${selectField(create, { name: 'parentId', label: m.organization, empty: m.none, options: orgOptions })}
            ${inputField(create, { name: 'validFrom', label: m.validFrom, type: 'date' })}
            <button type="submit" class="btn btn-primary">${m.createOrganization}</button>
          </form>
        </section>
        <section class="card" aria-labelledby="merge-title">
          <h2 id="merge-title">${m.merge}</h2>
          <form method="post" action="/app/admin/organizations/merge" novalidate>
            ${csrfField(ctx)} ${formMessage(m, merge)}
            ${selectField(merge, { name: 'id', label: m.organization, required: true, empty: '', options: orgOptions })}
            ${selectField(merge, {
              name: 'successorId',
              label: m.successor,
              required: true,
              empty: '',
              options: orgOptions,
            })}
            ${inputField(merge, { name: 'effectiveDate', label: m.effectiveDate, type: 'date', required: true })}
            <button type="submit" class="btn btn-danger">${m.merge}</button>
          </form>
        </section>
      </div>`,
  );
}

export function clustersAdminPage(ctx: WebContext, clusters: OrganizationView[]): string {
  const { m, locale } = ctx;
  const now = new Date().getUTCFullYear();
  return layout(
    ctx,
    m.clusterMembership,
    html`<ul class="card">
      ${clusters.map(
        (c) =>
          html`<li>
            ${pick(c, locale)}:
            ${[now - 3, now - 2, now - 1, now, now + 1].map(
              (y) => html` <a href="/app/admin/clusters/${c.id}/years/${String(y)}">${y}</a>`,
            )}
          </li>`,
      )}
    </ul>`,
  );
}

export function clusterAdminPage(
  ctx: WebContext,
  data: { composition: ClusterYearView; candidates: OrganizationView[] },
  forms: { members?: FormState; leadership?: FormState } = {},
): string {
  const { m, locale } = ctx;
  const c = data.composition;
  const base = `/app/admin/clusters/${c.cluster.id}/years/${c.year}`;
  const memberIds = new Set(c.members.map((o) => o.id));
  const members = forms.members ?? emptyForm();
  const leadership =
    forms.leadership ?? emptyForm({ leaderId: c.leader?.id, deputyIds: c.deputies.map((d) => d.id) });
  const deputies = new Set([leadership.values.deputyIds ?? []].flat());
  return layout(
    ctx,
    `${pick(c.cluster, locale)} – ${c.year}`,
    html`<div class="grid">
      <section class="card" aria-labelledby="members-title">
        <h2 id="members-title">${m.members}</h2>
        <form method="post" action="${base}/members" novalidate>
          ${csrfField(ctx)} ${formMessage(m, members)}
          ${data.candidates.map(
            (o) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  name="organizationIds"
                  value="${o.id}"
                  ${flag('checked', memberIds.has(o.id))}
                />
                ${pick(o, locale)} ${!o.active && html`<span class="muted">(${m.ended})</span>`}</label
              >`,
          )}
          <button type="submit" class="btn btn-primary">${m.save}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="leadership-title">
        <h2 id="leadership-title">${m.leader} / ${m.deputies}</h2>
        <form method="post" action="${base}/leadership" novalidate>
          ${csrfField(ctx)} ${formMessage(m, leadership)}
          ${selectField(leadership, {
            name: 'leaderId',
            label: m.leader,
            required: true,
            empty: '',
            options: c.members.map((o) => ({ value: o.id, label: pick(o, locale) })),
          })}
          <fieldset>
            <legend>${m.deputies}</legend>
            ${c.members.map(
              (o) =>
                html`<label class="check"
                  ><input
                    type="checkbox"
                    name="deputyIds"
                    value="${o.id}"
                    ${flag('checked', deputies.has(o.id))}
                  />
                  ${pick(o, locale)}</label
                >`,
            )}
          </fieldset>
          ${textareaField(leadership, {
            name: 'reason',
            label: m.leadershipReason,
            required: c.leader !== null || c.deputies.length > 0,
            rows: 2,
          })}
          <button type="submit" class="btn btn-primary">${m.save}</button>
        </form>
      </section>
    </div>`,
  );
}

export function usersPage(
  ctx: WebContext,
  data: { users: UserView[]; organizations: OrganizationView[] },
  form: FormState = emptyForm({ locale: 'vi' }),
  createdEmail?: string,
  generatedPassword?: string,
  reset?: { email: string; expiresAt: string; emailed: boolean; link?: string },
  problem?: string,
): string {
  const { m, locale } = ctx;
  return layout(
    ctx,
    m.users,
    html`${
        generatedPassword &&
        html`<div class="alert alert-ok" role="status">
          <p>${createdEmail} – ${m.generatedPassword}:</p>
          <p><span class="receipt" data-password>${generatedPassword}</span></p>
        </div>`
      }
      ${
        reset &&
        html`<div class="alert alert-ok" role="status">
          ${
            reset.link
              ? html`<p>
                    ${reset.email} – ${m.resetLinkIssued}, ${m.validUntil}
                    ${formatDateTime(reset.expiresAt, locale)}:
                  </p>
                  <p><span class="receipt" data-reset-link>${reset.link}</span></p>`
              : html`<p>
                  ${m.resetLinkEmailed} ${reset.email} (${m.validUntil}
                  ${formatDateTime(reset.expiresAt, locale)}).
                </p>`
          }
        </div>`
      }
      ${problem && html`<div class="alert alert-error" role="alert">${problem}</div>`}
      <div class="table-wrap card">
        <table>
          <thead>
            <tr>
              <th scope="col">${m.email}</th>
              <th scope="col">${m.fullName}</th>
              <th scope="col">${m.role}</th>
              <th scope="col">${m.organization}</th>
              <th scope="col">${m.status}</th>
            </tr>
          </thead>
          <tbody>
            ${data.users.map(
              (u) =>
                html`<tr>
                  <td>${u.email}</td>
                  <td>${u.fullName}</td>
                  <td>${u.roleLabel[locale]}</td>
                  <td>${pick(u.organization, locale)}</td>
                  <td>
                    ${u.active ? m.active : m.inactive}
                    ${
                      u.active
                        ? html`<form
                            method="post"
                            action="/app/admin/users/${u.id}/active"
                            class="inline-form"
                          >
                            ${csrfField(ctx)}<input type="hidden" name="active" value="false" />
                            <label class="visually-hidden" for="reason-${u.id}">${m.lockReason}</label>
                            <input
                              id="reason-${u.id}"
                              name="reason"
                              placeholder="${m.lockReason}"
                              maxlength="1000"
                            />
                            <button type="submit" class="btn btn-secondary">${m.deactivate}</button>
                          </form>`
                        : buttonForm(
                            ctx,
                            `/app/admin/users/${u.id}/active`,
                            m.activate,
                            { active: 'true' },
                            'secondary',
                          )
                    }
                    ${buttonForm(ctx, `/app/admin/users/${u.id}/password-reset`, m.issueResetLink, {}, 'secondary')}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <section class="card" aria-labelledby="create-user-title">
        <h2 id="create-user-title">${m.createUser}</h2>
        <form method="post" action="/app/admin/users" novalidate>
          ${csrfField(ctx)} ${formMessage(m, form)}
          <div class="grid">
            <div>
              ${inputField(form, { name: 'email', label: m.email, type: 'email', required: true })}
              ${inputField(form, { name: 'fullName', label: m.fullName, required: true })}
              ${selectField(form, {
                name: 'role',
                label: m.role,
                required: true,
                empty: '',
                options: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][locale] })),
              })}
            </div>
            <div>
              ${selectField(form, {
                name: 'organizationId',
                label: m.organization,
                required: true,
                empty: '',
                options: data.organizations.map((o) => ({ value: o.id, label: pick(o, locale) })),
              })}
              ${selectField(form, {
                name: 'locale',
                label: m.language,
                options: [
                  { value: 'vi', label: 'Tiếng Việt' },
                  { value: 'en', label: 'English' },
                ],
              })}
              ${inputField(
                { ...form, values: {} },
                {
                  name: 'password',
                  label: `${m.password} (${m.optional})`,
                  type: 'password',
                  autocomplete: 'new-password',
                },
              )}
            </div>
          </div>
          <button type="submit" class="btn btn-primary">${m.createUser}</button>
        </form>
      </section>`,
  );
}

export function awardsPage(ctx: WebContext, awards: AwardTypeView[]): string {
  const { m, locale } = ctx;
  return layout(
    ctx,
    m.awards,
    html`<div class="table-wrap card">
      <table>
        <thead>
          <tr>
            <th scope="col">${m.code}</th>
            <th scope="col">${m.award}</th>
            <th scope="col">${m.route}</th>
            <th scope="col">${m.policyVersion}</th>
          </tr>
        </thead>
        <tbody>
          ${awards.map(
            (a) =>
              html`<tr>
                <td><a href="/app/admin/awards/${a.code}">${a.code}</a></td>
                <td>${pick(a, locale)}</td>
                <td>${POLICY_MESSAGES[locale].routes[a.route] ?? a.route}</td>
                <td>
                  ${a.policy ? html`${m.version} ${a.policy.version} (${formatDate(a.policy.effectiveFrom, locale)})` : m.none}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
  );
}

export function awardPage(
  ctx: WebContext,
  award: AwardTypeView & { versions: PolicyView[] },
  form?: FormState,
): string {
  const { m, locale } = ctx;
  const latest = award.versions.at(-1);
  const f = form ?? emptyForm({ ...formOfRules(latest?.rules ?? null), source: '', effectiveFrom: '' });
  return layout(
    ctx,
    pick(award, locale),
    html`<section class="card" aria-labelledby="versions-title">
        <h2 id="versions-title">${m.policies}</h2>
        ${award.versions.map(
          (v) => html`<details${flag('open', v.id === award.policy?.id)}>
            <summary>
              ${m.version} ${v.version} – ${formatDate(v.effectiveFrom, locale)}
              ${v.id === award.policy?.id && html`<span class="badge badge-ok">${m.inForce}</span>`}
            </summary>
            <p>${m.source}: ${locale === 'en' && v.sourceEn ? v.sourceEn : v.source}</p>
            ${policySummary(ctx, v.rules)}
          </details>`,
        )}
      </section>
      <section class="card" aria-labelledby="policy-title">
        <h2 id="policy-title">${m.addPolicy}</h2>
        <form method="post" action="/app/admin/awards/${award.code}/policies" novalidate>
          ${csrfField(ctx)} ${formMessage(m, f)}
          ${inputField(f, { name: 'effectiveFrom', label: m.effectiveDate, type: 'date', required: true })}
          ${inputField(f, { name: 'source', label: m.source, required: true })}
          ${inputField(f, { name: 'sourceEn', label: POLICY_MESSAGES[locale].sourceEn })}
          ${policyFields(ctx, f)}
          <button type="submit" class="btn btn-primary">${m.addPolicy}</button>
        </form>
      </section>`,
  );
}
