import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { type Http } from '../support/http';
import { orgId, person } from '../support/people';
import { launch, screenshot, signIn } from './support/browser';

jest.setTimeout(240_000);

const NEW_PASSWORD = 'hoa sen nở giữa đầm xanh';

describe('accounts in the web interface: one-time password, own password and sessions, lock, reset link', () => {
  let t: TestApp;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;
  let admin: Http & { userId: string };

  beforeAll(async () => {
    t = await startTestApp({ queue: 'postgres' });
    chromium = await launch();
    browser = chromium.browser;
    admin = await person(t, 'admin', 'ADMIN', 'MOHA');
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it('takes a user with a one-time password to the password page until it is changed', async () => {
    const created = await admin.post('/users', {
      email: 'onetime@test.thidua.vn',
      fullName: 'Phạm Văn E',
      role: 'NOMINATOR',
      organizationId: orgId('PROVINCE-36'),
    });
    const { context, page } = await signIn(browser, t, 'onetime@test.thidua.vn', created.body.password);
    try {
      expect(new URL(page.url()).pathname).toBe('/app/account');
      await page.goto('/app/nominations');
      expect(new URL(page.url()).pathname).toBe('/app/account');
      await screenshot(page, '30-account-one-time-password');
      await page.getByLabel('Mật khẩu hiện tại').fill(created.body.password);
      await page.locator('#f-newPassword').fill('ngắn quá');
      await page.getByLabel('Nhập lại mật khẩu mới').fill('ngắn quá');
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      expect(await page.locator('#err-newPassword').textContent()).toContain('ít nhất 12 ký tự');
      await page.getByLabel('Mật khẩu hiện tại').fill(created.body.password);
      await page.locator('#f-newPassword').fill(NEW_PASSWORD);
      await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      expect(await page.getByRole('status').textContent()).toContain('Đã đổi mật khẩu');
      expect(await page.getByRole('table').textContent()).toContain('phiên này');
      await screenshot(page, '31-account');
      expect((await page.goto('/app/nominations'))?.status()).toBe(200);
    } finally {
      await context.close();
    }
  });

  it('lets an administrator lock with a reason, and issue a reset link that the user opens', async () => {
    const officer = await person(t, 'locked.web', 'NOMINATOR', 'PROVINCE-36');
    const { context, page } = await signIn(browser, t, 'admin@test.thidua.vn');
    try {
      await page.goto('/app/admin/users');
      const row = page.getByRole('row').filter({ hasText: 'locked.web@test.thidua.vn' });
      await row.getByRole('button', { name: 'Khóa' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('Cần nêu lý do');
      expect((await officer.get('/nominations')).status).toBe(200);
      await page
        .getByRole('row')
        .filter({ hasText: 'locked.web@test.thidua.vn' })
        .getByPlaceholder('Lý do khóa')
        .fill('chuyển công tác');
      await page
        .getByRole('row')
        .filter({ hasText: 'locked.web@test.thidua.vn' })
        .getByRole('button', { name: 'Khóa' })
        .click();
      expect((await officer.get('/nominations')).status).toBe(401);
      await page
        .getByRole('row')
        .filter({ hasText: 'locked.web@test.thidua.vn' })
        .getByRole('button', { name: 'Mở khóa' })
        .click();
      await page
        .getByRole('row')
        .filter({ hasText: 'locked.web@test.thidua.vn' })
        .getByRole('button', { name: 'Cấp liên kết đặt lại mật khẩu' })
        .click();
      const link = (await page.locator('[data-reset-link]').textContent())!;
      await screenshot(page, '32-admin-reset-link');
      const visitor = await browser.newContext({ locale: 'vi-VN' });
      const resetPage = await visitor.newPage();
      await resetPage.goto(link.replace(/^https?:\/\/[^/]+/, t.url));
      await resetPage.locator('#f-newPassword').fill(NEW_PASSWORD);
      await resetPage.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
      await resetPage.getByRole('button', { name: 'Đặt mật khẩu' }).click();
      expect(await resetPage.getByRole('status').textContent()).toContain('Đã đặt mật khẩu mới');
      await screenshot(resetPage, '33-password-reset');
      await visitor.close();
      const again = await signIn(browser, t, 'locked.web@test.thidua.vn', NEW_PASSWORD);
      expect(new URL(again.page.url()).pathname).toBe('/app');
      await again.context.close();
    } finally {
      await context.close();
    }
  });
});
