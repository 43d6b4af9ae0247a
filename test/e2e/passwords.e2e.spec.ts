import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startTestApp, type TestApp } from '../support/app';
import { Http } from '../support/http';
import { orgId, PASSWORD, person } from '../support/people';

jest.setTimeout(120_000);

const NEW_PASSWORD = 'mây trắng bay qua đồi chè xanh';

async function signIn(t: TestApp, email: string, password: string) {
  return new Http(t.url).post<{ accessToken: string; mustChangePassword: boolean }>('/auth/login', {
    email,
    password,
  });
}

/** A local SMTP server that keeps what it receives (quoted-printable undone). */
function smtp(): Promise<{ server: SMTPServer; port: number; mails: { to: string; text: string }[] }> {
  const mails: { to: string; text: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const soft = raw.replace(/=\r?\n/g, '');
        const bytes: number[] = [];
        for (let i = 0; i < soft.length; i++) {
          const hex = soft[i] === '=' ? /^[0-9A-F]{2}/.exec(soft.slice(i + 1, i + 3)) : null;
          if (hex) {
            bytes.push(parseInt(hex[0], 16));
            i += 2;
          } else bytes.push(...Buffer.from(soft[i], 'utf8'));
        }
        const text = Buffer.from(bytes).toString('utf8');
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text });
        callback();
      });
    },
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.server.address() as AddressInfo).port, mails }),
    ),
  );
}

describe('passwords: policy, own change, one-time reset links, one-time passwords', () => {
  let t: TestApp;
  let admin: Http & { userId: string };

  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres' });
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('changes one’s own password: the current one is required, the policy applies, other sessions end', async () => {
    const officer = await person(t, 'changer', 'NOMINATOR', 'PROVINCE-36');
    const email = (await officer.get('/me')).body.email;
    const other = new Http(t.url, (await signIn(t, email, PASSWORD)).body.accessToken);

    const wrong = await officer.post('/me/password', { currentPassword: 'nope', newPassword: NEW_PASSWORD });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'AUTH.WRONG_PASSWORD']);
    for (const [weak, problem] of [
      ['short', 'tooShort'],
      ['x'.repeat(257), 'tooLong'],
      [email, 'sameAsEmail'],
      ['Password12345', 'common'],
      ['aaaaaaaaaaaaaaaa', 'common'],
    ]) {
      const res = await officer.post('/me/password', { currentPassword: PASSWORD, newPassword: weak });
      expect([res.status, res.body.error.code]).toEqual([400, 'AUTH.WEAK_PASSWORD']);
      const [field] = res.body.error.details.fields;
      expect(field).toMatchObject({ field: 'newPassword', codes: expect.arrayContaining([problem]) });
      expect(field.problemsVi.join(' ')).toMatch(/Mật khẩu/);
      expect(field.problems.join(' ')).toMatch(/password/i);
    }
    expect((await other.get('/nominations')).status).toBe(200);

    const done = await officer.post('/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect([done.status, done.body]).toEqual([200, { otherSessionsEnded: 1 }]);
    expect((await officer.get('/nominations')).status).toBe(200);
    expect((await other.get('/nominations')).status).toBe(401);
    expect((await signIn(t, email, PASSWORD)).status).toBe(401);
    expect((await signIn(t, email, NEW_PASSWORD)).status).toBe(200);
    const audit = await admin.get(`/audit/log?targetId=${officer.userId}&action=user.password.change`);
    expect(audit.body.items).toHaveLength(1);
  });

  it('issues a one-time reset link, shown once without e-mail; using it ends every session', async () => {
    const officer = await person(t, 'forgetful', 'NOMINATOR', 'PROVINCE-36');
    const email = (await officer.get('/me')).body.email;
    expect((await officer.post(`/users/${officer.userId}/password-reset`)).status).toBe(403);

    const issued = await admin.post(`/users/${officer.userId}/password-reset`);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ emailed: false, expiresAt: expect.any(String) });
    const hours = (Date.parse(issued.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThanOrEqual(24);
    const link = new URL(issued.body.link);
    const token = link.pathname.split('/').pop()!;
    const stored: { token_hash: string }[] = await t.dataSource.query(
      `SELECT token_hash FROM password_resets WHERE user_id = $1`,
      [officer.userId],
    );
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    // The page the link opens, in Vietnamese first.
    const page = await fetch(`${t.url}${link.pathname}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Đặt lại mật khẩu');
    expect(html).toContain(email);

    const anonymous = new Http(t.url);
    const weak = await anonymous.post('/auth/password-reset', { token, newPassword: 'short' });
    expect([weak.status, weak.body.error.code]).toEqual([400, 'AUTH.WEAK_PASSWORD']);
    expect((await anonymous.post('/auth/password-reset', { token, newPassword: NEW_PASSWORD })).status).toBe(
      204,
    );
    expect((await officer.get('/nominations')).status).toBe(401);
    const again = await anonymous.post('/auth/password-reset', { token, newPassword: `${NEW_PASSWORD}!` });
    expect([again.status, again.body.error.code]).toEqual([400, 'AUTH.RESET_LINK_INVALID']);
    expect((await fetch(`${t.url}${link.pathname}`)).status).toBe(400);
    expect((await signIn(t, email, NEW_PASSWORD)).status).toBe(200);
    const actions = (await admin.get(`/audit/log?targetId=${officer.userId}`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['user.password.reset.issue', 'user.password.reset.use']));
  });

  it('refuses an expired link and one replaced by a newer link', async () => {
    const officer = await person(t, 'expired', 'NOMINATOR', 'PROVINCE-36');
    const first = (await admin.post(`/users/${officer.userId}/password-reset`)).body.link as string;
    const second = (await admin.post(`/users/${officer.userId}/password-reset`)).body.link as string;
    const tokenOf = (link: string) => link.split('/').pop()!;
    const anonymous = new Http(t.url);
    const replaced = await anonymous.post('/auth/password-reset', {
      token: tokenOf(first),
      newPassword: NEW_PASSWORD,
    });
    expect(replaced.body.error.code).toBe('AUTH.RESET_LINK_INVALID');
    await t.dataSource.query(
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [officer.userId],
    );
    const expired = await anonymous.post('/auth/password-reset', {
      token: tokenOf(second),
      newPassword: NEW_PASSWORD,
    });
    expect(expired.body.error.code).toBe('AUTH.RESET_LINK_INVALID');
    expect((await officer.get('/nominations')).status).toBe(200);
  });

  it('asks for a new password after a one-time password, and allows nothing else until then', async () => {
    const created = await admin.post('/users', {
      email: 'new.officer@test.thidua.vn',
      fullName: 'Lê Thị D',
      role: 'NOMINATOR',
      organizationId: orgId('PROVINCE-36'),
    });
    expect(created.status).toBe(201);
    expect(created.body.user.mustChangePassword).toBe(true);
    const login = await signIn(t, 'new.officer@test.thidua.vn', created.body.password);
    expect(login.status).toBe(200);
    expect(login.body.mustChangePassword).toBe(true);
    const user = new Http(t.url, login.body.accessToken);
    const blocked = await user.get('/nominations');
    expect([blocked.status, blocked.body.error.code]).toEqual([403, 'AUTH.PASSWORD_CHANGE_REQUIRED']);
    expect((await user.get('/me')).status).toBe(200);
    const changed = await user.post('/me/password', {
      currentPassword: created.body.password,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect((await user.get('/nominations')).status).toBe(200);
    expect((await user.get('/me')).body.mustChangePassword).toBe(false);
    const audit = await admin.get(`/audit/log?targetId=${created.body.user.id}&action=user.create`);
    expect(audit.body.items[0]).toMatchObject({
      actor: expect.objectContaining({ userId: admin.userId }),
      after: expect.objectContaining({ email: 'new.officer@test.thidua.vn', role: 'NOMINATOR' }),
    });
    expect(JSON.stringify(audit.body.items[0])).not.toContain(created.body.password);
  });

  it('refuses a weak password given when creating a user', async () => {
    const res = await admin.post('/users', {
      email: 'weak@test.thidua.vn',
      fullName: 'Weak',
      role: 'NOMINATOR',
      organizationId: orgId('PROVINCE-36'),
      password: 'weak@test.thidua.vn',
    });
    expect([res.status, res.body.error.code]).toEqual([400, 'AUTH.WEAK_PASSWORD']);
  });

  describe('with SMTP configured', () => {
    let mail: Awaited<ReturnType<typeof smtp>>;
    let mailing: TestApp;
    beforeAll(async () => {
      mail = await smtp();
      mailing = await startTestApp({
        queue: 'postgres',
        databaseUrl: t.config.databaseUrl,
        env: { SMTP_URL: `smtp://127.0.0.1:${mail.port}`, PUBLIC_URL: 'https://thidua.example.vn' },
      });
    });
    afterAll(async () => {
      await mailing?.close();
      await new Promise<void>((resolve) => mail.server.close(() => resolve()));
    });

    it('e-mails the link instead of showing it', async () => {
      const officer = await person(t, 'mailed', 'NOMINATOR', 'PROVINCE-36');
      const email = (await officer.get('/me')).body.email;
      const issued = await new Http(mailing.url, admin.token).post(`/users/${officer.userId}/password-reset`);
      expect(issued.status).toBe(201);
      expect(issued.body.emailed).toBe(true);
      expect(issued.body.link).toBeUndefined();
      expect(mail.mails.map((m) => m.to)).toEqual([email]);
      const link = /https:\/\/thidua\.example\.vn\/app\/password-reset\/([A-Za-z0-9_-]{43})/.exec(
        mail.mails[0].text,
      );
      expect(link).not.toBeNull();
      expect(mail.mails[0].text).toContain('liên kết đặt lại mật khẩu');
      const used = await new Http(t.url).post('/auth/password-reset', {
        token: link![1],
        newPassword: NEW_PASSWORD,
      });
      expect(used.status).toBe(204);
    });
  });
});
