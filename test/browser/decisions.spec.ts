import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { person, PROVINCES, type Province } from '../support/people';
import { appraisedFighter, councilSession, policyWithoutStandard, step } from '../support/story';
import { launch, screenshot, signIn } from './support/browser';

jest.setTimeout(180_000);

/**
 * One decision for several nominations, entered on the page as the Council's secretary and the Government Office
 * would: tick the nominations, enter the signed document, acknowledge; all move, or none.
 */
describe('the decisions page', () => {
  let t: TestApp;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;
  let secretary: Http;
  const fighters: Record<string, string> = {};
  let meetingId: string;

  const state = async (id: string) =>
    (await t.dataSource.query(`SELECT state FROM nominations WHERE id = $1`, [id]))[0].state as string;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    chromium = await launch();
    browser = chromium.browser;
    const board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    secretary = await person(t, 'council.secretary', 'COUNCIL_SECRETARY', 'COUNCIL');
    await person(t, 'pm.office', 'PM_OFFICE', 'GOVERNMENT_OFFICE');
    // The page records decisions, not the award's standard: from today the policy checks none.
    await policyWithoutStandard(await person(t, 'admin', 'ADMIN', 'MOHA'));
    for (const [slug, name] of [
      ['namdinh', 'Trần Thị Mai'],
      ['hungyen', 'Nguyễn Thị Lan'],
      ['ninhbinh', 'Phạm Thị Thu'],
    ] as [Province, string][]) {
      const officer = await person(t, `${slug}.officer`, 'NOMINATOR', PROVINCES[slug]);
      const approver = await person(t, `${slug}.approver`, 'PROVINCE_APPROVER', PROVINCES[slug]);
      fighters[slug] = await appraisedFighter({ officer, approver, board }, PROVINCES[slug], name);
    }
    meetingId = await councilSession(secretary);
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it("records a Council session's outcome for the ticked nominations only, after the acknowledgement", async () => {
    const { context, page } = await signIn(browser, t, 'council.secretary@test.thidua.vn');
    try {
      await page.goto('/app');
      await page.getByRole('link', { name: 'Kết quả Hội đồng' }).click();
      await page.waitForURL('**/app/decisions');
      expect(await page.locator('#pending-title').textContent()).toContain('(3)');
      const numberOf = async (id: string) =>
        (await t.dataSource.query(`SELECT dossier_number FROM nominations WHERE id = $1`, [id]))[0]
          .dossier_number as string;
      await page.getByLabel(`Chọn ${await numberOf(fighters.namdinh)}`).check();
      await page.getByLabel(`Chọn ${await numberOf(fighters.hungyen)}`).check();
      await page.getByLabel('Phiên họp Hội đồng').selectOption(meetingId);
      // Without the acknowledgement nothing is recorded, and the ticks are kept.
      await page.getByRole('button', { name: 'Ghi nhận kết quả' }).click();
      await page.waitForLoadState();
      expect(await page.locator('.field-error').count()).toBeGreaterThan(0);
      expect(await state(fighters.namdinh)).toBe('councilReview');
      expect(await page.getByLabel(`Chọn ${await numberOf(fighters.namdinh)}`).isChecked()).toBe(true);
      await page.getByLabel('Phiên họp Hội đồng').selectOption(meetingId);
      await page.getByLabel(/Tôi đã đối chiếu/).check();
      await page.getByRole('button', { name: 'Ghi nhận kết quả' }).click();
      await page.waitForURL((url) => url.search.includes('recorded='));
      expect(await page.getByRole('status').textContent()).toContain('Đã ghi nhận kết quả cho 2 hồ sơ');
      expect(await page.locator('#pending-title').textContent()).toContain('(1)');
      await screenshot(page, 'decisions-council');
    } finally {
      await context.close();
    }
    expect(await state(fighters.namdinh)).toBe('pmProposal');
    expect(await state(fighters.hungyen)).toBe('pmProposal');
    expect(await state(fighters.ninhbinh)).toBe('councilReview');
  });

  it("records the Prime Minister's decision for all the ticked nominations, or names each one refused", async () => {
    const { context, page } = await signIn(browser, t, 'pm.office@test.thidua.vn');
    const fillDecision = async () => {
      await page.getByLabel('Số quyết định').fill('1624/QĐ-TTg');
      await page.getByLabel('Ngày ký').fill('2024-10-14');
      await page.locator('#f-signerName').fill('Trần Hồng Hà');
      await page.getByLabel('Chức vụ người ký').fill('Phó Thủ tướng');
      await page.getByLabel(/Tôi đã đối chiếu/).check();
    };
    try {
      await page.goto('/app/decisions');
      expect(await page.locator('h1').textContent()).toContain('Ghi nhận quyết định của Thủ tướng');
      const boxes = page.locator('input[name="nominationId"]');
      expect(await boxes.count()).toBe(2);
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await fillDecision();
      // Meanwhile one of them is decided on its own (another clerk): the page's decision is refused as a whole.
      await step(
        await person(t, 'pm.office2', 'PM_OFFICE', 'GOVERNMENT_OFFICE'),
        fighters.hungyen,
        'PM_DECIDED',
        { outcome: 'awarded', decisionNumber: '1600/QĐ-TTg', decisionDate: '2024-10-01' },
      );
      await page.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
      await page.waitForLoadState();
      const refused = page.getByRole('alert').filter({ hasText: 'Chưa ghi nhận' });
      expect(await refused.textContent()).toContain('Nguyễn Thị Lan');
      expect(await state(fighters.namdinh)).toBe('pmProposal');
      // Only the one still waiting is listed now; recorded alone, it moves.
      await page.goto('/app/decisions');
      expect(await boxes.count()).toBe(1);
      await boxes.nth(0).check();
      await fillDecision();
      await page.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
      await page.waitForURL((url) => url.search.includes('recorded='));
      expect(await page.getByRole('status').textContent()).toContain(
        'Đã ghi nhận quyết định số 1624/QĐ-TTg cho 1 hồ sơ',
      );
      expect(await page.locator('#recent-title + .table-wrap').textContent()).toContain('14/10/2024');
      await screenshot(page, 'decisions-prime-minister');
    } finally {
      await context.close();
    }
    expect(await state(fighters.namdinh)).toBe('awarded');
  });

  it('is not a page for other roles', async () => {
    const { context, page } = await signIn(browser, t, 'board@test.thidua.vn');
    try {
      const res = await page.goto('/app/decisions');
      expect(res?.status()).toBe(403);
      expect(await page.getByRole('link', { name: 'Ghi nhận quyết định' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
