import type { MeetingView } from '../../meetings/meetings.service';
import { html } from '../html';
import type { WebContext } from '../web-context';
import {
  csrfField,
  emptyForm,
  formatDate,
  type FormState,
  formMessage,
  inputField,
  nominatingUnit,
  selectField,
  textareaField,
} from './components.view';
import { layout } from './layout.view';

import type { DecisionPageKind } from '../decisions-nav';

export type { DecisionPageKind };

/** A nomination waiting for the decision, as the page lists it. */
export interface PendingNomination {
  id: string;
  dossierNumber: string;
  year: number;
  awardType: { nameVi: string; nameEn: string };
  nominee: { name: string };
  nominatingOrganization: {
    nameVi: string;
    nameEn: string;
    successor: { nameVi: string; nameEn: string } | null;
  };
}

export interface RecordedDecision {
  id: string;
  number: string | null;
  date: string;
  signer: string | null;
  nominations: number;
}

/** What the last attempt was refused for, nomination by nomination (nothing was recorded). */
export interface DecisionRefusal {
  dossierNumber: string;
  nominee: string;
  message: string;
}

const TEXT = {
  vi: {
    primeMinister: {
      title: 'Ghi nhận quyết định của Thủ tướng Chính phủ',
      intro:
        'Chọn các hồ sơ mà một quyết định đã ký của Thủ tướng Chính phủ quyết định, rồi nhập số, ngày và người ký của quyết định. Mọi hồ sơ được chọn chuyển trạng thái cùng lúc, hoặc không hồ sơ nào.',
      pending: 'Hồ sơ đang trình Thủ tướng',
      none: 'Không có hồ sơ nào đang chờ quyết định của Thủ tướng.',
      outcomes: [
        { value: 'awarded', label: 'Tặng thưởng' },
        { value: 'rejected', label: 'Không tặng thưởng' },
      ],
      submit: 'Ghi nhận quyết định',
    },
    council: {
      title: 'Ghi nhận kết quả phiên họp Hội đồng',
      intro:
        'Chọn phiên họp của Hội đồng Thi đua – Khen thưởng Trung ương và các hồ sơ đã được xét tại phiên đó. Mọi hồ sơ được chọn chuyển trạng thái cùng lúc, hoặc không hồ sơ nào.',
      pending: 'Hồ sơ đang chờ Hội đồng xét',
      none: 'Không có hồ sơ nào đang chờ Hội đồng xét.',
      outcomes: [
        { value: 'approved', label: 'Hội đồng nhất trí trình Thủ tướng' },
        { value: 'rejected', label: 'Hội đồng không nhất trí' },
      ],
      submit: 'Ghi nhận kết quả',
    },
    choose: 'Chọn',
    dossier: 'Số hồ sơ',
    nominee: 'Đối tượng',
    award: 'Hình thức',
    unit: 'Đơn vị đề nghị',
    year: 'Năm',
    outcome: 'Kết quả',
    number: 'Số quyết định',
    numberHint: 'Để trống: lấy số tiếp theo trong sổ văn bản của đơn vị.',
    date: 'Ngày ký',
    signerName: 'Người ký',
    signerFunction: 'Chức vụ người ký',
    meeting: 'Phiên họp Hội đồng',
    meetingEmpty: '— Chọn phiên họp —',
    noMeetings: 'Chưa có phiên họp nào của Hội đồng được ghi nhận.',
    reason: 'Lý do (bắt buộc khi không nhất trí)',
    acknowledge: 'Tôi đã đối chiếu các hồ sơ được chọn với văn bản đã ký. Việc ghi nhận không thể hoàn tác.',
    chooseOne: 'Hãy chọn ít nhất một hồ sơ.',
    refusedTitle: 'Chưa ghi nhận: các hồ sơ sau không thể nhận kết quả này',
    recorded: (n: number, number: string | null) =>
      number ? `Đã ghi nhận quyết định số ${number} cho ${n} hồ sơ.` : `Đã ghi nhận kết quả cho ${n} hồ sơ.`,
    recent: 'Đã ghi nhận gần đây',
    recentNone: 'Chưa có quyết định nào được ghi nhận.',
    count: 'Số hồ sơ',
  },
  en: {
    primeMinister: {
      title: "Record the Prime Minister's decision",
      intro:
        "Choose the nominations a signed decision of the Prime Minister decides, then enter the decision's number, date and signer. Every chosen nomination moves at once, or none does.",
      pending: 'Proposed to the Prime Minister',
      none: "No nomination is waiting for the Prime Minister's decision.",
      outcomes: [
        { value: 'awarded', label: 'Awarded' },
        { value: 'rejected', label: 'Not awarded' },
      ],
      submit: 'Record the decision',
    },
    council: {
      title: "Record a Council session's outcome",
      intro:
        'Choose the session of the Central Emulation and Commendation Council and the nominations it reviewed. Every chosen nomination moves at once, or none does.',
      pending: 'Waiting for the Council',
      none: 'No nomination is waiting for the Council.',
      outcomes: [
        { value: 'approved', label: 'Approved: proposed to the Prime Minister' },
        { value: 'rejected', label: 'Not approved' },
      ],
      submit: 'Record the outcome',
    },
    choose: 'Choose',
    dossier: 'Dossier',
    nominee: 'Nominee',
    award: 'Award',
    unit: 'Nominating unit',
    year: 'Year',
    outcome: 'Outcome',
    number: 'Decision number',
    numberHint: "Leave empty for the next number of your organisation's register.",
    date: 'Signed on',
    signerName: 'Signed by',
    signerFunction: "Signer's function",
    meeting: 'Council session',
    meetingEmpty: '— Choose the session —',
    noMeetings: 'No Council session has been recorded yet.',
    reason: 'Reason (required when not approved)',
    acknowledge:
      'I have checked the chosen nominations against the signed document. Recording cannot be undone.',
    chooseOne: 'Choose at least one nomination.',
    refusedTitle: 'Nothing recorded: these nominations cannot take this outcome',
    recorded: (n: number, number: string | null) =>
      number
        ? `Decision ${number} recorded for ${n} nomination(s).`
        : `Outcome recorded for ${n} nomination(s).`,
    recent: 'Recently recorded',
    recentNone: 'No decision has been recorded yet.',
    count: 'Nominations',
  },
};

export const chooseAtLeastOne = (locale: 'vi' | 'en') => TEXT[locale].chooseOne;

export function decisionsPage(
  ctx: WebContext,
  data: {
    kind: DecisionPageKind;
    pending: PendingNomination[];
    meetings: MeetingView[];
    recent: RecordedDecision[];
    recorded?: RecordedDecision;
  },
  form: FormState = emptyForm(),
  refusals: DecisionRefusal[] = [],
): string {
  const { locale, m } = ctx;
  const t = TEXT[locale];
  const k = t[data.kind];
  const chosen = new Set(
    Array.isArray(form.values.nominationId)
      ? form.values.nominationId
      : form.values.nominationId
        ? [form.values.nominationId]
        : [],
  );
  const name = (o: { nameVi: string; nameEn: string }) => (locale === 'en' ? o.nameEn : o.nameVi);
  const values = { outcome: k.outcomes[0].value, ...form.values };
  const state: FormState = { ...form, values };
  return layout(
    ctx,
    k.title,
    html`<p class="hint">${k.intro}</p>
      ${
        data.recorded &&
        html`<div class="alert alert-ok" role="status">
          ${t.recorded(data.recorded.nominations, data.recorded.number)}
        </div>`
      }
      ${
        refusals.length > 0 &&
        html`<section class="alert alert-error" role="alert" aria-labelledby="refused-title">
          <h2 id="refused-title">${t.refusedTitle}</h2>
          <ul>
            ${refusals.map((r) => html`<li><strong>${r.dossierNumber}</strong> — ${r.nominee}: ${r.message}</li>`)}
          </ul>
        </section>`
      }
      <form method="post" action="/app/decisions" novalidate>
        ${csrfField(ctx)} ${formMessage(m, state)}
        <section class="card" aria-labelledby="pending-title">
          <h2 id="pending-title">${k.pending} (${data.pending.length})</h2>
          ${
            data.pending.length === 0
              ? html`<p class="muted">${k.none}</p>`
              : html`<div class="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">${t.choose}</th>
                        <th scope="col">${t.dossier}</th>
                        <th scope="col">${t.nominee}</th>
                        <th scope="col">${t.award}</th>
                        <th scope="col">${t.unit}</th>
                        <th scope="col">${t.year}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${data.pending.map(
                        (n) =>
                          html`<tr>
                            <td>
                              <input
                                type="checkbox"
                                name="nominationId"
                                value="${n.id}"
                                id="pick-${n.id}"
                                aria-label="${t.choose} ${n.dossierNumber}"
                                ${chosen.has(n.id) ? 'checked' : ''}
                              />
                            </td>
                            <td><a href="/app/nominations/${n.id}">${n.dossierNumber}</a></td>
                            <td>${n.nominee.name}</td>
                            <td>${name(n.awardType)}</td>
                            <td>${nominatingUnit(ctx, n.nominatingOrganization)}</td>
                            <td>${n.year}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`
          }
          ${
            state.errors.nominationId &&
            html`<p class="field-error" id="err-nominationId">${state.errors.nominationId.join(' ')}</p>`
          }
        </section>
        ${
          data.pending.length > 0 &&
          html`<section class="card">
            ${selectField(state, { name: 'outcome', label: t.outcome, required: true, options: k.outcomes })}
            ${
              data.kind === 'primeMinister'
                ? html`${inputField(state, { name: 'number', label: t.number, hint: t.numberHint })}
                  ${inputField(state, { name: 'date', label: t.date, type: 'date', required: true })}
                  ${inputField(state, { name: 'signerName', label: t.signerName, required: true })}
                  ${inputField(state, { name: 'signerFunction', label: t.signerFunction, required: true })}`
                : html`${
                    data.meetings.length === 0
                      ? html`<p class="muted">${t.noMeetings}</p>`
                      : selectField(state, {
                          name: 'meetingId',
                          label: t.meeting,
                          required: true,
                          empty: t.meetingEmpty,
                          options: data.meetings.map((mt) => ({
                            value: mt.id,
                            label: `${formatDate(mt.heldOn, locale)} — ${mt.place}`,
                          })),
                        })
                  }
                  ${textareaField(state, { name: 'reason', label: t.reason, rows: 2 })}`
            }
            <div class="field${state.errors.acknowledge ? ' has-error' : ''}">
              <label class="check"
                ><input type="checkbox" name="acknowledge" value="yes" required /> ${t.acknowledge}</label
              >
              ${state.errors.acknowledge && html`<p class="field-error">${state.errors.acknowledge.join(' ')}</p>`}
            </div>
            <button type="submit" class="btn btn-primary">${k.submit}</button>
          </section>`
        }
      </form>
      <section class="card" aria-labelledby="recent-title">
        <h2 id="recent-title">${t.recent}</h2>
        ${
          data.recent.length === 0
            ? html`<p class="muted">${t.recentNone}</p>`
            : html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${t.number}</th>
                      <th scope="col">${t.date}</th>
                      <th scope="col">${t.signerName}</th>
                      <th scope="col">${t.count}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${data.recent.map(
                      (d) =>
                        html`<tr>
                          <td>${d.number ?? '—'}</td>
                          <td><time datetime="${d.date}">${formatDate(d.date, locale)}</time></td>
                          <td>${d.signer ?? '—'}</td>
                          <td>${d.nominations}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
      </section>`,
  );
}
