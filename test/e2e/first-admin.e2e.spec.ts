import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { Http } from '../support/http';
import { orgId } from '../support/people';

jest.setTimeout(120_000);

const CLI = path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'admin.js');
const PASSWORD_LINE = /(?:One-time password|Mật khẩu dùng một lần[^:]*): (\S{16})/;

describe('the first administrator of a deployment without the demo', () => {
  let db: TestDatabase;
  const printed: string[] = [];
  let write: jest.SpyInstance;

  beforeAll(async () => {
    db = await createTestDatabase();
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
  });
  afterAll(async () => {
    write?.mockRestore();
    await db?.drop();
  });

  const admins = async (t: TestApp) =>
    (await t.dataSource.query(
      `SELECT id, email, organization_id, must_change_password FROM users WHERE role = 'ADMIN'`,
    )) as { id: string; email: string; organization_id: string; must_change_password: boolean }[];

  it('creates it once from ADMIN_EMAIL, even when replicas start together, and prints its password once', async () => {
    const env = { ADMIN_EMAIL: 'Root@Thidua.gov.vn', ADMIN_NAME: 'Nguyễn Văn Quản Trị' };
    const [a, b] = await Promise.all([
      startTestApp({ queue: 'postgres', databaseUrl: db.url, env }),
      startTestApp({ queue: 'postgres', databaseUrl: db.url, env }),
    ]);
    try {
      const found = await admins(a);
      expect(found).toEqual([
        expect.objectContaining({
          email: 'root@thidua.gov.vn',
          organization_id: orgId('BOARD'),
          must_change_password: true,
        }),
      ]);
      const notices = printed.join('').match(new RegExp(PASSWORD_LINE, 'g')) ?? [];
      expect(notices.filter((l) => l.startsWith('Mật khẩu'))).toHaveLength(1);
      const password = PASSWORD_LINE.exec(printed.join(''))![1];
      const login = await new Http(a.url).post('/auth/login', { email: 'root@thidua.gov.vn', password });
      expect([login.status, login.body.mustChangePassword]).toEqual([200, true]);
      const audit = (await a.dataSource.query(
        `SELECT actor, after FROM audit_log WHERE action = 'admin.bootstrap'`,
      )) as { actor: Record<string, unknown>; after: Record<string, unknown> }[];
      expect(audit).toEqual([
        {
          actor: { kind: 'system', id: 'startup' },
          after: { email: 'root@thidua.gov.vn', organization: 'BOARD' },
        },
      ]);
    } finally {
      await b.close();
      await a.close();
    }
    // A restart (another ADMIN_EMAIL, even) creates nothing: an administrator exists.
    printed.length = 0;
    const again = await startTestApp({
      queue: 'postgres',
      databaseUrl: db.url,
      env: { ADMIN_EMAIL: 'second@thidua.gov.vn' },
    });
    try {
      expect(await admins(again)).toHaveLength(1);
      expect(printed.join('')).not.toMatch(PASSWORD_LINE);
    } finally {
      await again.close();
    }
  });

  it('has a command that creates an administrator in a named organisation and refuses an existing e-mail', () => {
    const env = { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    const args = ['create', '--email', 'cli.admin@thidua.gov.vn', '--name', 'Trần Thị Quản Trị'];
    const created = spawnSync(process.execPath, [CLI, ...args, '--organization', 'MOHA'], {
      env,
      encoding: 'utf8',
    });
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(PASSWORD_LINE);
    const again = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('USER.EMAIL_TAKEN');
    const unknownOrg = spawnSync(
      process.execPath,
      [CLI, 'create', '--email', 'x@thidua.gov.vn', '--name', 'X', '--organization', 'NOWHERE'],
      { env, encoding: 'utf8' },
    );
    expect([unknownOrg.status, unknownOrg.stderr]).toEqual([1, expect.stringContaining('NOWHERE')]);
    const usage = spawnSync(process.execPath, [CLI, 'create', '--email', 'y@thidua.gov.vn'], {
      env,
      encoding: 'utf8',
    });
    expect([usage.status, usage.stderr]).toEqual([2, expect.stringContaining('Usage')]);
  });

  it('records the command’s administrator in the audit log, in MOHA as asked', async () => {
    const t = await startTestApp({ queue: 'postgres', databaseUrl: db.url });
    try {
      const [row] = (await t.dataSource.query(
        `SELECT u.organization_id, u.must_change_password, a.actor
           FROM users u JOIN audit_log a ON a.target_id = u.id::text AND a.action = 'admin.bootstrap'
          WHERE u.email = 'cli.admin@thidua.gov.vn'`,
      )) as { organization_id: string; must_change_password: boolean; actor: Record<string, unknown> }[];
      expect(row).toEqual({
        organization_id: orgId('MOHA'),
        must_change_password: true,
        actor: { kind: 'system', id: 'cli' },
      });
      const verified = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
      expect(verified[0].n).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
