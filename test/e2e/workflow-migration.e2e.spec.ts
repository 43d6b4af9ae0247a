import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../src/engine/actor';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { OFFICER, TEST_POLICY } from '../support/nomination-driver';
import { person, PROVINCES } from '../support/people';

jest.setTimeout(120_000);

const DOSSIER = { kinds: ['proposal', 'achievementReport'] };
/** The events that lead a version 1 instance to each state. */
const PATH: Record<string, { type: string; [k: string]: unknown }[]> = {
  draft: [],
  returned: [
    { type: 'SUBMIT', dossier: DOSSIER },
    { type: 'RETURN', reason: 'thiếu chữ ký' },
  ],
  voting: [
    { type: 'SUBMIT', dossier: DOSSIER },
    { type: 'ACCEPT' },
    { type: 'VOTE_OPENED', sessionId: 's1' },
  ],
  centralAppraisal: [
    { type: 'SUBMIT', dossier: DOSSIER },
    { type: 'ACCEPT' },
    { type: 'FORWARD', minutesAttached: false, quota: { used: 0, limit: 9 } },
  ],
  councilReview: [
    { type: 'SUBMIT', dossier: DOSSIER },
    { type: 'ACCEPT' },
    { type: 'FORWARD', minutesAttached: false, quota: { used: 0, limit: 9 } },
    { type: 'APPRAISAL_PASSED' },
  ],
  withdrawn: [{ type: 'WITHDRAW', reason: 'rút' }],
};

describe('a new version of the nomination machine, and the migration of running instances', () => {
  let t: TestApp;
  let admin: Http;
  let officer: Http;
  const ids: Record<string, string> = {};

  const version = async (id: string) =>
    Number(
      (await t.dataSource.query(`SELECT machine_version FROM workflow_instances WHERE id = $1`, [id]))[0]
        .machine_version,
    );

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    // Instances that started on version 1, before standards were checked.
    for (const [state, events] of Object.entries(PATH)) {
      const id = randomUUID();
      await t.engine.create(
        'nomination',
        { nominationId: id, route: state === 'voting' ? 'cluster' : 'direct', policy: TEST_POLICY },
        { actor: OFFICER, id, version: 1 },
      );
      for (const event of events)
        await t.engine.send(id, event, { actor: event.type === 'VOTE_OPENED' ? SYSTEM_ACTOR : OFFICER });
      ids[state] = id;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('new nominations start on version 2; running ones keep the version they started with', async () => {
    const fresh = randomUUID();
    await t.engine.create(
      'nomination',
      { nominationId: fresh, route: 'direct', policy: TEST_POLICY },
      { actor: OFFICER, id: fresh },
    );
    expect(await version(fresh)).toBe(2);
    for (const id of Object.values(ids)) expect(await version(id)).toBe(1);
  });

  it('only an administrator migrates, and only between versions that have a migration', async () => {
    expect(
      (await officer.post('/workflows/migrations', { machineId: 'nomination', from: 1, to: 2 })).status,
    ).toBe(403);
    const unknown = await admin.post('/workflows/migrations', { machineId: 'nomination', from: 2, to: 3 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('WORKFLOW.NO_MIGRATION');
    expect(
      (await admin.post('/workflows/migrations', { machineId: 'nomination', from: 'x', to: 2 })).status,
    ).toBe(400);
  });

  it('a dry run reports what would move and what stays, and changes nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM workflow_history`);
    const res = await admin.post('/workflows/migrations', {
      machineId: 'nomination',
      from: 1,
      to: 2,
      dryRun: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.dryRun).toBe(true);
    expect(res.body.moved.map((m: { state: string }) => m.state).sort()).toEqual([
      'councilReview',
      'draft',
      'returned',
    ]);
    expect(res.body.left.map((m: { state: string }) => m.state).sort()).toEqual([
      'centralAppraisal',
      'voting',
    ]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM workflow_history`)).toEqual(before);
    for (const id of Object.values(ids)) expect(await version(id)).toBe(1);
  });

  it('moves what may move, with a MIGRATED row in each chain; leaves the rest with the reason; finished ones are history', async () => {
    const res = await admin.post('/workflows/migrations', { machineId: 'nomination', from: 1, to: 2 });
    expect(res.status).toBe(200);
    const moved = new Map(res.body.moved.map((m: { id: string; state: string }) => [m.state, m.id]));
    expect(moved.get('draft')).toBe(ids.draft);
    const left = res.body.left.find((l: { state: string }) => l.state === 'centralAppraisal');
    expect(left.reason.vi).toContain('thẩm định');
    for (const state of ['draft', 'returned', 'councilReview']) {
      expect(await version(ids[state])).toBe(2);
      const history = await t.engine.history(ids[state]);
      expect(history.at(-1)).toMatchObject({
        eventType: 'MIGRATED',
        fromState: state,
        toState: state,
        event: { fromVersion: 1, toVersion: 2 },
      });
      expect((await t.engine.verify(ids[state])).valid).toBe(true);
      expect((await admin.get(`/audit/history/${ids[state]}`)).body.valid).toBe(true);
    }
    for (const state of ['centralAppraisal', 'voting', 'withdrawn'])
      expect(await version(ids[state])).toBe(1);
    const [audit] = await t.dataSource.query(
      `SELECT action, after FROM audit_log WHERE action = 'workflow.migrate'`,
    );
    expect(audit.after).toEqual({ moved: 3, left: 2 });
    // Running it again moves nothing more.
    const again = await admin.post('/workflows/migrations', { machineId: 'nomination', from: 1, to: 2 });
    expect(again.body.moved).toEqual([]);
  });

  it('a moved instance follows version 2; one left behind finishes under version 1', async () => {
    const blocked = {
      type: 'RESUBMIT',
      dossier: DOSSIER,
      eligibility: { blockingUnmet: 1, warningsUnmet: 0 },
    };
    await expect(t.engine.send(ids.returned, blocked, { actor: OFFICER })).rejects.toMatchObject({
      code: 'NOMINATION.STANDARD_NOT_MET',
    });
    const step = await t.engine.send(
      ids.returned,
      { ...blocked, eligibility: { blockingUnmet: 0, warningsUnmet: 0 } },
      { actor: OFFICER },
    );
    expect(step.instance.state).toBe('submitted');
    // Under version 1 the Board passes without the reason version 2 would ask for.
    const passed = await t.engine.send(
      ids.centralAppraisal,
      { type: 'APPRAISAL_PASSED', eligibility: { blockingUnmet: 0, warningsUnmet: 1 } },
      { actor: OFFICER },
    );
    expect(passed.instance).toMatchObject({ state: 'councilReview', machineVersion: 1 });
  });
});
