import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addWorkingDays, type HolidayTable, workingDaysBetween } from './working-days';

const CACHE_MS = 60_000;

@Injectable()
export class CalendarService {
  private cached?: { table: HolidayTable; loadedAt: number };

  constructor(private readonly dataSource: DataSource) {}

  async table(): Promise<HolidayTable> {
    if (this.cached && Date.now() - this.cached.loadedAt < CACHE_MS) return this.cached.table;
    const rows: { date: string; kind: string }[] = await this.dataSource.query(
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

  async addWorkingDays(from: Date, days: number): Promise<{ date: string; dueAt: Date }> {
    return addWorkingDays(from, days, await this.table());
  }

  async workingDaysBetween(from: Date, to: Date): Promise<number> {
    return workingDaysBetween(from, to, await this.table());
  }
}
