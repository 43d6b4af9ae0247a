/**
 * Working days in Vietnam: Monday to Friday, minus public holidays (days off), plus the Saturdays the
 * government sometimes makes working days to bridge a holiday (làm bù). Vietnam has no daylight saving time,
 * so local dates are UTC+7 throughout.
 */
export const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export interface HolidayTable {
  /** Dates (YYYY-MM-DD) that are not working days although they fall Monday–Friday. */
  daysOff: { has(date: string): boolean };
  /** Dates (YYYY-MM-DD) worked although they fall on a weekend (or are a default day off moved by a notice). */
  workingWeekends: { has(date: string): boolean };
}

/** Office hours in Vietnam, local time: a reminder is sent within them. */
export const OFFICE_OPENS_HOUR = 8;
export const OFFICE_CLOSES_HOUR = 17;

export function localDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, table: HolidayTable): boolean {
  if (table.workingWeekends.has(date)) return true;
  if (table.daysOff.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The end (23:59:59.999 local time) of a local date, as an instant. */
export function endOfLocalDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - 1 - VIETNAM_OFFSET_MS);
}

/**
 * The date `days` working days after the local date of `from` (that day itself is not counted), and the
 * instant at which that day ends. Zero days gives the end of the start day.
 */
export function addWorkingDays(from: Date, days: number, table: HolidayTable): { date: string; dueAt: Date } {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  let date = localDate(from);
  for (let counted = 0; counted < days;) {
    date = nextDate(date);
    if (isWorkingDay(date, table)) counted++;
  }
  return { date, dueAt: endOfLocalDay(date) };
}

/** Working days strictly after the local date of `from` up to and including the local date of `to`. */
export function workingDaysBetween(from: Date, to: Date, table: HolidayTable): number {
  let date = localDate(from);
  const end = localDate(to);
  let count = 0;
  while (date < end) {
    date = nextDate(date);
    if (isWorkingDay(date, table)) count++;
  }
  return count;
}

/** The start (00:00 local time) of a local date, as an instant. */
export function startOfLocalDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}

/**
 * The first moment at or after `instant` that falls in office hours of a working day (08:00–17:00 Vietnam time):
 * reminders are sent then, never at night, on a weekend or on a day off.
 */
export function nextOfficeHour(instant: Date, table: HolidayTable): Date {
  let date = localDate(instant);
  const opens = (d: string) => new Date(startOfLocalDay(d).getTime() + OFFICE_OPENS_HOUR * 3600_000);
  const closes = (d: string) => new Date(startOfLocalDay(d).getTime() + OFFICE_CLOSES_HOUR * 3600_000);
  if (isWorkingDay(date, table)) {
    if (instant < opens(date)) return opens(date);
    if (instant < closes(date)) return instant;
  }
  do date = nextDate(date);
  while (!isWorkingDay(date, table));
  return opens(date);
}
