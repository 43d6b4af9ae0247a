import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { person, PROVINCES } from '../support/people';
import { createNomination, submitWithDossier } from '../support/story';
import { launch, signIn } from './support/browser';

jest.setTimeout(180_000);

describe('the pages follow the conventions their users expect', () => {
  let t: TestApp;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;
  let nomination: string;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    chromium = await launch();
    browser = chromium.browser;
    const officer = await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    await t.dataSource.query(
      `UPDATE users SET full_name = 'Trần Thị Hoa' WHERE email = 'namdinh.officer@test.thidua.vn'`,
    );
    nomination = await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: PROVINCES.namdinh });
    await submitWithDossier(officer, nomination);
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it("shows the person's name in the top bar and in the history, with the role; has a favicon", async () => {
    const { context, page } = await signIn(browser, t, 'namdinh.officer@test.thidua.vn');
    try {
      await page.goto(`/app/nominations/${nomination}`);
      expect(await page.locator('.who-name').textContent()).toContain('Trần Thị Hoa');
      const timeline = await page.locator('.timeline').textContent();
      expect(timeline).toContain('Trần Thị Hoa · Đơn vị đề nghị · Nam Định');
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/app/assets/favicon.svg');
      const icon = await fetch(`${t.url}/favicon.ico`);
      expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
      expect(await icon.text()).toContain('<svg');
    } finally {
      await context.close();
    }
  });

  it('puts the focus on the first field in error after a refused form', async () => {
    const { context, page } = await signIn(browser, t, 'namdinh.officer@test.thidua.vn');
    try {
      await page.goto('/app/nominations/new');
      await page.getByLabel('Hình thức khen thưởng').selectOption('GOVERNMENT_FLAG');
      await page.getByLabel('Năm').fill('1999');
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/app/nominations') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Tạo hồ sơ' }).click(),
      ]);
      await page.waitForFunction("document.activeElement?.getAttribute('aria-invalid') === 'true'");
      const focused = await page.evaluate('document.activeElement?.id');
      const firstInvalid = await page.locator('[aria-invalid="true"]').first().getAttribute('id');
      expect(focused).toBe(firstInvalid);
    } finally {
      await context.close();
    }
  });

  it('keeps the header compact on a phone', async () => {
    const { context, page } = await signIn(browser, t, 'namdinh.officer@test.thidua.vn');
    try {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto('/app');
      expect(await page.locator('.who-role').isVisible()).toBe(false);
      const header = await page.locator('header.top').boundingBox();
      expect(header!.height).toBeLessThan(150);
    } finally {
      await context.close();
    }
  });
});
