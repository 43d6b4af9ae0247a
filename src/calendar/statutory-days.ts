import { LunarDate } from 'lunar-date-vn';

/** A weekday that is not worked, as the Labour Code gives it when the Government has not published its notice. */
export interface StatutoryDay {
  date: string;
  nameVi: string;
  nameEn: string;
}

export const STATUTORY_SOURCE =
  'Bộ luật Lao động 2019, Điều 112 (lịch tính sẵn, chưa có thông báo của Chính phủ)';

const DAY_MS = 86_400_000;
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

/**
 * The solar date of a lunar date, in Vietnam's calendar: the library computes new moons for UTC+7 (a Chinese
 * calendar, at UTC+8, puts some of them on the next day: the lunar new year of 2030 is 2 February in Vietnam and
 * 3 February in China).
 */
export function solarOfLunar(day: number, month: number, year: number): string {
  const lunar = new LunarDate({ day, month, year, yearIndex: 0, hour: 0 });
  lunar.init();
  const solar = lunar.toSolarDate()?.get();
  if (!solar) throw new RangeError(`no solar date for lunar ${day}/${month}/${year}`);
  return iso(solar.year, solar.month, solar.day);
}

/** The day 2 September is paired with (art. 112: "and one adjacent day, before or after"), to bridge a weekend. */
function nationalDayPair(year: number): string {
  const second = iso(year, 9, 2);
  // Monday or Sunday: the 3rd (a Monday or a Tuesday bridges to the weekend); otherwise the 1st, except that a
  // Thursday is paired with the Friday.
  switch (weekday(second)) {
    case 1:
    case 0:
    case 4:
      return iso(year, 9, 3);
    default:
      return iso(year, 9, 1);
  }
}

/**
 * The weekday days off of a year under the Labour Code 2019 art. 112, for civil servants who work Monday to
 * Friday: 1 January; Tết (the last day of the lunar year and the first four of the new one); the Hùng Kings'
 * commemoration (10th day of the 3rd lunar month); 30 April and 1 May; 2 September and one adjacent day. A holiday
 * that falls on a Saturday or a Sunday gives a day off on the next working day (art. 111.3). The Government's
 * yearly notice places Tết and 2 September precisely and sometimes swaps days: an administrator enters it and it
 * overrides these defaults.
 */
export function statutoryDaysOff(year: number): StatutoryDay[] {
  const tet = solarOfLunar(1, 1, year);
  const holidays: StatutoryDay[] = [
    { date: iso(year, 1, 1), nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" },
    ...[-1, 0, 1, 2, 3].map((offset) => ({
      date: shift(tet, offset),
      nameVi: 'Tết Nguyên đán',
      nameEn: 'Lunar New Year (Tết)',
    })),
    { date: solarOfLunar(10, 3, year), nameVi: 'Giỗ Tổ Hùng Vương', nameEn: 'Hung Kings Commemoration' },
    { date: iso(year, 4, 30), nameVi: 'Ngày Giải phóng miền Nam', nameEn: 'Reunification Day' },
    { date: iso(year, 5, 1), nameVi: 'Ngày Quốc tế Lao động', nameEn: 'Labour Day' },
    { date: iso(year, 9, 2), nameVi: 'Quốc khánh', nameEn: 'National Day' },
    { date: nationalDayPair(year), nameVi: 'Quốc khánh', nameEn: 'National Day' },
  ].sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(holidays.map((h) => h.date));
  const days: StatutoryDay[] = holidays.filter((h) => !isWeekend(h.date));
  for (const holiday of holidays.filter((h) => isWeekend(h.date))) {
    // The next weekday that is neither a holiday nor already given in lieu of another.
    let date = shift(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = shift(date, 1);
    taken.add(date);
    days.push({
      date,
      nameVi: `Nghỉ bù ${holiday.nameVi}`,
      nameEn: `${holiday.nameEn} (in lieu)`,
    });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
