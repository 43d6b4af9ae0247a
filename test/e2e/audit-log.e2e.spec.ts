import { WebSessionService } from '../../src/web/web-session.service';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { CLUSTER, orgId, person } from '../support/people';

jest.setTimeout(120_000);

interface Entry {
  seq: number;
  action: string;
  actor: { kind: string; userId?: string; role?: string; organizationId?: string };
  targetType: string;
  targetId: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('the audit log of administrative acts: one entry per act, in its transaction; the page; tampering', () => {
  let t: TestApp;
  let admin: Http & { userId: string };
  let officer: Http;
  let approver: Http & { userId: string };

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis', env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
    approver = await person(t, 'namdinh.approver', 'PROVINCE_APPROVER', 'PROVINCE-36');
  });
  afterAll(async () => {
    await t?.close();
  });

  const entries = async (action: string): Promise<Entry[]> =>
    (await admin.get(`/audit/log?action=${action}&limit=200`)).body.items;

  /** Runs the act and returns the one entry it wrote (failing when it wrote none or several). */
  async function audited(
    action: string,
    act: () => Promise<{ status: number; body: { id?: string } }>,
    status: number,
  ): Promise<Entry & { answer: { id?: string } }> {
    const before = (await entries(action)).length;
    const res = await act();
    expect(res.status).toBe(status);
    const after = await entries(action);
    expect(after.length).toBe(before + 1);
    return { ...after[0], answer: res.body };
  }

  const byAdmin = { kind: 'user', userId: '', role: 'ADMIN', organizationId: orgId('MOHA') };
  beforeAll(() => {
    byAdmin.userId = admin.userId;
  });

  it('records creating an organisation, with what was created and by whom; a refused creation records nothing', async () => {
    const entry = await audited(
      'organization.create',
      () =>
        admin.post('/organizations', {
          code: 'PROVINCE-HP',
          kind: 'province',
          nameVi: 'Hải Phòng',
          nameEn: 'Hai Phong',
          provinceCode: 31,
          validFrom: '2025-07-01',
        }),
      201,
    );
    expect(entry).toMatchObject({
      actor: byAdmin,
      targetType: 'organization',
      targetId: entry.answer.id,
      before: null,
      after: { code: 'PROVINCE-HP', nameVi: 'Hải Phòng', validFrom: '2025-07-01', parent: null },
    });
    const count = (await entries('organization.create')).length;
    const taken = await admin.post('/organizations', {
      code: 'PROVINCE-HP',
      kind: 'province',
      nameVi: 'x',
      nameEn: 'x',
    });
    expect(taken.status).toBe(409);
    expect((await entries('organization.create')).length).toBe(count);
  });

  it('records a merger with the state before and after', async () => {
    const haiphong = (await admin.get('/organizations?kind=province')).body.find(
      (o: { code: string }) => o.code === 'PROVINCE-HP',
    ).id as string;
    const entry = await audited(
      'organization.merge',
      () =>
        admin.post(`/organizations/${orgId('PROVINCE-30')}/merge`, {
          successorId: haiphong,
          effectiveDate: '2025-07-01',
        }),
      201,
    );
    expect(entry).toMatchObject({
      actor: byAdmin,
      targetId: orgId('PROVINCE-30'),
      before: { name: 'Hải Dương', validTo: null, successor: null },
      after: {
        validTo: '2025-06-30',
        successor: { id: haiphong, code: 'PROVINCE-HP', name: 'Hải Phòng' },
        effectiveDate: '2025-07-01',
      },
    });
  });

  it("records setting a cluster-year's members, with the members and leadership before and after", async () => {
    const members2024 = (
      await t.dataSource.query(
        `SELECT organization_id FROM cluster_memberships WHERE cluster_id = $1 AND year = 2024`,
        [CLUSTER],
      )
    ).map((r: { organization_id: string }) => r.organization_id);
    const without = members2024.filter((id: string) => id !== orgId('PROVINCE-26'));
    const entry = await audited(
      'cluster.members.set',
      () => admin.put(`/clusters/${CLUSTER}/years/2024/members`, { organizationIds: without }),
      200,
    );
    expect(entry.targetId).toBe(`${CLUSTER}:2024`);
    expect(entry.before!.members).toHaveLength(9);
    expect(entry.after!.members).toHaveLength(8);
    expect(entry.before!.members).toContainEqual({ id: orgId('PROVINCE-26'), name: 'Vĩnh Phúc' });
    expect(entry.after!.leader).toEqual({ id: orgId('PROVINCE-36'), name: 'Nam Định' });
  });

  it('records a new award policy version with the one before', async () => {
    const current = (await admin.get('/award-types/PM_CERTIFICATE')).body.policy;
    const entry = await audited(
      'award.policy.create',
      () =>
        admin.post('/award-types/PM_CERTIFICATE/policies', {
          effectiveFrom: '2030-01-01',
          source: 'Nghị định thử nghiệm',
          rules: current.rules,
        }),
      201,
    );
    expect(entry).toMatchObject({
      actor: byAdmin,
      targetType: 'awardType',
      targetId: 'PM_CERTIFICATE',
      before: { version: current.version, source: current.source },
      after: { version: current.version + 1, effectiveFrom: '2030-01-01', source: 'Nghị định thử nghiệm' },
    });
  });

  it('records a calendar day, new and then corrected', async () => {
    const day = { kind: 'day_off', nameVi: 'Nghỉ bù', nameEn: 'Substitute day off', source: 'Thông báo 1' };
    const added = await audited('calendar.day.set', () => admin.put('/calendar/days/2031-05-02', day), 200);
    expect(added).toMatchObject({ actor: byAdmin, targetId: '2031-05-02', before: null, after: day });
    const corrected = await audited(
      'calendar.day.set',
      () => admin.put('/calendar/days/2031-05-02', { ...day, kind: 'working_day', source: 'Thông báo 2' }),
      200,
    );
    expect(corrected).toMatchObject({
      before: day,
      after: { kind: 'working_day', source: 'Thông báo 2' },
    });
    expect((await officer.put('/calendar/days/2031-05-03', day)).status).toBe(403);
  });

  it("records a webhook's registration (never its secret) and switching it off, whoever manages it", async () => {
    const created = await approver.post('/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      events: ['*'],
      secret: 'a-secret-of-sixteen-or-more',
    });
    expect(created.status).toBe(201);
    const [registration] = await entries('webhook.create');
    expect(registration).toMatchObject({
      actor: { userId: approver.userId, role: 'PROVINCE_APPROVER' },
      targetId: created.body.id,
      after: {
        organization: { id: orgId('PROVINCE-36'), name: 'Nam Định' },
        role: 'PROVINCE_APPROVER',
        url: 'http://127.0.0.1:9/hook',
        events: ['*'],
        active: true,
      },
    });
    expect(JSON.stringify(registration)).not.toContain('a-secret-of-sixteen-or-more');
    const off = await audited(
      'webhook.update',
      () => approver.patch(`/webhooks/${created.body.id}`, { active: false }),
      200,
    );
    expect(off).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it('refuses TRUNCATE, which no row trigger sees', async () => {
    const before = (await admin.get('/audit/log?limit=1')).body.items[0].seq;
    await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect((await admin.get('/audit/log?limit=1')).body.items[0].seq).toBe(before);
  });

  it('records 16 concurrent acts, each once, in one unbroken chain', async () => {
    const before = (await admin.get('/audit/log?limit=1')).body.items[0]?.seq ?? 0;
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => admin.post(`/users/${approver.userId}/sessions/revocation`, {})),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(16).fill(answers[0].status));
    expect(answers[0].status).toBeLessThan(300);
    const log = (await admin.get('/audit/log?limit=50')).body.items as Entry[];
    expect(log.filter((e) => e.seq > before)).toHaveLength(16);
    expect((await admin.post('/audit/log/verification', {})).body.valid).toBe(true);
  });

  it('verifies the chain, and reports the entry a superuser altered behind the append-only trigger', async () => {
    const fine = await admin.post('/audit/log/verification');
    expect(fine.body).toMatchObject({ valid: true, problems: [] });
    expect(fine.body.length).toBeGreaterThanOrEqual(8);
    const [target] = await entries('calendar.day.set');
    await t.dataSource.transaction(async (tx) => {
      await tx.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await tx.query(
        `UPDATE audit_log SET after = jsonb_set(after, '{source}', '"Thông báo giả"') WHERE seq = $1`,
        [target.seq],
      );
      await tx.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    });
    const broken = await admin.post('/audit/log/verification');
    expect(broken.body).toMatchObject({
      valid: false,
      problems: [{ seq: target.seq, reason: 'hash_mismatch' }],
    });
    // The trigger is back: the log refuses changes again.
    await expect(t.dataSource.query(`DELETE FROM audit_log WHERE seq = $1`, [target.seq])).rejects.toThrow(
      /append-only/,
    );
  });

  describe('the administration page', () => {
    const page = async (token: string, path: string, init: RequestInit = {}) => {
      const res = await fetch(`${t.url}${path}`, {
        ...init,
        redirect: 'manual',
        headers: { cookie: `thidua_session=${token}`, ...(init.headers ?? {}) },
      });
      return { status: res.status, text: await res.text() };
    };

    it('is linked from the administration index', async () => {
      const index = await page(admin.token!, '/app/admin');
      expect(index.status).toBe(200);
      expect(index.text).toContain('href="/app/admin/audit"');
      expect(index.text).toContain('Nhật ký quản trị');
    });

    it('lists who did what, on what, why, before and after, in Vietnamese first', async () => {
      const res = await page(admin.token!, '/app/admin/audit');
      expect(res.status).toBe(200);
      for (const text of [
        'Nhật ký quản trị',
        'Thời điểm',
        'Người thực hiện',
        'Tạo đơn vị',
        'Sáp nhập đơn vị',
        'Đặt thành viên cụm theo năm',
        'Sửa lịch ngày nghỉ, ngày làm việc',
        'Quản trị hệ thống', // the role
        'Bộ Nội vụ', // the unit
        'Hải Phòng',
        'Đơn vị kế thừa',
        'Vĩnh Phúc',
      ]) {
        expect(res.text).toContain(text);
      }
      expect(res.text).not.toContain('a-secret-of-sixteen-or-more');
      const english = await page(admin.token!, '/app/admin/audit', {
        headers: { cookie: `thidua_session=${admin.token}; thidua_lang=en` },
      });
      expect(english.text).toContain('Audit log');
      expect(english.text).toContain('Organisations merged');
    });

    it('filters by action and pages through the entries', async () => {
      for (let day = 1; day <= 52; day++) {
        const date = `2032-${String(Math.ceil(day / 28)).padStart(2, '0')}-${String(((day - 1) % 28) + 1).padStart(2, '0')}`;
        const res = await admin.put(`/calendar/days/${date}`, {
          kind: 'day_off',
          nameVi: `Ngày ${day}`,
          nameEn: `Day ${day}`,
          source: 'Thử',
        });
        expect(res.status).toBe(200);
      }
      const first = await page(admin.token!, '/app/admin/audit?action=calendar.day.set');
      const rows = (text: string) => [...text.matchAll(/<tr data-seq="(\d+)"/g)].map((m) => Number(m[1]));
      const seqs = rows(first.text);
      expect(seqs).toHaveLength(50);
      expect(first.text).not.toContain('Tạo đơn vị</td>');
      const next = /href="(\/app\/admin\/audit\?action=calendar\.day\.set&amp;cursor=\d+)"/.exec(first.text);
      expect(next).not.toBeNull();
      const second = await page(admin.token!, next![1].replace(/&amp;/g, '&'));
      const rest = rows(second.text);
      expect(rest).toHaveLength(54 - 50);
      expect(Math.max(...rest)).toBeLessThan(Math.min(...seqs));
    });

    it('verifies the log on request (it was tampered with above)', async () => {
      const csrf = t.get(WebSessionService).csrfFor(admin.token!);
      const res = await page(admin.token!, '/app/admin/audit/verification', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `_csrf=${encodeURIComponent(csrf)}`,
      });
      expect(res.status).toBe(200);
      expect(res.text).toContain('data-verification="broken"');
      expect(res.text).toContain('Nhật ký KHÔNG toàn vẹn');
    });

    it('is for administrators only', async () => {
      const res = await page(officer.token!, '/app/admin/audit');
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('Tạo đơn vị');
    });
  });
});
