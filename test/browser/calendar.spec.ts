import type { Browser } from 'playwright-core';
import { localDate } from '../../src/calendar/working-days';
import { startTestApp, type TestApp } from '../support/app';
import { person } from '../support/people';
import { launch, screenshot, signIn } from './support/browser';

jest.setTimeout(180_000);

describe("the administrators' calendar page", () => {
  let t: TestApp;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    chromium = await launch();
    browser = chromium.browser;
    await person(t, 'admin', 'ADMIN', 'MOHA');
    await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it('shows a provisional year computed from the Labour Code, takes a day of the notice, and confirms the year', async () => {
    const { context, page } = await signIn(browser, t, 'admin@test.thidua.vn');
    try {
      await page.goto('/app/admin');
      await page.getByRole('link', { name: 'Lịch ngày nghỉ, ngày làm việc' }).click();
      await page.goto('/app/admin/calendar?year=2028');
      expect(await page.locator('#status-title .badge').textContent()).toContain('Tạm tính');
      // Tết 2028 (26 January), computed: 25–28 and 31 January.
      for (const date of ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-31']) {
        expect(await page.locator(`time[datetime="${date}"]`).count()).toBe(1);
      }
      expect(await page.getByText('Tính theo Bộ luật Lao động').count()).toBe(11);

      // The notice adds Friday 4 February as a day off.
      await page.locator('#f-date').fill('2028-02-04');
      await page.getByLabel('Tên (tiếng Việt)').fill('Nghỉ Tết theo thông báo');
      await page.getByLabel('Tên (tiếng Anh)').fill('Tết, by the notice');
      await page.getByLabel('Căn cứ').fill('Thông báo thử nghiệm');
      await page.getByRole('button', { name: 'Lưu ngày' }).click();
      await page.waitForURL((url) => url.search === '?year=2028');
      const row = page.locator('tr', { has: page.locator('time[datetime="2028-02-04"]') });
      expect(await row.textContent()).toContain('Quản trị viên nhập');

      // Confirming needs the acknowledgement; without it nothing changes.
      await page.getByRole('button', { name: 'Xác nhận lịch năm' }).click();
      await page.waitForLoadState();
      const before = await t.dataSource.query(`SELECT confirmed_at FROM calendar_years WHERE year = 2028`);
      expect(before.every((r: { confirmed_at: Date | null }) => r.confirmed_at === null)).toBe(true);
      await page.getByLabel('Số, ngày của thông báo').fill('Thông báo số 1/TB-BNV');
      await page.getByLabel('Tôi đã đối chiếu lịch trên với thông báo của Chính phủ').check();
      await page.getByRole('button', { name: 'Xác nhận lịch năm' }).click();
      await page.waitForURL((url) => url.search === '?year=2028');
      expect(await page.locator('#status-title .badge').textContent()).toContain('Đã xác nhận');
      expect(await page.getByText('Tính theo Bộ luật Lao động').count()).toBe(0);
      await screenshot(page, 'calendar-2028');
    } finally {
      await context.close();
    }
  });

  it('tells the centre on the dashboard when next year is not confirmed, and is refused to other roles', async () => {
    const next = Number(localDate(new Date()).slice(0, 4)) + 1;
    const { context, page } = await signIn(browser, t, 'board@test.thidua.vn');
    try {
      await page.goto('/app/dashboard');
      expect(await page.locator(`[data-calendar-unconfirmed="${next}"]`).textContent()).toContain(
        `Lịch nghỉ năm ${next} chưa được xác nhận`,
      );
      const refused = await page.goto('/app/admin/calendar');
      expect(refused?.status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
