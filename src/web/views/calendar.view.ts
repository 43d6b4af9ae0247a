import type { CalendarYearView } from '../../calendar/calendar.service';
import { html } from '../html';
import type { Locale } from '../i18n';
import type { WebContext } from '../web-context';
import {
  csrfField,
  emptyForm,
  formatDate,
  type FormState,
  formMessage,
  inputField,
  selectField,
  textareaField,
} from './components.view';
import { layout } from './layout.view';

const TEXT = {
  vi: {
    title: 'Lịch ngày nghỉ, ngày làm việc',
    year: 'Năm',
    show: 'Xem',
    confirmed: 'Đã xác nhận',
    provisional: 'Tạm tính',
    provisionalExplained:
      'Năm này chưa được xác nhận: các ngày nghỉ dưới đây được tính sẵn theo Bộ luật Lao động 2019 (Điều 112). Hạn xử lý rơi vào năm này được ghi là tạm tính cho đến khi quản trị viên nhập thông báo của Chính phủ và xác nhận năm.',
    confirmedExplained: 'Lịch của năm này đã được xác nhận theo thông báo của Chính phủ.',
    confirmedOn: 'Xác nhận ngày',
    date: 'Ngày',
    weekday: 'Thứ',
    kind: 'Loại',
    name: 'Tên ngày',
    source: 'Căn cứ',
    origin: 'Nguồn',
    dayOff: 'Ngày nghỉ',
    workingDay: 'Ngày đi làm (làm bù)',
    entered: 'Quản trị viên nhập',
    computed: 'Tính theo Bộ luật Lao động',
    remove: 'Xoá',
    removeConfirm: 'Xoá ngày này khỏi lịch?',
    none: 'Không có ngày nghỉ nào khác ngày nghỉ cuối tuần.',
    setTitle: 'Thêm hoặc sửa một ngày',
    nameVi: 'Tên (tiếng Việt)',
    nameEn: 'Tên (tiếng Anh)',
    reason: 'Lý do thay đổi',
    save: 'Lưu ngày',
    confirmTitle: 'Xác nhận lịch của năm',
    confirmHint:
      'Khi xác nhận, các ngày tính sẵn chưa được sửa sẽ được ghi vào lịch như hiện có, và lịch của năm chỉ còn gồm các ngày đã nhập. Không thể hoàn tác.',
    note: 'Số, ngày của thông báo',
    confirmCheck: 'Tôi đã đối chiếu lịch trên với thông báo của Chính phủ',
    confirmButton: 'Xác nhận lịch năm',
    weekdays: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  },
  en: {
    title: 'Days off and working days',
    year: 'Year',
    show: 'Show',
    confirmed: 'Confirmed',
    provisional: 'Provisional',
    provisionalExplained:
      "This year is not confirmed: the days off below are computed from the Labour Code 2019 (art. 112). Deadlines falling in this year are marked provisional until an administrator enters the Government's notice and confirms the year.",
    confirmedExplained: "This year's schedule is confirmed from the Government's notice.",
    confirmedOn: 'Confirmed on',
    date: 'Date',
    weekday: 'Day',
    kind: 'Kind',
    name: 'Name',
    source: 'Source',
    origin: 'Origin',
    dayOff: 'Day off',
    workingDay: 'Working day (make-up)',
    entered: 'Entered by an administrator',
    computed: 'Computed from the Labour Code',
    remove: 'Remove',
    removeConfirm: 'Remove this day from the calendar?',
    none: 'No days off besides weekends.',
    setTitle: 'Add or change a day',
    nameVi: 'Name (Vietnamese)',
    nameEn: 'Name (English)',
    reason: 'Reason for the change',
    save: 'Save the day',
    confirmTitle: "Confirm the year's schedule",
    confirmHint:
      'On confirmation the computed days not changed are entered as they stand, and from then on the year is exactly what is entered. This cannot be undone.',
    note: 'Number and date of the notice',
    confirmCheck: "I checked the schedule above against the Government's notice",
    confirmButton: "Confirm the year's schedule",
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  },
} as const;

export const calendarText = (locale: Locale) => TEXT[locale];

export function calendarPage(
  ctx: WebContext,
  data: { year: CalendarYearView; years: { year: number; status: 'confirmed' | 'provisional' }[] },
  forms: { day?: FormState; confirm?: FormState } = {},
): string {
  const { m, locale } = ctx;
  const t = TEXT[locale];
  const { year } = data;
  const base = '/app/admin/calendar';
  const day = forms.day ?? emptyForm({ kind: 'day_off' });
  const confirm = forms.confirm ?? emptyForm();
  const weekday = (date: string) => t.weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()];
  const provisional = year.status === 'provisional';
  return layout(
    ctx,
    `${t.title} ${year.year}`,
    html`<form method="get" action="${base}" class="filters">
        ${selectField(emptyForm({ year: String(year.year) }), {
          name: 'year',
          label: t.year,
          options: data.years.map((y) => ({
            value: String(y.year),
            label: `${y.year} — ${y.status === 'confirmed' ? t.confirmed : t.provisional}`,
          })),
        })}
        <button type="submit" class="btn btn-secondary">${t.show}</button>
      </form>
      <section class="card" aria-labelledby="status-title">
        <h2 id="status-title">
          ${year.year}
          <span class="badge ${provisional ? 'badge-danger' : 'badge-ok'}"
            >${provisional ? t.provisional : t.confirmed}</span
          >
        </h2>
        <p>${provisional ? t.provisionalExplained : t.confirmedExplained}</p>
        ${
          year.confirmedAt &&
          html`<p class="muted">
            ${t.confirmedOn} ${formatDate(year.confirmedAt, locale)}${year.note && html` — ${year.note}`}
          </p>`
        }
      </section>
      <div class="table-wrap card">
        ${
          year.days.length === 0
            ? html`<p class="muted">${t.none}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">${t.date}</th>
                    <th scope="col">${t.weekday}</th>
                    <th scope="col">${t.kind}</th>
                    <th scope="col">${t.name}</th>
                    <th scope="col">${t.origin}</th>
                    <th scope="col">${t.source}</th>
                    <th scope="col"><span class="visually-hidden">${t.remove}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${year.days.map(
                    (d) =>
                      html`<tr>
                        <td><time datetime="${d.date}">${formatDate(d.date, locale)}</time></td>
                        <td>${weekday(d.date)}</td>
                        <td>${d.kind === 'day_off' ? t.dayOff : t.workingDay}</td>
                        <td>${locale === 'en' ? d.nameEn : d.nameVi}</td>
                        <td>${d.origin === 'entered' ? t.entered : t.computed}</td>
                        <td class="muted">${d.source}</td>
                        <td>
                          ${
                            d.origin === 'entered' &&
                            html`<form
                              method="post"
                              action="${base}/days/${d.date}/removal"
                              class="inline-form"
                            >
                              ${csrfField(ctx)}
                              <button
                                type="submit"
                                class="btn btn-secondary"
                                data-confirm="${t.removeConfirm}"
                              >
                                ${t.remove}
                              </button>
                            </form>`
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </div>
      <section class="card" aria-labelledby="day-title">
        <h2 id="day-title">${t.setTitle}</h2>
        <form method="post" action="${base}/days" novalidate>
          ${csrfField(ctx)} ${formMessage(m, day)}
          ${inputField(day, { name: 'date', label: t.date, type: 'date', required: true })}
          ${selectField(day, {
            name: 'kind',
            label: t.kind,
            required: true,
            options: [
              { value: 'day_off', label: t.dayOff },
              { value: 'working_day', label: t.workingDay },
            ],
          })}
          ${inputField(day, { name: 'nameVi', label: t.nameVi, required: true })}
          ${inputField(day, { name: 'nameEn', label: t.nameEn, required: true })}
          ${inputField(day, { name: 'source', label: t.source, required: true })}
          ${inputField(day, { name: 'reason', label: t.reason })}
          <button type="submit" class="btn btn-primary">${t.save}</button>
        </form>
      </section>
      ${
        provisional &&
        html`<section class="card" aria-labelledby="confirm-title">
          <h2 id="confirm-title">${t.confirmTitle}</h2>
          <p class="hint">${t.confirmHint}</p>
          <form method="post" action="${base}/years/${year.year}/confirmation" novalidate>
            ${csrfField(ctx)} ${formMessage(m, confirm)}
            ${textareaField(confirm, { name: 'note', label: t.note, rows: 2 })}
            <div class="field${confirm.errors.acknowledge ? ' has-error' : ''}">
              <label class="check"
                ><input type="checkbox" name="acknowledge" value="yes" required /> ${t.confirmCheck}</label
              >
              ${confirm.errors.acknowledge && html`<p class="field-error">${confirm.errors.acknowledge.join(' ')}</p>`}
            </div>
            <button type="submit" class="btn btn-primary">${t.confirmButton}</button>
          </form>
        </section>`
      }`,
  );
}
