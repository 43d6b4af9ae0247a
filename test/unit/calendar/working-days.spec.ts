import { OFFICIAL_DAYS } from '../../../migrations/1764140000002-calendar-seed';
import {
  addWorkingDays,
  isWorkingDay,
  localDate,
  workingDaysBetween,
  type HolidayTable,
} from '../../../src/calendar/working-days';

const table: HolidayTable = {
  daysOff: new Set(OFFICIAL_DAYS.filter((d) => d[1] === 'day_off').map((d) => d[0])),
  workingWeekends: new Set(OFFICIAL_DAYS.filter((d) => d[1] === 'working_day').map((d) => d[0])),
};
/** 09:00 in Hanoi on a date. */
const at = (date: string) => new Date(`${date}T09:00:00+07:00`);

describe('working days in Vietnam', () => {
  it('reads dates in Hanoi time', () => {
    expect(localDate(new Date('2026-02-13T17:30:00Z'))).toBe('2026-02-14');
  });

  it('skips weekends', () => {
    expect(addWorkingDays(at('2026-03-06'), 1, table).date).toBe('2026-03-09'); // Friday + 1 = Monday
    expect(addWorkingDays(at('2026-03-02'), 10, table).date).toBe('2026-03-16');
  });

  it('skips the nine days of Tết 2026 (14–22 February): 10 working days from 9 February end on 2 March', () => {
    expect(['2026-02-16', '2026-02-20'].map((d) => isWorkingDay(d, table))).toEqual([false, false]);
    expect(addWorkingDays(at('2026-02-09'), 10, table)).toEqual({
      date: '2026-03-02',
      dueAt: new Date('2026-03-02T16:59:59.999Z'),
    });
  });

  it('counts a Saturday worked in exchange (26 April 2025) and skips the day it bought (2 May 2025)', () => {
    expect(isWorkingDay('2025-04-26', table)).toBe(true);
    expect(isWorkingDay('2025-05-02', table)).toBe(false);
    expect(addWorkingDays(at('2025-04-25'), 1, table).date).toBe('2025-04-26');
    expect(addWorkingDays(at('2025-04-29'), 1, table).date).toBe('2025-05-05');
  });

  it('counts the working days between two instants', () => {
    expect(workingDaysBetween(at('2026-02-09'), at('2026-03-02'), table)).toBe(10);
    expect(workingDaysBetween(at('2026-03-05'), at('2026-03-05'), table)).toBe(0);
  });

  it('refuses a negative number of days', () => {
    expect(() => addWorkingDays(at('2026-03-02'), -1, table)).toThrow(RangeError);
  });
});
