import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { CLUSTER, person, PROVINCES } from '../support/people';
import { createNomination, step, submitWithDossier, conference } from '../support/story';
import { launch, screenshot, signIn } from './support/browser';

jest.setTimeout(180_000);

describe('the ballot page', () => {
  let t: TestApp;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;
  let sessionId: string;
  let candidate: string;
  let other: string;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    chromium = await launch();
    browser = chromium.browser;
    const leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', PROVINCES.thaibinh);
    const officer = await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    await person(t, 'vinhphuc.voter', 'CLUSTER_VOTER', PROVINCES.vinhphuc);
    candidate = await createNomination(officer, {
      award: 'GOVERNMENT_FLAG',
      nomineeOrg: PROVINCES.namdinh,
      summary: 'Dẫn đầu cụm về thu hút đầu tư và xây dựng nông thôn mới',
    });
    await submitWithDossier(officer, candidate);
    await step(leader, candidate, 'ACCEPT');
    const hungYen = await person(t, 'hungyen.officer', 'NOMINATOR', PROVINCES.hungyen);
    other = await createNomination(hungYen, { award: 'GOVERNMENT_FLAG', nomineeOrg: PROVINCES.hungyen });
    await submitWithDossier(hungYen, other);
    await step(leader, other, 'ACCEPT');
    const created = await leader.post('/voting-sessions', {
      clusterId: CLUSTER,
      year: 2023,
      meetingId: await conference(leader),
      items: [{ awardType: 'GOVERNMENT_FLAG', nominationIds: [candidate, other] }],
    });
    sessionId = created.body.id;
    await leader.post(`/voting-sessions/${sessionId}/events`, { type: 'OPEN' });
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it("shows each candidate's summary and links its submitted documents to the delegate who votes", async () => {
    const { context, page } = await signIn(browser, t, 'vinhphuc.voter@test.thidua.vn');
    try {
      await page.goto(`/app/voting-sessions/${sessionId}`);
      const details = page.locator(`[data-candidate="${candidate}"]`);
      expect(await details.locator('.summary').textContent()).toContain(
        'Dẫn đầu cụm về thu hút đầu tư và xây dựng nông thôn mới',
      );
      const links = details.locator('a[download]');
      // Two candidates for the cluster's one flag: the links of the first only.
      expect(await links.count()).toBe(2);
      const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
      expect(await download.failure()).toBeNull();
      await screenshot(page, 'ballot-candidates');
    } finally {
      await context.close();
    }
  });

  const ballots = async () =>
    Number(
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM voting_ballots) + (SELECT count(*) FROM voting_sealed_ballots) AS n`,
        )
      )[0].n,
    );

  it('limits the ticks to the places, shows how many remain, and the server refuses more all the same', async () => {
    const { context, page } = await signIn(browser, t, 'vinhphuc.voter@test.thidua.vn');
    try {
      await page.goto(`/app/voting-sessions/${sessionId}`);
      const namDinh = page.getByRole('checkbox', { name: /Nam Định/ });
      const hungYen = page.getByRole('checkbox', { name: /Hưng Yên/ });
      const left = page.locator('[data-ticks-left]');
      expect(await left.textContent()).toBe('1');
      await namDinh.check();
      expect(await left.textContent()).toBe('0');
      expect(await hungYen.isDisabled()).toBe(true);
      await namDinh.uncheck();
      expect(await left.textContent()).toBe('1');
      expect(await hungYen.isDisabled()).toBe(false);
      // A forged form with two ticks, confirmed, is refused by the server: nothing is cast.
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      const forged = await page.request.post(`/app/voting-sessions/${sessionId}/ballots`, {
        data: `_csrf=${encodeURIComponent(token)}&award=GOVERNMENT_FLAG&choice.GOVERNMENT_FLAG=${candidate}&choice.GOVERNMENT_FLAG=${other}&confirmed=yes`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(422);
      expect(await ballots()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('casts through a review step that lists the choices, or states a blank ballot', async () => {
    const { context, page } = await signIn(browser, t, 'vinhphuc.voter@test.thidua.vn');
    try {
      await page.goto(`/app/voting-sessions/${sessionId}`);
      await page.getByRole('checkbox', { name: /Nam Định/ }).check();
      await page.getByRole('button', { name: 'Kiểm tra phiếu trước khi bỏ' }).click();
      const review = page.locator('[data-ballot-review]');
      expect(await review.locator('[data-review-choices="GOVERNMENT_FLAG"] li').allTextContents()).toEqual([
        expect.stringContaining('Nam Định'),
      ]);
      expect(await review.textContent()).toContain('không thể sửa hay rút lại phiếu');
      await screenshot(page, 'ballot-review');
      // Nothing is cast by the review itself.
      expect(await ballots()).toBe(0);
      // Back to the ballot with the choice kept; untick it: the review states a blank ballot.
      await page.getByRole('button', { name: 'Sửa lại phiếu' }).click();
      const namDinh = page.getByRole('checkbox', { name: /Nam Định/ });
      expect(await namDinh.isChecked()).toBe(true);
      await namDinh.uncheck();
      await page.getByRole('button', { name: 'Kiểm tra phiếu trước khi bỏ' }).click();
      expect(await page.locator('[data-blank-ballot]').textContent()).toContain('Phiếu trắng');
      expect(await ballots()).toBe(0);
      await page.getByRole('button', { name: 'Bỏ phiếu', exact: true }).click();
      expect((await page.locator('[data-receipt]').textContent())!.trim()).toMatch(/^[A-Z2-9]{10}$/);
      expect(await ballots()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('cancels the session only from a confirmation step that says it cannot be undone', async () => {
    const { context, page } = await signIn(browser, t, 'thaibinh.leader@test.thidua.vn');
    const state = async () =>
      (
        (await t.dataSource.query(`SELECT state FROM workflow_instances WHERE id = $1`, [sessionId])) as {
          state: string;
        }[]
      )[0].state;
    try {
      await page.goto(`/app/voting-sessions/${sessionId}`);
      // The destructive button comes last, set apart from the others.
      const forms = page.locator(
        '#run-title + * form, section[aria-labelledby="run-title"] form.action-form',
      );
      expect(await forms.last().getAttribute('class')).toContain('actions-danger');
      await page.getByLabel('Lý do').fill('Hội nghị hoãn vì bão');
      await page.getByRole('button', { name: 'Hủy phiên bỏ phiếu' }).click();
      expect(await page.locator('#confirm-what').textContent()).toContain('Hủy phiên bỏ phiếu');
      expect(await page.locator('.confirm dl').textContent()).toContain('Hội nghị hoãn vì bão');
      expect(await page.locator('#confirm-undo').textContent()).toBe('Thao tác này không thể hoàn tác.');
      await screenshot(page, 'session-cancel-confirm');
      expect(await state()).toBe('open');
      // The same form without the confirmation is not acted on either: it leads to the step again.
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      const unconfirmed = await page.request.post(`/app/voting-sessions/${sessionId}/events`, {
        form: { _csrf: token, type: 'CANCEL', reason: 'Hội nghị hoãn vì bão' },
        maxRedirects: 0,
      });
      expect(unconfirmed.status()).toBe(200);
      expect(await unconfirmed.text()).toContain('không thể hoàn tác');
      expect(await state()).toBe('open');
      // Going back does nothing.
      await page.getByRole('link', { name: 'Quay lại, không thực hiện' }).click();
      await page.waitForURL(`**/app/voting-sessions/${sessionId}`);
      expect(await state()).toBe('open');
      await page.getByLabel('Lý do').fill('Hội nghị hoãn vì bão');
      await page.getByRole('button', { name: 'Hủy phiên bỏ phiếu' }).click();
      await page.getByRole('button', { name: 'Xác nhận: Hủy phiên bỏ phiếu' }).click();
      await page.waitForURL(`**/app/voting-sessions/${sessionId}`);
      expect(await state()).toBe('cancelled');
    } finally {
      await context.close();
    }
  });
});
