import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import {
  addWorkingDays,
  endOfLocalDay,
  type HolidayTable,
  isWorkingDay,
  workingDaysBetween,
} from './working-days';

const CACHE_MS = 60_000;

@Injectable()
export class CalendarService {
  private cached?: { table: HolidayTable; loadedAt: number };

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The days off and working weekends; pass `tx` inside a transaction so that a reload uses its connection. */
  async table(tx?: EntityManager): Promise<HolidayTable> {
    if (this.cached && Date.now() - this.cached.loadedAt < CACHE_MS) return this.cached.table;
    const rows: { date: string; kind: string }[] = await (tx ?? this.dataSource.manager).query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_days`,
    );
    const table: HolidayTable = {
      daysOff: new Set(rows.filter((r) => r.kind === 'day_off').map((r) => r.date)),
      workingWeekends: new Set(rows.filter((r) => r.kind === 'working_day').map((r) => r.date)),
    };
    this.cached = { table, loadedAt: Date.now() };
    return table;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  async addWorkingDays(from: Date, days: number, tx?: EntityManager): Promise<{ date: string; dueAt: Date }> {
    return addWorkingDays(from, days, await this.table(tx));
  }

  /** The due date of a limit and the days off it skips, for people to check a deadline. */
  async explain(from: string, days: number) {
    const table = await this.table();
    const start = endOfLocalDay(from);
    const { date, dueAt } = addWorkingDays(new Date(start.getTime() - 1), days, table);
    const rows: { date: string; kind: string; name_vi: string; name_en: string }[] =
      await this.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name_vi, name_en FROM calendar_days WHERE date > $1 AND date <= $2 ORDER BY date`,
        [from, date],
      );
    const weekends: string[] = [];
    for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) < date;) {
      d = new Date(d.getTime() + 86_400_000);
      const key = d.toISOString().slice(0, 10);
      if (!isWorkingDay(key, table) && !rows.some((r) => r.date === key)) weekends.push(key);
    }
    return {
      from,
      workingDays: days,
      date,
      dueAt: dueAt.toISOString(),
      holidays: rows.map((r) => ({ date: r.date, kind: r.kind, nameVi: r.name_vi, nameEn: r.name_en })),
      weekendDays: weekends.length,
    };
  }

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

  /** Adds or corrects a day of the official schedule (the administrator's act, audited with the day before). */
  async setDay(
    actor: Principal,
    date: string,
    day: { kind: 'day_off' | 'working_day'; nameVi: string; nameEn: string; source: string },
  ) {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`calendar-day:${date}`]);
      const [before] = (await tx.query(
        `SELECT kind, name_vi AS "nameVi", name_en AS "nameEn", source FROM calendar_days WHERE date = $1`,
        [date],
      )) as Record<string, unknown>[];
      await tx.query(
        `INSERT INTO calendar_days (date, kind, name_vi, name_en, source) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (date) DO UPDATE SET kind = $2, name_vi = $3, name_en = $4, source = $5`,
        [date, day.kind, day.nameVi, day.nameEn, day.source],
      );
      await this.audit.record(tx, {
        actor,
        action: 'calendar.day.set',
        targetType: 'calendarDay',
        targetId: date,
        before: before ?? null,
        after: { kind: day.kind, nameVi: day.nameVi, nameEn: day.nameEn, source: day.source },
      });
    });
    this.invalidate();
    return { date, ...day };
  }

  async workingDaysBetween(from: Date, to: Date): Promise<number> {
    return workingDaysBetween(from, to, await this.table());
  }
}
