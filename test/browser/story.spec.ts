import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { CLUSTER, person, PROVINCES, type Province } from '../support/people';
import { pdf } from '../support/story';
import { launch, screenshot, signIn, asUser, email } from './support/browser';

jest.setTimeout(300_000);

const SLUGS = Object.keys(PROVINCES) as Province[];

/**
 * The seed's story through the pages, each step by the user who does it: Nam Định submits its candidate for the
 * Government Emulation Flag with its dossier, the 2023 cluster leader accepts it and runs the secret ballot of the
 * nine members, certifies and forwards; the Board, the Council and the Government Office decide.
 */
describe('the seed story in a browser', () => {
  let t: TestApp;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;
  let nominationId: string;
  let sessionId: string;
  const receipts: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    chromium = await launch();
    browser = chromium.browser;
    await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', PROVINCES.thaibinh);
    for (const slug of SLUGS) await person(t, `${slug}.voter`, 'CLUSTER_VOTER', PROVINCES[slug]);
    await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    await person(t, 'council.secretary', 'COUNCIL_SECRETARY', 'COUNCIL');
    await person(t, 'pm.office', 'PM_OFFICE', 'GOVERNMENT_OFFICE');
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  const as = <T>(name: string, work: (page: Page) => Promise<T>) => asUser(browser, t, name, work);

  const stateOf = (page: Page) => page.locator('main > p .state').first().textContent();

  it('Nam Định creates the nomination, adds its dossier and submits it', async () => {
    await as('namdinh.officer', async (page) => {
      await page.getByRole('link', { name: 'Tạo hồ sơ' }).click();
      await page.getByLabel('Hình thức khen thưởng').selectOption('GOVERNMENT_FLAG');
      await page.getByLabel('Năm').fill('2023');
      await page.getByLabel('Cụm thi đua').selectOption(CLUSTER);
      await page.getByLabel('Tập thể / đơn vị công tác').selectOption({ label: 'Nam Định' });
      await page.getByLabel('Tóm tắt thành tích').fill('Dẫn đầu cụm thi đua năm 2023; tăng trưởng 8,2 %.');
      await screenshot(page, '02-nomination-form');
      await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
      await page.waitForURL(/\/app\/nominations\/[0-9a-f-]{36}$/);
      nominationId = page.url().split('/').pop()!;
      expect(await stateOf(page)).toBe('Dự thảo (chờ chuyển)');

      for (const [kind, label] of [
        ['proposal', 'Tờ trình đề nghị'],
        ['achievementReport', 'Báo cáo thành tích'],
      ]) {
        await page.getByLabel('Loại tài liệu').selectOption(kind);
        await page
          .getByLabel(/^Tệp/)
          .setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: pdf(kind) });
        await page.getByRole('button', { name: 'Tải lên' }).click();
        await page.waitForURL(`**/app/nominations/${nominationId}`);
        await page.locator('#dossier-title + .table-wrap').getByText(label).waitFor({ state: 'visible' });
      }
      // A new version of the proposal supersedes the first one, which stays readable.
      await page.getByLabel('Loại tài liệu').selectOption('proposal');
      await page
        .getByLabel(/^Tệp/)
        .setInputFiles({ name: 'proposal-v2.pdf', mimeType: 'application/pdf', buffer: pdf('proposal v2') });
      await page.getByRole('button', { name: 'Tải lên' }).click();
      await page.waitForURL(`**/app/nominations/${nominationId}`);
      expect(await page.getByText('Phiên bản đã thay thế (1)').count()).toBe(1);
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'proposal-v2.pdf' }).click();
      expect((await download).suggestedFilename()).toBe('proposal-v2.pdf');

      await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
      await page.waitForURL(`**/app/nominations/${nominationId}`);
      expect(await stateOf(page)).toBe('Chờ duyệt');
      expect(await page.locator('[data-chain]').getAttribute('data-chain')).toBe('verified');
      await screenshot(page, '03-nomination-submitted');
    });
  });

  it('the 2023 cluster leader sees it waiting, accepts it and opens the vote', async () => {
    await as('thaibinh.leader', async (page) => {
      await page
        .locator('#waiting-title + .table-wrap')
        .getByText('Nam Định')
        .first()
        .waitFor({ state: 'visible' });
      await screenshot(page, '01-home-leader');
      await page.goto(`/app/nominations/${nominationId}`);
      await page.getByRole('button', { name: 'Tiếp nhận' }).click();
      await page.waitForURL(`**/app/nominations/${nominationId}`);
      expect(await stateOf(page)).toBe('Đã duyệt, chờ bình xét');

      // The vote belongs to the conference: recorded with the session, its date and place date the minutes.
      await page.goto(`/app/voting-sessions/new?clusterId=${CLUSTER}&year=2023`);
      await page.getByLabel('Ngày họp').fill('2024-03-13');
      await page.getByLabel(/^Giờ bắt đầu/).fill('08:30');
      await page.getByLabel('Địa danh (ghi trước ngày tháng)').fill('Thái Bình');
      await page.getByLabel(/^Địa điểm họp/).fill('Hội trường Ủy ban nhân dân tỉnh Thái Bình');
      await page.getByLabel('Chủ trì (họ tên)').fill('Lại Văn Hoàn');
      await page.getByLabel('Chức vụ của chủ trì').fill('Phó Chủ tịch UBND tỉnh Thái Bình');
      await page.getByLabel('Thư ký (họ tên)').fill('Nguyễn Thị Hoa');
      await page.getByLabel('Chức vụ của thư ký').fill('Trưởng ban Thi đua – Khen thưởng tỉnh');
      await page.getByRole('button', { name: 'Tạo phiên' }).click();
      await page.waitForURL(/\/app\/voting-sessions\/[0-9a-f-]{36}$/);
      sessionId = page.url().split('/').pop()!;
      await page.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
      await page.waitForURL(`**/app/voting-sessions/${sessionId}`);
      expect(await page.locator('main > p .state').textContent()).toBe('Đang bỏ phiếu');
      expect(await page.locator('[data-turnout]').textContent()).toBe('0/9');
    });
  });

  it('nine member delegates cast their secret ballots and get receipts; the leader watches the turnout live', async () => {
    const watcher = await signIn(browser, t, email('thaibinh.leader'));
    await watcher.page.goto(`/app/voting-sessions/${sessionId}`);
    expect(await watcher.page.locator('[data-turnout]').textContent()).toBe('0/9');
    for (const [i, slug] of SLUGS.entries()) {
      await as(`${slug}.voter`, async (page) => {
        await page.getByRole('link', { name: /Cụm thi đua các tỉnh Đồng bằng sông Hồng – 2023/ }).click();
        await page.waitForURL(`**/app/voting-sessions/${sessionId}`);
        await page.getByRole('checkbox', { name: /Nam Định/ }).check();
        if (i === 0) await screenshot(page, '04-ballot');
        await page.getByRole('button', { name: 'Kiểm tra phiếu trước khi bỏ' }).click();
        expect(await page.locator('[data-review-choices] li').allTextContents()).toEqual([
          expect.stringContaining('Nam Định'),
        ]);
        await page.getByRole('button', { name: 'Bỏ phiếu', exact: true }).click();
        const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
        expect(receipt).toMatch(/^[A-Z2-9]{10}$/);
        receipts.push(receipt);
        if (i === 0) await screenshot(page, '05-receipt');
        // The ballot is gone: the organisation voted in this round.
        await page.reload();
        expect(await page.getByRole('button', { name: 'Bỏ phiếu' }).count()).toBe(0);
      });
    }
    expect(new Set(receipts).size).toBe(9);
    // htmx polls the turnout every few seconds: the leader's page follows without a reload.
    await eventually(async () => {
      expect(await watcher.page.locator('[data-turnout]').textContent()).toBe('9/9');
    }, 15_000);
    await watcher.context.close();
  });

  it('the leader sees the turnout live, closes, certifies and forwards to the Board', async () => {
    await as('thaibinh.leader', async (page) => {
      await page.goto(`/app/voting-sessions/${sessionId}`);
      expect(await page.locator('[data-turnout]').textContent()).toBe('9/9');
      await screenshot(page, '06-session-open');
      await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
      await page.waitForURL(`**/app/voting-sessions/${sessionId}`);
      await page.getByRole('button', { name: 'Công nhận kết quả' }).click();
      // Certifying cannot be undone: a confirmation step says so before anything is sent.
      expect(await page.locator('#confirm-undo').textContent()).toContain('không thể hoàn tác');
      expect(await page.locator('main > p .state').count()).toBe(0);
      await page.getByRole('button', { name: 'Xác nhận: Công nhận kết quả' }).click();
      await page.waitForURL(`**/app/voting-sessions/${sessionId}`);
      expect(await page.locator('main > p .state').textContent()).toBe('Đã công nhận kết quả');
      const counted = await page.locator('[data-receipts] li').allTextContents();
      expect(counted.sort()).toEqual([...receipts].sort());
      expect(await page.getByText('Được đề nghị').count()).toBe(1);
      const conference = await page.locator('[data-conference]').textContent();
      expect(conference).toContain('Thái Bình');
      expect(conference).toContain('Lại Văn Hoàn');
      expect(await page.locator('[data-ballot-counts]').first().textContent()).toContain(
        'Phiếu phát ra 9, thu vào 9, hợp lệ 9, không hợp lệ 0, phiếu trắng 0',
      );
      for (const [label, file] of [
        ['Biên bản (PDF)', 'bien-ban-binh-xet-2023.pdf'],
        ['Biên bản (DOCX)', 'bien-ban-binh-xet-2023.docx'],
      ]) {
        const minutes = page.waitForEvent('download');
        await page.getByRole('link', { name: label }).click();
        expect((await minutes).suggestedFilename()).toBe(file);
      }
      await screenshot(page, '07-session-certified');

      // The cluster's proposal to the Board, in both formats, from the cluster's page.
      await page.goto(`/app/clusters/${CLUSTER}/years/2023`);
      for (const [label, file] of [
        ['Lập tờ trình (PDF)', 'to-trinh-de-nghi-khen-thuong-2023.pdf'],
        ['Lập tờ trình (DOCX)', 'to-trinh-de-nghi-khen-thuong-2023.docx'],
      ]) {
        const proposal = page.waitForEvent('download');
        await page.getByRole('button', { name: label }).click();
        expect((await proposal).suggestedFilename()).toBe(file);
      }

      await page.goto(`/app/nominations/${nominationId}`);
      expect(await stateOf(page)).toBe('Được đề nghị, chờ chuyển');
      await page.getByRole('button', { name: 'Trình Ban Thi đua – Khen thưởng Trung ương' }).click();
      await page.waitForURL(`**/app/nominations/${nominationId}`);
      expect(await stateOf(page)).toBe('Đang thẩm định');
    });
  });

  it('the Board appraises, the Council approves, the Government Office records the decision', async () => {
    await as('board', async (page) => {
      await page.goto(`/app/nominations/${nominationId}`);
      await page.getByRole('button', { name: 'Thẩm định đạt' }).click();
      await page.waitForURL(`**/app/nominations/${nominationId}`);
      expect(await stateOf(page)).toBe('Chờ Hội đồng xét');
    });
    await as('council.secretary', async (page) => {
      await page.goto(`/app/nominations/${nominationId}`);
      await page.getByRole('button', { name: 'Hội đồng nhất trí' }).click();
      await page.waitForURL(`**/app/nominations/${nominationId}`);
      expect(await stateOf(page)).toBe('Trình Thủ tướng');
    });
    // The Board's list for the Prime Minister, in both formats, and the list as XLSX, from the dashboard.
    await as('board', async (page) => {
      await page.goto('/app/dashboard?year=2023');
      const form = page.locator('[data-pm-list="GOVERNMENT_FLAG"]');
      await form.getByLabel('Năm').selectOption('2023');
      for (const [label, file] of [
        ['Lập danh sách (PDF)', 'danh-sach-de-nghi-government_flag-2023.pdf'],
        ['Lập danh sách (DOCX)', 'danh-sach-de-nghi-government_flag-2023.docx'],
      ]) {
        const list = page.waitForEvent('download');
        await form.getByRole('button', { name: label }).click();
        expect((await list).suggestedFilename()).toBe(file);
      }
      const xlsx = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Xuất danh sách (XLSX)' }).click();
      expect((await xlsx).suggestedFilename()).toMatch(/^ho-so-de-nghi-\d{4}-\d{2}-\d{2}\.xlsx$/);
    });
    await as('pm.office', async (page) => {
      await page.goto(`/app/nominations/${nominationId}`);
      await page.getByLabel('Kết quả').selectOption('awarded');
      await page.getByLabel('Số quyết định').fill('1234/QĐ-TTg');
      await page.getByLabel('Ngày quyết định').fill('2024-10-14');
      await page.getByRole('button', { name: 'Ghi nhận quyết định của Thủ tướng' }).click();
      await page.waitForURL(`**/app/nominations/${nominationId}`);
      expect(await stateOf(page)).toBe('Đã khen thưởng');
      expect(await page.locator('[data-chain]').getAttribute('data-chain')).toBe('verified');
      expect(await page.locator('.diagram [aria-current="step"]').getAttribute('data-state')).toBe('awarded');
      // Nine transitions and the documents attached to the dossier: the minutes at certification, the two
      // proposals and the two lists for the Prime Minister.
      expect(await page.locator('.timeline li').count()).toBe(14);
      expect(await page.locator('[data-dossier-number]').textContent()).toContain('2023-CTCP-0001');
      await screenshot(page, '08-nomination-awarded');
      // Printed, the dossier keeps its facts and history and drops the navigation and the forms.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.main-nav').isVisible()).toBe(false);
      expect(await page.locator('main form').first().isVisible()).toBe(false);
      expect(await page.locator('.timeline').isVisible()).toBe(true);
      expect(await page.locator('dl.facts').isVisible()).toBe(true);
      await screenshot(page, '09-nomination-print');
    });
  });
});
