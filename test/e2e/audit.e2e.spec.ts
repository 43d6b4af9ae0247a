import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { person } from '../support/people';
import { createNomination, submitWithDossier } from '../support/story';

jest.setTimeout(60_000);

describe('auditing the tamper-evident history: API and CLI', () => {
  let t: TestApp;
  let admin: Http;
  let officer: Http;
  let intact: string;
  let tampered: string;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
    intact = await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: 'PROVINCE-36' });
    tampered = await createNomination(officer, { award: 'PM_CERTIFICATE', nomineeOrg: 'PROVINCE-36' });
    await submitWithDossier(officer, tampered);
    // Someone with database superuser rights rewrites who submitted it.
    await t.dataSource.transaction(async (tx) => {
      await tx.query(`ALTER TABLE workflow_history DISABLE TRIGGER workflow_history_append_only`);
      await tx.query(
        `UPDATE workflow_history SET actor = jsonb_set(actor, '{id}', '"someone-else"') WHERE instance_id = $1 AND seq = 2`,
        [tampered],
      );
      await tx.query(`ALTER TABLE workflow_history ENABLE TRIGGER workflow_history_append_only`);
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports the altered chain and only that one', async () => {
    expect((await admin.get(`/audit/history/${intact}`)).body).toMatchObject({ valid: true, length: 1 });
    expect((await admin.get(`/audit/history/${tampered}`)).body).toMatchObject({
      valid: false,
      problems: [{ seq: 2, reason: 'hash_mismatch' }],
    });
    const all = await admin.post('/audit/history/verification');
    expect(all.status).toBe(201);
    expect(all.body.instances).toBe(2);
    expect(all.body.invalid).toEqual([
      { instanceId: tampered, machineId: 'nomination', problems: [{ seq: 2, reason: 'hash_mismatch' }] },
    ]);
    expect((await officer.get(`/nominations/${tampered}/history`)).body.verified).toBe(false);
  });

  it('keeps the audit to administrators', async () => {
    expect((await officer.get(`/audit/history/${intact}`)).status).toBe(403);
    expect((await officer.post('/audit/history/verification')).status).toBe(403);
  });

  it('has a CLI that exits 1 on a broken chain and 0 on an intact one', () => {
    const cli = path.join(__dirname, '../../dist/src/cli/verify-history.js');
    const env = { ...process.env, DATABASE_URL: t.config.databaseUrl };
    const broken = spawnSync(process.execPath, [cli], { env, encoding: 'utf8' });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('1 of 2 chains do NOT verify');
    expect(broken.stdout).toContain(tampered);
    const fine = spawnSync(process.execPath, [cli, intact], { env, encoding: 'utf8' });
    expect(fine.status).toBe(0);
    expect(fine.stdout).toContain('All 1 chains verify');
    expect(spawnSync(process.execPath, [cli, 'nonsense'], { env, encoding: 'utf8' }).status).toBe(2);
  });
});
