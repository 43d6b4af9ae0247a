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
    const created = await leader.post('/voting-sessions', {
      clusterId: CLUSTER,
      year: 2023,
      meetingId: await conference(leader),
      items: [{ awardType: 'GOVERNMENT_FLAG', nominationIds: [candidate] }],
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
      expect(await links.count()).toBe(2);
      const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
      expect(await download.failure()).toBeNull();
      await screenshot(page, 'ballot-candidates');
    } finally {
      await context.close();
    }
  });
});
