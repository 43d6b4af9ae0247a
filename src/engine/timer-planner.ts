import type { EntityManager } from 'typeorm';
import type { Effect, StartTimerParams } from '../../workflows/effects';
import { CalendarService } from '../calendar/calendar.service';
import { endOfLocalDay, nextOfficeHour } from '../calendar/working-days';
import { DomainError } from '../common/errors';
import { sql } from './sql';

export type TimerOp =
  | { kind: 'cancel'; key: string }
  | { kind: 'start'; params: StartTimerParams; startedAt: Date; dueAt: Date; reminderAt: Date | null };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Resolves the timer effects of a transition to concrete due times before anything is written: deadlines in
 * working days by the calendar, a deadline given as a date at the end of that day in Vietnam, and reminders in
 * office hours of a working day.
 */
export class TimerPlanner {
  constructor(private readonly calendar: CalendarService) {}

  async plan(tx: EntityManager, instanceId: string, effects: Effect[], now: Date): Promise<TimerOp[]> {
    const ops: TimerOp[] = [];
    for (const effect of effects) {
      if (effect.type === 'cancelTimer') ops.push({ kind: 'cancel', key: effect.params.key });
      if (effect.type !== 'startTimer') continue;
      const params = effect.params;
      let start = now;
      if (params.keepStart) {
        const { rows } = await sql<{ started_at: Date }>(
          tx,
          `SELECT started_at FROM workflow_timers WHERE instance_id = $1 AND key = $2 AND status = 'pending'`,
          [instanceId, params.key],
        );
        if (rows[0]) start = rows[0].started_at;
      }
      const dueAt = await this.dueAt(tx, params, start);
      const reminderAt = await this.reminderAt(tx, params, start, dueAt, now);
      ops.push({ kind: 'start', params, startedAt: start, dueAt, reminderAt });
    }
    return ops;
  }

  private async dueAt(tx: EntityManager, params: StartTimerParams, start: Date): Promise<Date> {
    if (params.workingDays !== undefined)
      return (await this.calendar.addWorkingDays(start, params.workingDays, tx)).dueAt;
    if (params.at !== undefined) {
      // A date without a time is a day in Vietnam: the deadline is the end of that day there.
      const at = DATE_ONLY.test(params.at) ? endOfLocalDay(params.at) : new Date(params.at);
      if (Number.isNaN(at.getTime())) {
        throw new DomainError('invalid', 'WORKFLOW.TIMER_INVALID', `Not a date: ${params.at}`);
      }
      return at;
    }
    if (params.ms !== undefined) return new Date(start.getTime() + params.ms);
    throw new Error(`timer ${params.key} has no workingDays, at or ms`);
  }

  /** When to remind: a share of the delay, moved into office hours of a working day; null when none is left. */
  private async reminderAt(
    tx: EntityManager,
    params: StartTimerParams,
    start: Date,
    dueAt: Date,
    now: Date,
  ): Promise<Date | null> {
    const share = params.remindAtShare;
    if (share === undefined || !(share > 0 && share < 1)) return null;
    const table = await this.calendar.table(tx);
    let at: Date;
    if (params.workingDays !== undefined && params.workingDays > 1) {
      const days = Math.max(1, Math.floor(params.workingDays * share));
      const { dueAt: endOfDay } = await this.calendar.addWorkingDays(start, days - 1, tx);
      at = nextOfficeHour(new Date(endOfDay.getTime() + 1), table); // 08:00 on the reminder day
    } else {
      at = nextOfficeHour(new Date(start.getTime() + share * (dueAt.getTime() - start.getTime())), table);
    }
    return at > now && at < dueAt ? at : null;
  }
}
