import { SYSTEM_ACTOR } from '../../src/engine/actor';
import { isWorkingDay, localDate } from '../../src/calendar/working-days';
import { CalendarService } from '../../src/calendar/calendar.service';
import { CalendarReminders, yearsToConfirm } from '../../src/calendar/calendar-reminders.service';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { person } from '../support/people';
import { createNomination, passVote, send, step, submitWithDossier } from '../support/story';

jest.setTimeout(120_000);

describe('working days for any year: the official schedules, and the Labour Code for years not confirmed', () => {
  let t: TestApp;
  let officer: Http;
  let leader: Http;
  let board: Http;
  let admin: Http;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
    leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', 'PROVINCE-34');
    board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('skips the official Tết of 2026, a confirmed year', async () => {
    const res = await officer.get('/calendar/working-days?from=2026-02-12&days=5');
    expect(res.body).toMatchObject({
      from: '2026-02-12',
      date: '2026-02-26',
      dueAt: '2026-02-26T16:59:59.999Z',
      provisional: false,
      provisionalYears: [],
    });
    expect(res.body.holidays.map((h: { date: string }) => h.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect((await officer.get('/calendar/working-days?from=2026-02-30&days=5')).status).toBe(400);
    expect((await officer.get('/calendar/working-days?from=2026-02-12&days=-1')).status).toBe(400);
  });

  it('does not count through Tết 2027 although nobody entered it, and says the year is provisional', async () => {
    const res = await officer.get('/calendar/working-days?from=2027-01-29&days=10');
    expect(res.status).toBe(200);
    // Friday 29 January; 1–4 February (4), then 5 and 8–11 February are off; 12, 15–19 (10).
    expect(res.body).toMatchObject({ date: '2027-02-19', provisional: true, provisionalYears: [2027] });
    expect(res.body.holidays.map((h: { date: string }) => h.date)).toEqual([
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
    expect(res.body.holidays[0]).toMatchObject({ nameVi: 'Tết Nguyên đán', provisional: true });
    const year = await officer.get('/calendar/years/2027');
    expect(year.body).toMatchObject({ year: 2027, status: 'provisional', confirmedAt: null });
    expect(year.body.days).toHaveLength(11);
    expect(new Set(year.body.days.map((d: { origin: string }) => d.origin))).toEqual(new Set(['computed']));
    const years = await officer.get('/calendar/years');
    expect(years.body).toEqual(
      expect.arrayContaining([
        { year: 2026, status: 'confirmed' },
        { year: 2027, status: 'provisional' },
      ]),
    );
    expect((await officer.get('/calendar/years/1900')).status).toBe(400);
  });

  it("takes the Government's notice for 2027 from an administrator, day by day, then confirms the year", async () => {
    const notice = 'Thông báo lịch nghỉ Tết Nguyên đán Đinh Mùi 2027 (thử nghiệm)';
    const day = (kind: string, nameVi: string, nameEn: string) => ({ kind, nameVi, nameEn, source: notice });
    const refused = await officer.put('/calendar/days/2027-02-04', day('day_off', 'Tết', 'Tet'));
    expect(refused.status).toBe(403);
    // The notice starts the break on Thursday 4 February and has Thursday 11 February worked.
    expect(
      (await admin.put('/calendar/days/2027-02-04', day('day_off', 'Tết Nguyên đán', 'Lunar New Year')))
        .status,
    ).toBe(200);
    expect(
      (await admin.put('/calendar/days/2027-02-11', day('working_day', 'Đi làm', 'Working day'))).status,
    ).toBe(200);
    const res = await officer.get('/calendar/working-days?from=2027-02-03&days=2');
    expect(res.body.date).toBe('2027-02-12'); // 4, 5, 8, 9, 10 off; 11 worked (1), 12 (2)
    expect(res.body.provisional).toBe(true);
    // A day entered by mistake is removed; the computed default applies again.
    const removed = await admin.delete('/calendar/days/2027-02-11');
    expect(removed.status).toBe(200);
    expect(removed.body.days.find((d: { date: string }) => d.date === '2027-02-11')).toMatchObject({
      kind: 'day_off',
      origin: 'computed',
    });
    expect((await admin.delete('/calendar/days/2027-03-01')).status).toBe(404);
    expect(
      (await admin.put('/calendar/days/2027-02-11', day('working_day', 'Đi làm', 'Working day'))).status,
    ).toBe(200);

    expect((await officer.post('/calendar/years/2027/confirmation', {})).status).toBe(403);
    const confirmed = await admin.post('/calendar/years/2027/confirmation', { note: notice });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ year: 2027, status: 'confirmed', note: notice });
    expect(new Set(confirmed.body.days.map((d: { origin: string }) => d.origin))).toEqual(
      new Set(['entered']),
    );
    const again = await admin.post('/calendar/years/2027/confirmation', {});
    expect([again.status, again.body.error.code]).toEqual([409, 'CALENDAR.YEAR_ALREADY_CONFIRMED']);
    const after = await officer.get('/calendar/working-days?from=2027-02-03&days=2');
    expect(after.body).toMatchObject({ date: '2027-02-12', provisional: false });

    const log = await admin.get('/audit/log?targetType=calendarYear');
    expect(log.body.items[0]).toMatchObject({
      action: 'calendar.year.confirm',
      targetId: '2027',
      reason: notice,
      after: { status: 'confirmed' },
    });
    const days = await admin.get('/audit/log?targetType=calendarDay');
    expect(
      days.body.items.map((e: { action: string; targetId: string }) => `${e.action} ${e.targetId}`),
    ).toEqual([
      'calendar.day.set 2027-02-11',
      'calendar.day.remove 2027-02-11',
      'calendar.day.set 2027-02-11',
      'calendar.day.set 2027-02-04',
    ]);
  });

  describe('a due date given as a date', () => {
    let id: string;
    beforeAll(async () => {
      id = await createNomination(officer, { award: 'PM_CERTIFICATE', nomineeOrg: 'PROVINCE-36' });
      await submitWithDossier(officer, id);
      await step(leader, id, 'ACCEPT');
      await passVote(t, id);
      await t.engine.send(
        id,
        { type: 'FORWARD', minutesAttached: true, quota: { used: 0, limit: 9 } },
        { actor: SYSTEM_ACTOR },
      );
    });

    it('refuses a date that has passed, with its own code, and changes nothing', async () => {
      const before = await board.get(`/nominations/${id}`);
      const yesterday = localDate(new Date(Date.now() - 86_400_000));
      const res = await send(board, id, 'REQUEST_SUPPLEMENT', { reason: 'Bổ sung', dueDate: yesterday });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('NOMINATION.DUE_DATE_IN_PAST');
      expect(res.body.error.details.fields[0].field).toBe('payload.dueDate');
      const invalid = await send(board, id, 'REQUEST_SUPPLEMENT', {
        reason: 'Bổ sung',
        dueDate: '2027-02-30',
      });
      expect(invalid.status).toBe(400);
      const after = await board.get(`/nominations/${id}`);
      expect([after.body.state, after.body.version]).toEqual([before.body.state, before.body.version]);
    });

    it('ends at 23:59:59.999 in Vietnam on that day; the reminder comes in office hours of a working day', async () => {
      // A day in a year whose schedule nobody confirmed: the due date says it is provisional.
      const nextYear = Number(localDate(new Date()).slice(0, 4)) + 1;
      const due = `${nextYear}-03-16`;
      const res = await send(board, id, 'REQUEST_SUPPLEMENT', { reason: 'Bổ sung hồ sơ', dueDate: due });
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('supplementRequested');
      const dueAt = new Date(Date.parse(`${due}T23:59:59.999+07:00`)).toISOString();
      expect(res.body.dueAt).toBe(dueAt);
      const table = await t.get(CalendarService).table();
      expect(res.body.dueProvisional).toBe(table.provisional(nextYear));
      const timers = (await t.dataSource.query(
        `SELECT key, due_at FROM workflow_timers WHERE instance_id = $1 AND status = 'pending' ORDER BY key`,
        [id],
      )) as { key: string; due_at: Date }[];
      expect(timers.map((x) => x.key)).toEqual(['response', 'response:reminder']);
      expect(new Date(timers[0].due_at).toISOString()).toBe(dueAt);
      const reminder = new Date(timers[1].due_at);
      const local = new Date(reminder.getTime() + 7 * 3600_000);
      expect(isWorkingDay(local.toISOString().slice(0, 10), table)).toBe(true);
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(local.getUTCHours()).toBeLessThan(17);
      expect(reminder.getTime()).toBeLessThan(Date.parse(dueAt));
    });
  });
});

describe('administrators are asked for an unconfirmed year in advance', () => {
  let t: TestApp;
  let admin: Http;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
    await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('asks from 1 October for the next year, once, and only the administrators', async () => {
    const reminders = t.get(CalendarReminders);
    // The service asked for whatever was due on the day it started; forget that, and ask on given days.
    await t.dataSource.query(`UPDATE calendar_years SET reminded_at = NULL`);
    await t.dataSource.query(`DELETE FROM notifications WHERE template = 'calendar.unconfirmed'`);
    // 30 September 2026: 2026 is confirmed and the next year not yet due.
    expect(await reminders.check(new Date('2026-09-30T03:00:00Z'))).toEqual([]);
    // 1 October 2026: 2027 is unconfirmed. Asked once, whichever process or hour checks again.
    expect(await reminders.check(new Date('2026-10-01T03:00:00Z'))).toEqual([2027]);
    expect(await reminders.check(new Date('2026-10-02T03:00:00Z'))).toEqual([]);
    const inbox = await admin.get('/notifications');
    const asked = inbox.body.items.filter((n: { template: string }) => n.template === 'calendar.unconfirmed');
    expect(asked).toHaveLength(1);
    expect(asked[0].title).toBe('Lịch nghỉ năm 2027 chưa được xác nhận: hãy nhập thông báo của Chính phủ');
    expect(asked[0].link).toContain('/app/admin/calendar?year=2027');
    const board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    const boardInbox = await board.get('/notifications');
    expect(
      boardInbox.body.items.filter((n: { template: string }) => n.template === 'calendar.unconfirmed'),
    ).toEqual([]);
    // Once 2027 is confirmed, nobody is asked for it.
    await t.dataSource.query(
      `UPDATE calendar_years SET reminded_at = NULL, confirmed_at = now() WHERE year = 2027`,
    );
    t.get(CalendarService).invalidate();
    expect(await reminders.check(new Date('2026-10-03T03:00:00Z'))).toEqual([]);
  });

  it('chooses the years to ask for from the date alone', () => {
    const provisional = (y: number) => y >= 2027;
    expect(yearsToConfirm('2026-09-30', provisional)).toEqual([]);
    expect(yearsToConfirm('2026-10-01', provisional)).toEqual([2027]);
    expect(yearsToConfirm('2027-02-01', provisional)).toEqual([2027]);
    expect(yearsToConfirm('2027-12-31', provisional)).toEqual([2027, 2028]);
  });
});
