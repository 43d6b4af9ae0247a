import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { orgId, person, PROVINCES } from '../support/people';
import {
  appraisedFighter,
  createNomination,
  policyWithoutStandard,
  submitWithDossier,
} from '../support/story';
import { launch, screenshot, asUser, email } from './support/browser';

jest.setTimeout(240_000);

const individual = (fullName: string) => ({
  kind: 'individual',
  organizationId: orgId(PROVINCES.namdinh),
  fullName,
  gender: 'male',
  position: 'Trưởng phòng',
});

describe('the work lists, the confirmation steps and the notifications pages', () => {
  let t: TestApp;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;
  let flag: string;
  let toWithdraw: string;
  let fighter: string;
  let bacNinh: string;
  let bacNinhOfficer: string;

  const stateOf = async (id: string) =>
    (
      (await t.dataSource.query(`SELECT state FROM workflow_instances WHERE id = $1`, [id])) as {
        state: string;
      }[]
    )[0].state;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    chromium = await launch();
    browser = chromium.browser;
    const officer = await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    const approver = await person(t, 'namdinh.approver', 'PROVINCE_APPROVER', PROVINCES.namdinh);
    await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', PROVINCES.thaibinh);
    const board = await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    await person(t, 'council.member', 'COUNCIL_MEMBER', 'COUNCIL');
    const bacNinhClient = await person(t, 'bacninh.officer', 'NOMINATOR', PROVINCES.bacninh);
    bacNinhOfficer = bacNinhClient.userId;
    await policyWithoutStandard(await person(t, 'admin', 'ADMIN', 'MOHA'));
    flag = await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: PROVINCES.namdinh });
    await submitWithDossier(officer, flag);
    const certificate = await createNomination(officer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: PROVINCES.namdinh,
    });
    await submitWithDossier(officer, certificate);
    // A draft: never submitted, it has no submission date and sorts last by it.
    await createNomination(officer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: PROVINCES.namdinh,
      nominee: individual('Hoàng Văn An'),
    });
    toWithdraw = await createNomination(officer, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: PROVINCES.namdinh,
      nominee: individual('Phạm Văn Tú'),
    });
    await submitWithDossier(officer, toWithdraw);
    fighter = await appraisedFighter({ officer, approver, board }, PROVINCES.namdinh, 'Trần Thị Mai');
    bacNinh = await createNomination(bacNinhClient, {
      award: 'GOVERNMENT_FLAG',
      nomineeOrg: PROVINCES.bacninh,
    });
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  const as = <T>(name: string, work: (page: Page) => Promise<T>) => asUser(browser, t, name, work);

  it('withdraws only from a confirmation step that states what happens and that it cannot be undone', async () => {
    await as('namdinh.officer', async (page) => {
      await page.goto(`/app/nominations/${toWithdraw}`);
      // The destructive button stands apart, after the others.
      expect(await page.locator('.actions-danger').getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(
        1,
      );
      await page.locator('#f-WITHDRAW-reason').fill('Đơn vị rút để hoàn thiện hồ sơ năm sau');
      await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
      const what = await page.locator('#confirm-what').textContent();
      expect(what).toContain('Rút hồ sơ');
      expect(what).toContain('Phạm Văn Tú');
      expect(await page.locator('.confirm dl').textContent()).toContain(
        'Đơn vị rút để hoàn thiện hồ sơ năm sau',
      );
      expect(await page.locator('#confirm-undo').textContent()).toBe('Thao tác này không thể hoàn tác.');
      await screenshot(page, 'withdraw-confirm');
      expect(await stateOf(toWithdraw)).toBe('submitted');
      // The form without the confirmation leads to the step again: nothing is sent.
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      const unconfirmed = await page.request.post(`/app/nominations/${toWithdraw}/events`, {
        form: { _csrf: token, type: 'WITHDRAW', 'WITHDRAW.reason': 'Rút' },
        maxRedirects: 0,
      });
      expect(unconfirmed.status()).toBe(200);
      expect(await unconfirmed.text()).toContain('không thể hoàn tác');
      expect(await stateOf(toWithdraw)).toBe('submitted');
      // Going back does nothing.
      await page.getByRole('link', { name: 'Quay lại, không thực hiện' }).click();
      await page.waitForURL(`**/app/nominations/${toWithdraw}`);
      expect(await stateOf(toWithdraw)).toBe('submitted');
      await page.locator('#f-WITHDRAW-reason').fill('Đơn vị rút để hoàn thiện hồ sơ năm sau');
      await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
      await page.getByRole('button', { name: 'Xác nhận: Rút hồ sơ' }).click();
      await page.waitForURL(`**/app/nominations/${toWithdraw}`);
      expect(await stateOf(toWithdraw)).toBe('withdrawn');
    });
  });

  it("sorts the list from its column headers, shows the direction and the total, and only the unit's own", async () => {
    const own = (await t.dataSource.query(
      `SELECT dossier_number, nominee_name, submitted_at FROM nominations WHERE nominating_org_id = $1`,
      [orgId(PROVINCES.namdinh)],
    )) as { dossier_number: string; nominee_name: string; submitted_at: Date | null }[];
    const numbers = own.map((n) => n.dossier_number).sort();
    await as('namdinh.officer', async (page) => {
      await page.goto('/app/nominations?sort=number&dir=asc');
      const column = () => page.locator('tbody tr td:first-child').allTextContents();
      expect((await column()).map((s) => s.trim())).toEqual(numbers);
      expect(await page.locator('[data-total]').textContent()).toBe(`Tổng số: ${own.length} hồ sơ`);
      const header = page.locator('th[data-sort="number"]');
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      expect(await header.textContent()).toContain('▲');
      await header.getByRole('link').click();
      await page.waitForURL(/dir=desc/);
      expect((await column()).map((s) => s.trim())).toEqual([...numbers].reverse());
      expect(await page.locator('th[data-sort="number"]').getAttribute('aria-sort')).toBe('descending');
      await screenshot(page, 'worklist-sorted');
      // By submission date, newest first: the draft has none and comes last; its cell is empty.
      await page.locator('th[data-sort="submitted"]').getByRole('link').click();
      await page.waitForURL(/sort=submitted/);
      const submitted = (await page.locator('tbody td[data-submitted]').allTextContents()).map((s) =>
        s.trim(),
      );
      expect(submitted.at(-1)).toBe('');
      expect(submitted.slice(0, -1).every((s) => /^\d{2}\/\d{2}\/\d{4}$/.test(s))).toBe(true);
      // Another province's nomination is in no list of Nam Định's.
      expect(await page.locator(`a[href="/app/nominations/${bacNinh}"]`).count()).toBe(0);
      // An order that is not one of the columns is refused, and lists nothing.
      expect((await page.goto('/app/nominations?sort=password'))?.status()).toBe(400);
      expect((await page.goto('/app/nominations?page=0'))?.status()).toBe(400);
    });
    await as('bacninh.officer', async (page) => {
      await page.goto('/app/nominations');
      expect(await page.locator('[data-total]').textContent()).toBe('Tổng số: 1 hồ sơ');
      expect(await page.locator(`a[href="/app/nominations/${bacNinh}"]`).count()).toBeGreaterThan(0);
    });
  });

  it('lists what is before the Council for its member, with the documents, and the member cannot act on it', async () => {
    await as('council.member', async (page) => {
      await page.getByRole('link', { name: 'Hồ sơ trình Hội đồng' }).click();
      await page.waitForURL('**/app/council');
      const rows = page.locator('[data-council-list] tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getAttribute('data-nomination')).toBe(fighter);
      expect(await rows.first().textContent()).toContain('Trần Thị Mai');
      const links = rows.first().locator('a[download]');
      expect(await links.count()).toBeGreaterThan(0);
      const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
      expect(await download.failure()).toBeNull();
      await screenshot(page, 'council-list');
      // Reading is all: no action on the nomination's page, and a forged form is refused.
      await page.goto(`/app/nominations/${fighter}`);
      expect(await page.locator('section[aria-labelledby="actions-title"] button').count()).toBe(0);
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      for (const confirmed of ['', 'yes']) {
        const forged = await page.request.post(`/app/nominations/${fighter}/events`, {
          form: { _csrf: token, type: 'COUNCIL_REJECTED', 'COUNCIL_REJECTED.reason': 'x', confirmed },
          maxRedirects: 0,
        });
        expect(forged.status()).toBeGreaterThanOrEqual(400);
        expect(forged.status()).toBeLessThan(500);
      }
      expect(await stateOf(fighter)).toBe('councilReview');
    });
    await as('namdinh.officer', async (page) => {
      expect((await page.goto('/app/council'))?.status()).toBe(403);
    });
  });

  it('marks a notification read when its reader acts on the nomination it is about', async () => {
    const unreadAbout = async (id: string) =>
      Number(
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
              WHERE u.email = $1 AND n.subject_id = $2 AND n.read_at IS NULL`,
            [email('thaibinh.leader'), id],
          )
        )[0].n,
      );
    await eventually(async () => expect(await unreadAbout(flag)).toBeGreaterThan(0));
    await as('thaibinh.leader', async (page) => {
      await page.goto('/app/notifications');
      const about = page.locator(`[data-notifications] li:has(a[href="/app/nominations/${flag}"])`);
      expect(await about.first().getAttribute('data-read')).toBe('no');
      await page.goto(`/app/nominations/${flag}`);
      await page.getByRole('button', { name: 'Tiếp nhận' }).click();
      await page.waitForURL(`**/app/nominations/${flag}`);
      expect(await stateOf(flag)).toBe('accepted');
      expect(await unreadAbout(flag)).toBe(0);
      await page.goto('/app/notifications');
      const states = await about.evaluateAll((items) => items.map((li) => li.getAttribute('data-read')));
      expect(states.length).toBeGreaterThan(0);
      expect(states.every((s) => s === 'yes')).toBe(true);
    });
  });

  it('caps the inbox panel at ten with a link to every notification, a page at a time', async () => {
    await t.dataSource.query(
      `INSERT INTO notifications (id, user_id, template, subject_type, subject_id, title_vi, title_en, link, created_at)
       SELECT gen_random_uuid(), $1, 'nomination.returned', 'nomination', $2::uuid, 'Hồ sơ số ' || i, 'Dossier ' || i,
              '/app/nominations/' || $2::text, now() - make_interval(mins => i)
         FROM generate_series(1, 25) AS i`,
      [bacNinhOfficer, bacNinh],
    );
    await as('bacninh.officer', async (page) => {
      await page.goto('/app');
      expect(await page.locator('#inbox .inbox-list > li').count()).toBe(10);
      await page.locator('#inbox').getByRole('link', { name: 'Xem tất cả' }).click();
      await page.waitForURL('**/app/notifications');
      const items = page.locator('[data-notifications] li');
      expect(await items.count()).toBe(20);
      expect(await items.first().textContent()).toContain('Hồ sơ số 1');
      expect(await items.first().locator('.muted').textContent()).toMatch(
        /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
      );
      await page.getByRole('link', { name: 'Trang sau' }).click();
      expect(await items.count()).toBe(5);
      expect(await items.last().textContent()).toContain('Hồ sơ số 25');
      expect((await page.goto('/app/notifications?cursor=not-a-cursor'))?.status()).toBe(400);
    });
  });
});
