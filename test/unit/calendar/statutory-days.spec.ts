import { OFFICIAL_DAYS } from '../../../migrations/1764140000002-calendar-seed';
import { solarOfLunar, statutoryDaysOff } from '../../../src/calendar/statutory-days';
import {
  addWorkingDays,
  isWorkingDay,
  nextOfficeHour,
  type HolidayTable,
} from '../../../src/calendar/working-days';

const computedDates = (year: number) => statutoryDaysOff(year).map((d) => d.date);
const officialDaysOff = (year: number) =>
  OFFICIAL_DAYS.filter((d) => d[0].startsWith(`${year}-`) && d[1] === 'day_off').map((d) => d[0]);
/** A calendar of the Labour Code's defaults only, for any year. */
const statutory: HolidayTable = {
  daysOff: { has: (date) => computedDates(Number(date.slice(0, 4))).includes(date) },
  workingWeekends: { has: () => false },
};

describe("the Labour Code's days off, computed for any year (art. 112)", () => {
  it('places the lunar new year in Vietnam’s time zone: 2 February 2030 (China, at UTC+8: 3 February)', () => {
    expect(solarOfLunar(1, 1, 2007)).toBe('2007-02-17'); // China: 18 February 2007
    expect(solarOfLunar(1, 1, 2030)).toBe('2030-02-02');
    expect(solarOfLunar(1, 1, 2026)).toBe('2026-02-17');
    expect(solarOfLunar(10, 3, 2026)).toBe('2026-04-26'); // Hùng Kings, a Sunday
  });

  it('equals the official schedule of 2026 exactly', () => {
    expect(computedDates(2026)).toEqual(officialDaysOff(2026));
  });

  // Where the Government's notice differs from the Labour Code's defaults, each difference is its choice:
  it('differs from the official schedules of 2023–2025 only where the Government placed Tết or swapped days', () => {
    const differences = (year: number) => ({
      computedOnly: computedDates(year).filter((d) => !officialDaysOff(year).includes(d)),
      officialOnly: officialDaysOff(year).filter((d) => !computedDates(year).includes(d)),
    });
    // 2023: Tết is 22 January (a Sunday). The defaults give 21–25 January and, for the weekend days, 26 and 27;
    // the notice began the break a day earlier: Friday 20 January (29 Tết) instead of Friday 27.
    expect(differences(2023)).toEqual({ computedOnly: ['2023-01-27'], officialOnly: ['2023-01-20'] });
    // 2024: Tết is 10 February (a Saturday). The notice began on Thursday 8 February (28 Tết) instead of ending on
    // Thursday 15, and swapped Monday 29 April for Saturday 4 May (worked).
    expect(differences(2024)).toEqual({
      computedOnly: ['2024-02-15'],
      officialOnly: ['2024-02-08', '2024-04-29'],
    });
    // 2025: Tết is 29 January. The notice took Monday 27 January instead of Monday 3 February (for the Saturday
    // 1 February), and swapped Friday 2 May for Saturday 26 April (worked).
    expect(differences(2025)).toEqual({
      computedOnly: ['2025-02-03'],
      officialOnly: ['2025-01-27', '2025-05-02'],
    });
    // The substitute days for weekend holidays all match: 2 January 2023 (New Year on a Sunday), 2–3 May 2023
    // (Hùng Kings on Saturday 29 April, 30 April a Sunday), 4 September 2023 (2 September a Saturday).
    for (const d of ['2023-01-02', '2023-05-02', '2023-05-03', '2023-09-01', '2023-09-04']) {
      expect(computedDates(2023)).toContain(d);
    }
  });

  it('computes Tết 2027 (6 February, a Saturday): 5, 8, 9 February and, in lieu of the weekend, 10 and 11', () => {
    expect(computedDates(2027).filter((d) => d.startsWith('2027-02'))).toEqual([
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
    // 1 May 2027 is a Saturday: Monday 3 May in lieu; 2 September a Thursday, paired with Friday 3 September.
    expect(computedDates(2027)).toEqual(expect.arrayContaining(['2027-05-03', '2027-09-02', '2027-09-03']));
  });

  it('computes Tết 2028 (26 January) and 2030 (2 February), and the weekend holidays of 2028', () => {
    expect(computedDates(2028)).toEqual([
      '2028-01-03', // 1 January, a Saturday
      '2028-01-25',
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-01-31', // Saturday 29 January (4 Tết)
      '2028-04-04', // Hùng Kings
      '2028-05-01',
      '2028-05-02', // 30 April, a Sunday; 1 May is itself a holiday
      '2028-09-01', // paired with Saturday 2 September
      '2028-09-04', // 2 September, a Saturday
    ]);
    expect(computedDates(2030).filter((d) => d.startsWith('2030-02'))).toEqual([
      '2030-02-01',
      '2030-02-04',
      '2030-02-05',
      '2030-02-06',
      '2030-02-07',
    ]);
  });

  it('gives five weekdays for Tết and a weekday for every holiday, every year from 2000 to 2100', () => {
    for (let year = 2000; year <= 2100; year++) {
      const days = statutoryDaysOff(year);
      // 1 January, 5 for Tết, Hùng Kings, 30 April, 1 May, 2 for National Day: 11 days, all on weekdays.
      expect(days).toHaveLength(11);
      for (const d of days) expect([0, 6]).not.toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
      expect(new Set(days.map((d) => d.date)).size).toBe(11);
    }
  });

  it('counts 10 working days from a day before Tết 2027 past its end', () => {
    const before = new Date('2027-02-03T09:00:00+07:00'); // Wednesday
    // Thursday 4 (1); Friday 5 and 8–11 are off; Friday 12 (2), 15–19 (3–7), 22–24 (8–10).
    expect(addWorkingDays(before, 10, statutory).date).toBe('2027-02-24');
    expect(isWorkingDay('2027-02-11', statutory)).toBe(false);
  });
});

describe('reminders in office hours', () => {
  const hour = (iso: string) => new Date(iso);
  it('moves a reminder falling at night, on a weekend or a day off to 08:00 of the next working day', () => {
    // Saturday night → Monday 08:00 Hanoi (01:00 UTC)
    expect(nextOfficeHour(hour('2027-03-06T22:00:00+07:00'), statutory)).toEqual(
      hour('2027-03-08T08:00:00+07:00'),
    );
    // Friday 18:30 → Monday 08:00
    expect(nextOfficeHour(hour('2027-03-05T18:30:00+07:00'), statutory)).toEqual(
      hour('2027-03-08T08:00:00+07:00'),
    );
    // Tuesday 06:00 → Tuesday 08:00
    expect(nextOfficeHour(hour('2027-03-09T06:00:00+07:00'), statutory)).toEqual(
      hour('2027-03-09T08:00:00+07:00'),
    );
    // in office hours: unchanged
    expect(nextOfficeHour(hour('2027-03-09T10:15:00+07:00'), statutory)).toEqual(
      hour('2027-03-09T10:15:00+07:00'),
    );
    // Thursday 4 February 2027 after hours → Friday 5 is Tết → Monday 8, 9 off, 10, 11 in lieu → Friday 12 08:00
    expect(nextOfficeHour(hour('2027-02-04T17:00:00+07:00'), statutory)).toEqual(
      hour('2027-02-12T08:00:00+07:00'),
    );
  });

  it('never lands outside office hours or on a day off', () => {
    for (let i = 0; i < 2000; i++) {
      const instant = new Date(Date.UTC(2027, 0, 1) + i * 4.3 * 3600_000);
      const at = nextOfficeHour(instant, statutory);
      const local = new Date(at.getTime() + 7 * 3600_000);
      const date = local.toISOString().slice(0, 10);
      expect(isWorkingDay(date, statutory)).toBe(true);
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(local.getUTCHours()).toBeLessThan(17);
      expect(at.getTime()).toBeGreaterThanOrEqual(instant.getTime());
    }
  });
});
