import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/errors';
import { ChangeBus } from '../database/change-bus.service';
import { sql } from '../engine/sql';
import { STATUTORY_SOURCE, statutoryDaysOff, type StatutoryDay } from './statutory-days';
import {
  addWorkingDays,
  endOfLocalDay,
  type HolidayTable,
  isWorkingDay,
  localDate,
  workingDaysBetween,
} from './working-days';

// Changes reach every process through the change bus; the age limit only bounds how long a table lives.
const CACHE_MS = 10 * 60_000;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export type DayKind = 'day_off' | 'working_day';

interface EnteredDay {
  kind: DayKind;
  nameVi: string;
  nameEn: string;
  source: string;
}

export interface CalendarDayView extends EnteredDay {
  date: string;
  /** Entered by an administrator (the Government's notice), or computed from the Labour Code. */
  origin: 'entered' | 'computed';
}

export interface CalendarYearView {
  year: number;
  status: 'confirmed' | 'provisional';
  confirmedAt: string | null;
  confirmedBy: string | null;
  note: string | null;
  days: CalendarDayView[];
}

/** What the calendar knows: the days administrators entered and the years they confirmed. */
interface Known {
  entered: Map<string, EnteredDay>;
  confirmed: Map<number, { at: Date; by: string | null; note: string | null }>;
}

const computedCache = new Map<number, Map<string, StatutoryDay>>();
/** The Labour Code's days off of a year (pure; kept once computed). */
function computed(year: number): Map<string, StatutoryDay> {
  let days = computedCache.get(year);
  if (!days) {
    days = new Map(
      year >= FIRST_YEAR && year <= LAST_YEAR ? statutoryDaysOff(year).map((d) => [d.date, d]) : [],
    );
    computedCache.set(year, days);
  }
  return days;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

export const CalendarErrors = {
  invalidYear: (year: number) =>
    new DomainError('invalid', 'CALENDAR.INVALID_YEAR', `The calendar covers ${FIRST_YEAR}–${LAST_YEAR}`, {
      fields: [{ field: 'year', problems: [`${year} is outside ${FIRST_YEAR}–${LAST_YEAR}`] }],
    }),
  dayNotEntered: (date: string) =>
    new DomainError('not_found', 'CALENDAR.DAY_NOT_ENTERED', `No day was entered for ${date}`),
  yearConfirmed: (year: number) =>
    new DomainError(
      'conflict',
      'CALENDAR.YEAR_ALREADY_CONFIRMED',
      `The schedule of ${year} is already confirmed`,
    ),
};

/**
 * Working days in Vietnam for any year. A year an administrator confirmed (the Government's notice entered) is
 * exactly what was entered; a year not yet confirmed is provisional: the Labour Code's defaults, computed, with
 * whatever an administrator entered for it taking precedence day by day.
 */
@Injectable()
export class CalendarService {
  private cached?: { known: Promise<Known>; at: number };

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: ChangeBus,
    private readonly audit: AuditService,
  ) {
    bus.subscribe('calendar', () => (this.cached = undefined));
  }

  private async known(tx?: EntityManager): Promise<Known> {
    const cached = this.bus.reliable ? this.cached : undefined;
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.known;
    const mark = this.bus.mark('calendar');
    const at = Date.now();
    const manager = tx ?? this.dataSource.manager;
    const load = async (): Promise<Known> => {
      const days = (await manager.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name_vi, name_en, source FROM calendar_days`,
      )) as { date: string; kind: DayKind; name_vi: string; name_en: string; source: string }[];
      const years = (await manager.query(
        `SELECT year, confirmed_at, confirmed_by, note FROM calendar_years WHERE confirmed_at IS NOT NULL`,
      )) as { year: number; confirmed_at: Date; confirmed_by: string | null; note: string | null }[];
      return {
        entered: new Map(
          days.map((d) => [d.date, { kind: d.kind, nameVi: d.name_vi, nameEn: d.name_en, source: d.source }]),
        ),
        confirmed: new Map(
          years.map((y) => [y.year, { at: y.confirmed_at, by: y.confirmed_by, note: y.note }]),
        ),
      };
    };
    // Inside a transaction the value is read on its connection before anyone else may wait for it.
    const known = tx ? Promise.resolve(await load()) : load();
    this.cached = { known, at };
    known.then(
      () => {
        if (!this.bus.fresh('calendar', mark) && this.cached?.known === known) this.cached = undefined;
      },
      () => {
        if (this.cached?.known === known) this.cached = undefined;
      },
    );
    return known;
  }

  /** The working calendar; pass `tx` inside a transaction so that a reload uses its connection. */
  async table(tx?: EntityManager): Promise<HolidayTable & { provisional(year: number): boolean }> {
    const { entered, confirmed } = await this.known(tx);
    return {
      daysOff: {
        has: (date) => {
          const day = entered.get(date);
          if (day) return day.kind === 'day_off';
          return !confirmed.has(yearOf(date)) && computed(yearOf(date)).has(date);
        },
      },
      workingWeekends: { has: (date) => entered.get(date)?.kind === 'working_day' },
      provisional: (year) => !confirmed.has(year),
    };
  }

  invalidate(): void {
    this.cached = undefined;
  }

  async addWorkingDays(from: Date, days: number, tx?: EntityManager): Promise<{ date: string; dueAt: Date }> {
    return addWorkingDays(from, days, await this.table(tx));
  }

  /** Whether a deadline falls in a year whose schedule is not confirmed yet (its working days may still move). */
  async isProvisional(instant: Date, tx?: EntityManager): Promise<boolean> {
    return (await this.table(tx)).provisional(yearOf(localDate(instant)));
  }

  /** The due date of a limit and the days off it skips, for people to check a deadline. */
  async explain(from: string, days: number) {
    const table = await this.table();
    const start = endOfLocalDay(from);
    const { date, dueAt } = addWorkingDays(new Date(start.getTime() - 1), days, table);
    const holidays: { date: string; kind: DayKind; nameVi: string; nameEn: string; provisional: boolean }[] =
      [];
    let weekendDays = 0;
    for (let d = from; d < date;) {
      d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const day = await this.day(d);
      if (day)
        holidays.push({
          date: d,
          kind: day.kind,
          nameVi: day.nameVi,
          nameEn: day.nameEn,
          provisional: table.provisional(yearOf(d)),
        });
      else if (!isWorkingDay(d, table)) weekendDays++;
    }
    const years = [...new Set([yearOf(from), yearOf(date)])];
    const provisionalYears = years.filter((y) => table.provisional(y));
    return {
      from,
      workingDays: days,
      date,
      dueAt: dueAt.toISOString(),
      provisional: provisionalYears.length > 0,
      provisionalYears,
      holidays,
      weekendDays,
    };
  }

  /** The day as the calendar sees it: entered, or computed in a provisional year; null for an ordinary day. */
  private async day(date: string): Promise<CalendarDayView | null> {
    const { entered, confirmed } = await this.known();
    const day = entered.get(date);
    if (day) return { date, ...day, origin: 'entered' };
    if (confirmed.has(yearOf(date))) return null;
    const statutory = computed(yearOf(date)).get(date);
    return statutory
      ? {
          date,
          kind: 'day_off',
          nameVi: statutory.nameVi,
          nameEn: statutory.nameEn,
          source: STATUTORY_SOURCE,
          origin: 'computed',
        }
      : null;
  }

  /** A year's schedule: its status and every day that differs from an ordinary week. */
  async year(year: number): Promise<CalendarYearView> {
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw CalendarErrors.invalidYear(year);
    const { entered, confirmed } = await this.known();
    const status = confirmed.get(year);
    const days: CalendarDayView[] = [...entered]
      .filter(([date]) => yearOf(date) === year)
      .map(([date, day]) => ({ date, ...day, origin: 'entered' as const }));
    if (!status) {
      for (const [date, d] of computed(year)) {
        if (!entered.has(date))
          days.push({
            date,
            kind: 'day_off',
            nameVi: d.nameVi,
            nameEn: d.nameEn,
            source: STATUTORY_SOURCE,
            origin: 'computed',
          });
      }
    }
    return {
      year,
      status: status ? 'confirmed' : 'provisional',
      confirmedAt: status ? new Date(status.at).toISOString() : null,
      confirmedBy: status?.by ?? null,
      note: status?.note ?? null,
      days: days.sort((a, b) => a.date.localeCompare(b.date)),
    };
  }

  /** The years around today and every year with entered days, with their status. */
  async years(now = new Date()) {
    const { entered, confirmed } = await this.known();
    const current = yearOf(localDate(now));
    const years = new Set<number>([current - 1, current, current + 1, ...confirmed.keys()]);
    for (const date of entered.keys()) years.add(yearOf(date));
    return [...years]
      .sort((a, b) => a - b)
      .map((year) => ({
        year,
        status: confirmed.has(year) ? ('confirmed' as const) : ('provisional' as const),
      }));
  }

  /** This year and the next, when their schedule is not confirmed: administrators are asked to enter it. */
  async unconfirmedSoon(now = new Date()): Promise<number[]> {
    const table = await this.table();
    const current = yearOf(localDate(now));
    return [current, current + 1].filter((year) => table.provisional(year));
  }

  /** Every entered day (of one year, or all), as the official schedule lists them. */
  async list(year?: number) {
    const rows: { date: string; kind: string; name_vi: string; name_en: string; source: string }[] =
      await this.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name_vi, name_en, source FROM calendar_days
        WHERE $1::int IS NULL OR extract(year FROM date) = $1 ORDER BY date`,
        [year ?? null],
      );
    return rows.map((r) => ({
      date: r.date,
      kind: r.kind,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      source: r.source,
    }));
  }

  async setDay(principal: Principal, date: string, day: EnteredDay & { reason?: string }) {
    if (!(yearOf(date) >= FIRST_YEAR && yearOf(date) <= LAST_YEAR))
      throw CalendarErrors.invalidYear(yearOf(date));
    await this.dataSource.transaction(async (tx) => {
      const [before] = (await tx.query(
        `SELECT kind, name_vi AS "nameVi", name_en AS "nameEn", source FROM calendar_days WHERE date = $1 FOR UPDATE`,
        [date],
      )) as EnteredDay[];
      await tx.query(
        `INSERT INTO calendar_days (date, kind, name_vi, name_en, source) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (date) DO UPDATE SET kind = $2, name_vi = $3, name_en = $4, source = $5`,
        [date, day.kind, day.nameVi, day.nameEn, day.source],
      );
      await this.audit.record(tx, {
        actor: principal,
        action: 'calendar.day.set',
        targetType: 'calendarDay',
        targetId: date,
        reason: day.reason ?? null,
        before: before ? { ...before } : null,
        after: { kind: day.kind, nameVi: day.nameVi, nameEn: day.nameEn, source: day.source },
      });
      await this.bus.publish('calendar', date, tx);
    });
    return { date, kind: day.kind, nameVi: day.nameVi, nameEn: day.nameEn, source: day.source };
  }

  /** Removes an entered day: in a provisional year the computed default (if any) applies again. */
  async removeDay(principal: Principal, date: string, reason?: string) {
    await this.dataSource.transaction(async (tx) => {
      const {
        rows: [before],
      } = await sql<EnteredDay>(
        tx,
        `DELETE FROM calendar_days WHERE date = $1 RETURNING kind, name_vi AS "nameVi", name_en AS "nameEn", source`,
        [date],
      );
      if (!before) throw CalendarErrors.dayNotEntered(date);
      await this.audit.record(tx, {
        actor: principal,
        action: 'calendar.day.remove',
        targetType: 'calendarDay',
        targetId: date,
        reason: reason ?? null,
        before: { ...before },
        after: null,
      });
      await this.bus.publish('calendar', date, tx);
    });
    return this.year(yearOf(date));
  }

  /**
   * Confirms a year's schedule as the Government's notice gives it: the computed days not overridden are entered
   * as they stand, and from then on the year is exactly what is entered.
   */
  async confirmYear(principal: Principal, year: number, note?: string) {
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) throw CalendarErrors.invalidYear(year);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`INSERT INTO calendar_years (year) VALUES ($1) ON CONFLICT DO NOTHING`, [year]);
      const [row] = (await tx.query(`SELECT confirmed_at FROM calendar_years WHERE year = $1 FOR UPDATE`, [
        year,
      ])) as { confirmed_at: Date | null }[];
      if (row.confirmed_at) throw CalendarErrors.yearConfirmed(year);
      const defaults = [...computed(year).values()];
      if (defaults.length > 0) {
        await tx.query(
          `INSERT INTO calendar_days (date, kind, name_vi, name_en, source)
           SELECT d, 'day_off', v, e, $4 FROM unnest($1::date[], $2::text[], $3::text[]) AS x(d, v, e)
           ON CONFLICT (date) DO NOTHING`,
          [
            defaults.map((d) => d.date),
            defaults.map((d) => d.nameVi),
            defaults.map((d) => d.nameEn),
            `Bộ luật Lao động 2019, Điều 112; xác nhận cùng lịch năm${note ? ` (${note})` : ''}`.slice(
              0,
              300,
            ),
          ],
        );
      }
      await tx.query(
        `UPDATE calendar_years SET confirmed_at = now(), confirmed_by = $2, note = $3 WHERE year = $1`,
        [year, principal.userId, note ?? null],
      );
      const days = (await tx.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_days WHERE extract(year FROM date) = $1 ORDER BY date`,
        [year],
      )) as { date: string; kind: DayKind }[];
      await this.audit.record(tx, {
        actor: principal,
        action: 'calendar.year.confirm',
        targetType: 'calendarYear',
        targetId: String(year),
        reason: note ?? null,
        before: { status: 'provisional' },
        after: { status: 'confirmed', days },
      });
      await this.bus.publish('calendar', String(year), tx);
    });
    return this.year(year);
  }

  async workingDaysBetween(from: Date, to: Date): Promise<number> {
    return workingDaysBetween(from, to, await this.table());
  }
}
