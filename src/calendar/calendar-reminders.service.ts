import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { NotificationsService } from '../notifications/notifications.service';
import { CalendarService } from './calendar.service';
import { localDate } from './working-days';

const EVERY_MS = 3600_000;
/** From this day of the year (1 October), the administrators are asked for next year's schedule. */
const ASK_FROM = '10-01';

/** A stable id for a year's calendar, as the subject of a notification. */
const yearSubjectId = (year: number) => {
  const h = createHash('sha256').update(`calendarYear:${year}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** The years whose schedule the administrators should be asked for on this day: this year, and from 1 October the next. */
export function yearsToConfirm(today: string, provisional: (year: number) => boolean): number[] {
  const year = Number(today.slice(0, 4));
  const due = [year, ...(today.slice(5) >= ASK_FROM ? [year + 1] : [])];
  return due.filter(provisional);
}

/**
 * Tells the administrators, once per year, that a year's holiday schedule is still unconfirmed (worker role):
 * deadlines falling in it are only provisional until they enter the Government's notice and confirm it.
 */
@Injectable()
export class CalendarReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CalendarReminders.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsWorker) return;
    await this.check().catch((e: Error) =>
      this.logger.warn({ error: e.message }, 'calendar reminder failed'),
    );
    this.timer = setInterval(
      () =>
        void this.check().catch((e: Error) =>
          this.logger.warn({ error: e.message }, 'calendar reminder failed'),
        ),
      EVERY_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Asks for each unconfirmed year due on this day that was not asked for yet; returns the years asked for. */
  async check(now = new Date()): Promise<number[]> {
    const table = await this.calendar.table();
    const asked: number[] = [];
    for (const year of yearsToConfirm(localDate(now), (y) => table.provisional(y))) {
      const told = await this.dataSource.transaction(async (tx) => {
        await tx.query(`INSERT INTO calendar_years (year) VALUES ($1) ON CONFLICT DO NOTHING`, [year]);
        const [row] = (await tx.query(
          `SELECT confirmed_at, reminded_at FROM calendar_years WHERE year = $1 FOR UPDATE`,
          [year],
        )) as { confirmed_at: Date | null; reminded_at: Date | null }[];
        if (row.confirmed_at || row.reminded_at) return false;
        const admins = (await tx.query(
          `SELECT DISTINCT organization_id FROM users WHERE role = 'ADMIN' AND active`,
        )) as { organization_id: string }[];
        await this.notifications.inform(
          tx,
          {
            organizationIds: admins.map((a) => a.organization_id),
            roles: ['ADMIN'],
            template: 'calendar.unconfirmed',
            subject: { type: 'calendarYear', id: yearSubjectId(year) },
            title: {
              vi: `Lịch nghỉ năm ${year} chưa được xác nhận: hãy nhập thông báo của Chính phủ`,
              en: `The ${year} holiday schedule is not confirmed: enter the Government's notice`,
            },
            path: `/app/admin/calendar?year=${year}`,
          },
          this.config.publicUrl,
        );
        await tx.query(`UPDATE calendar_years SET reminded_at = now() WHERE year = $1`, [year]);
        return true;
      });
      if (told) asked.push(year);
    }
    return asked;
  }
}
