import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { latestWorkflow } from '../../workflows';
import { isCalendarDate } from '../calendar/calendar-date';
import { endOfLocalDay, localDate } from '../calendar/working-days';
import { EVENT_PAYLOADS } from './nominations.dto';
import { NominationErrors } from './nominations.errors';

/** What each event asks of the person sending it (a `?` marks what may be left out): drawn as form fields. */
export const EVENT_NEEDS: Record<string, string[]> = {
  RETURN: ['reason'],
  WITHDRAW: ['reason'],
  APPRAISAL_REJECTED: ['reason'],
  COUNCIL_REJECTED: ['reason'],
  REQUEST_SUPPLEMENT: ['reason', 'dueDate?'],
  REQUEST_CONSULTATION: ['reason?', 'bodies?'],
  PM_DECIDED: ['outcome', 'decisionNumber', 'decisionDate'],
  CHAIRMAN_DECIDED: ['outcome', 'decisionNumber', 'decisionDate'],
  PRESIDENT_DECIDED: ['outcome', 'decisionNumber', 'decisionDate'],
  APPRAISAL_PASSED: ['acceptanceReason?'],
  PM_PROPOSED: ['proposalNumber?'],
};

const REASON_EVENTS = ['RETURN', 'WITHDRAW', 'APPRAISAL_REJECTED', 'COUNCIL_REJECTED', 'REQUEST_SUPPLEMENT'];
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function flattenErrors(errors: ValidationError[], prefix: string): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = `${prefix}.${e.property}`;
    return [
      ...(e.constraints ? [{ field, problems: Object.values(e.constraints) }] : []),
      ...flattenErrors(e.children ?? [], field),
    ];
  });
}

/** The instant a due date given by a person ends: a date alone is the end of that day in Vietnam. */
export function dueInstant(dueDate: string): Date {
  if (!DATE_ONLY.test(dueDate)) return new Date(dueDate);
  const end = endOfLocalDay(dueDate);
  // 2027-02-30 is not a date: the day must come back as itself.
  return new Date(`${dueDate}T00:00:00Z`).toISOString().slice(0, 10) === dueDate ? end : new Date(NaN);
}

/** The event's payload, validated against its class; an unknown event, a bad field or a past due date is refused. */
export function eventPayload(
  machineId: string,
  type: string,
  raw: Record<string, unknown>,
  now = new Date(),
): Record<string, unknown> {
  const definition = latestWorkflow(machineId)!;
  const known = Object.keys(definition.events);
  if (!known.includes(type))
    throw NominationErrors.unknownEvent(
      type,
      known.filter((e) => !definition.events[e].system),
    );
  const payloadClass = EVENT_PAYLOADS[type];
  if (!payloadClass) {
    if (Object.keys(raw).length > 0) {
      throw NominationErrors.invalidPayload([{ field: 'payload', problems: [`${type} takes no payload`] }]);
    }
    return {};
  }
  const instance = plainToInstance(payloadClass, raw);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    if (REASON_EVENTS.includes(type) && errors.some((e) => e.property === 'reason'))
      throw NominationErrors.reasonRequired(type);
    throw NominationErrors.invalidPayload(flattenErrors(errors, 'payload'));
  }
  const payload = { ...instance } as Record<string, unknown>;
  if (typeof payload.dueDate === 'string') {
    const due = dueInstant(payload.dueDate);
    if (Number.isNaN(due.getTime()))
      throw NominationErrors.invalidPayload([
        { field: 'payload.dueDate', problems: ['dueDate is not a date'] },
      ]);
    if (due <= now) throw NominationErrors.dueDateInPast(payload.dueDate);
  }
  if (typeof payload.decisionDate === 'string') {
    const day = payload.decisionDate;
    if (!isCalendarDate(day))
      throw NominationErrors.invalidPayload([
        { field: 'payload.decisionDate', problems: ['decisionDate is not a date'] },
      ]);
    // A decision is recorded once it has been signed: its date is today or earlier, in Vietnam.
    if (day > localDate(now)) throw NominationErrors.decisionDateInFuture(day);
  }
  return payload;
}
