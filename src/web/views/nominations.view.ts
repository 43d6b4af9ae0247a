import type { NominationView } from '../../nominations/nominations.service';
import type { SortDirection, Worklist, WorklistSort } from '../../nominations/nomination-worklist.service';
import { flag, html } from '../html';
import { STEP_MESSAGES } from '../steps-i18n';
import { pick } from '../i18n';
import type { NominationPagesService } from '../nomination-pages.service';
import type { WebContext } from '../web-context';
import {
  csrfField,
  type FormState,
  formMessage,
  inputField,
  selectField,
  textareaField,
} from './components.view';
import { nominationRows } from './home.view';
import { layout } from './layout.view';

type Options = Awaited<ReturnType<NominationPagesService['filterOptions']>>;
type CreateOptions = Awaited<ReturnType<NominationPagesService['createOptions']>>;

const FILTERS = ['year', 'awardType', 'state', 'clusterId', 'nominatingOrganizationId', 'q', 'overdue'];

export interface ListOrder {
  sort: WorklistSort;
  dir: SortDirection;
  page: number;
}

export function nominationListPage(
  ctx: WebContext,
  form: FormState,
  result: (Worklist & { options: Options }) | null,
  order: ListOrder,
): string {
  const { m, locale } = ctx;
  const s = STEP_MESSAGES[locale];
  const options = result?.options;
  const link = (next: Partial<ListOrder>) => {
    const params = new URLSearchParams();
    for (const key of FILTERS) {
      const v = form.values[key];
      if (typeof v === 'string' && v !== '') params.set(key, v);
    }
    const o = { ...order, ...next };
    params.set('sort', o.sort);
    params.set('dir', o.dir);
    if (o.page > 1) params.set('page', String(o.page));
    return `/app/nominations?${params.toString()}`;
  };
  const sortLink = (by: WorklistSort) =>
    link({ sort: by, page: 1, dir: order.sort === by ? (order.dir === 'asc' ? 'desc' : 'asc') : 'asc' });
  const years = Array.from({ length: 6 }, (_, i) => String(new Date().getUTCFullYear() - i));
  return layout(
    ctx,
    m.nominationsTitle,
    html`<form
        method="get"
        action="/app/nominations"
        class="card filters"
        role="search"
        aria-label="${m.filters}"
      >
        ${inputField(form, { name: 'q', label: m.search, hint: m.searchHint })}
        ${selectField(form, {
          name: 'year',
          label: m.year,
          empty: m.any,
          options: years.map((y) => ({ value: y, label: y })),
        })}
        ${
          options &&
          html`${selectField(form, {
            name: 'awardType',
            label: m.award,
            empty: m.any,
            options: options.awards.map((a) => ({ value: a.code, label: pick(a, locale) })),
          })}
          ${selectField(form, {
            name: 'state',
            label: m.state,
            empty: m.any,
            options: options.states.map((s) => ({ value: s.value, label: s.label[locale] })),
          })}
          ${selectField(form, {
            name: 'clusterId',
            label: m.cluster,
            empty: m.any,
            options: options.clusters.map((c) => ({ value: c.id, label: pick(c, locale) })),
          })}
          ${selectField(form, {
            name: 'nominatingOrganizationId',
            label: m.nominatingUnit,
            empty: m.any,
            options: options.provinces.map((c) => ({ value: c.id, label: pick(c, locale) })),
          })}`
        }
        <div class="field">
          <label class="check"
            ><input
              type="checkbox"
              name="overdue"
              value="true"
              ${flag('checked', form.values.overdue === 'true')}
            />
            ${m.overdueOnly}</label
          >
        </div>
        <div class="field">
          <button type="submit" class="btn btn-primary">${m.apply}</button>
        </div>
        <div class="field"><a href="/app/nominations">${m.clear}</a></div>
      </form>
      ${formMessage(m, form)}
      ${
        result &&
        html`<p data-total><strong>${s.total(result.total)}</strong></p>
          ${
            result.items.length === 0
              ? html`<p class="muted">${m.noNominations}</p>`
              : nominationRows(ctx, result.items, false, { ...order, href: sortLink })
          }
          <p class="actions" data-paging>
            ${result.page > 1 && html`<a class="btn btn-secondary" href="${link({ page: result.page - 1 })}">${s.previousPage}</a>`}
            <span>${s.pageOf(result.page, result.pages)}</span>
            ${result.page < result.pages && html`<a class="btn btn-secondary" href="${link({ page: result.page + 1 })}">${m.nextPage}</a>`}
          </p>`
      }`,
  );
}

export function newNominationPage(ctx: WebContext, form: FormState, options: CreateOptions): string {
  const { m, locale } = ctx;
  const year = String(new Date().getUTCFullYear() - 1);
  const values = { year, ...form.values };
  const f = { ...form, values };
  return layout(
    ctx,
    m.newNominationTitle,
    html`<div class="card">
      ${formMessage(m, form)}
      <form method="post" action="/app/nominations" novalidate>
        ${csrfField(ctx)}
        <div class="grid">
          <div>
            ${selectField(f, {
              name: 'awardType',
              label: m.award,
              required: true,
              empty: '',
              options: options.awards.map((a) => ({ value: a.code, label: pick(a, locale) })),
            })}
            ${inputField(f, { name: 'year', label: m.year, type: 'number', required: true, min: '2000', max: '2100' })}
            ${selectField(f, {
              name: 'clusterId',
              label: m.cluster,
              empty: m.noCluster,
              options: options.clusters.map((c) => ({ value: c.id, label: pick(c, locale) })),
            })}
            ${selectField(f, {
              name: 'nominee.kind',
              label: m.nomineeKind,
              required: true,
              options: [
                { value: 'collective', label: m.collective },
                { value: 'individual', label: m.individual },
              ],
            })}
            ${selectField(f, {
              name: 'nominee.organizationId',
              label: m.nomineeOrganization,
              required: true,
              empty: '',
              options: options.nominees.map((o) => ({ value: o.id, label: pick(o, locale) })),
            })}
            <div data-when="nominee.kind" data-is="collective">
              ${inputField(f, {
                name: 'nominee.femaleShare',
                label: m.femaleShare,
                hint: m.femaleShareHint,
                inputmode: 'decimal',
              })}
            </div>
          </div>
          <fieldset data-when="nominee.kind" data-is="individual">
            <legend>${m.individual} <span class="muted">(${m.individualOnly})</span></legend>
            ${inputField(f, { name: 'nominee.fullName', label: m.fullName, required: true, autocomplete: 'off' })}
            ${selectField(f, {
              name: 'nominee.gender',
              label: m.gender,
              required: true,
              empty: '',
              options: [
                { value: 'female', label: m.female },
                { value: 'male', label: m.male },
              ],
            })}
            ${inputField(f, { name: 'nominee.position', label: m.position, required: true })}
            ${inputField(f, { name: 'nominee.birthDate', label: m.birthDate, type: 'date' })}
            ${inputField(f, { name: 'nominee.hometown', label: m.hometown })}
            ${inputField(f, { name: 'nominee.ethnicity', label: m.ethnicity })}
            ${inputField(f, { name: 'nominee.serviceYears', label: m.serviceYears, type: 'number', min: '0', max: '70' })}
          </fieldset>
        </div>
        ${textareaField(f, { name: 'summary', label: m.summary, required: true, rows: 6 })}
        <button type="submit" class="btn btn-primary">${m.create}</button>
      </form>
    </div>`,
  );
}

/** Plain text: the layout escapes it where it is used (the title element and the heading). */
export const nominationTitle = (ctx: WebContext, n: NominationView): string =>
  `${n.nominee.name} – ${pick(n.awardType, ctx.locale)} ${n.year}`;
