import type { Browser, Page } from 'playwright-core';
import { WORKFLOWS } from '../../workflows';
import { startTestApp, type TestApp } from '../support/app';
import type { Http } from '../support/http';
import { CLUSTER, person, PROVINCES } from '../support/people';
import { createNomination, submitWithDossier } from '../support/story';
import { launch, screenshot, asUser } from './support/browser';

jest.setTimeout(240_000);

describe('the forms officers fill in: required fields, percentages, rows, the policy editor, Vietnamese formats', () => {
  let t: TestApp;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;
  let officer: Http;
  let leader: Http;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    chromium = await launch();
    browser = chromium.browser;
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', PROVINCES.thaibinh);
    await person(t, 'admin', 'ADMIN', 'MOHA');
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  const as = <T>(name: string, work: (page: Page) => Promise<T>) => asUser(browser, t, name, work);

  const post = (page: Page, path: string) =>
    page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === 'POST');

  it("an individual's name, gender and position are required: each missing one is shown next to its field", async () => {
    await as('namdinh.officer', async (page) => {
      await page.goto('/app/nominations/new');
      // A collective's form has no individual's fields; an individual's has no women's share.
      expect(await page.getByLabel('Họ và tên').isVisible()).toBe(false);
      await page.getByLabel('Loại đối tượng').selectOption('individual');
      expect(await page.getByLabel('Tỷ lệ nữ (%)').isVisible()).toBe(false);
      for (const label of ['Họ và tên', 'Giới tính', 'Chức vụ']) {
        const field = page.getByLabel(label);
        expect([
          label,
          await field.getAttribute('aria-required'),
          await field.getAttribute('required'),
        ]).toEqual([label, 'true', '']);
      }
      expect(await page.locator('label[for="f-nominee-fullName"]').textContent()).toContain('*');

      await page.getByLabel('Hình thức khen thưởng').selectOption('PM_CERTIFICATE');
      await page.getByLabel('Năm').fill('2023');
      await page.getByLabel('Cụm thi đua').selectOption(CLUSTER);
      await page.getByLabel('Tập thể / đơn vị công tác').selectOption({ label: 'Nam Định' });
      await page.getByLabel('Tóm tắt thành tích').fill('Hoàn thành xuất sắc nhiệm vụ');
      const [refused] = await Promise.all([
        post(page, '/app/nominations'),
        page.getByRole('button', { name: 'Tạo hồ sơ' }).click(),
      ]);
      expect(refused.status()).toBe(400);
      for (const field of ['fullName', 'gender', 'position']) {
        expect([field, await page.locator(`#err-nominee-${field}`).textContent()]).toEqual([
          field,
          'Bắt buộc nhập.',
        ]);
        expect(await page.locator(`#f-nominee-${field}`).getAttribute('aria-invalid')).toBe('true');
      }
      expect(await page.evaluate('document.activeElement?.id')).toBe('f-nominee-fullName');
      expect(await page.getByText('needs fullName').count()).toBe(0);
      await screenshot(page, '30-individual-required');

      await page.getByLabel('Họ và tên').fill('Phạm Thị Lan');
      await page.getByLabel('Giới tính').selectOption('female');
      await page.getByLabel('Chức vụ').fill('Hiệu trưởng');
      expect(await page.getByLabel('Ngày sinh').getAttribute('placeholder')).toBe('dd/mm/yyyy');
      await page.getByLabel('Ngày sinh').fill('19/5/1978');
      await page.getByLabel('Quê quán').fill('Hải Hậu, Nam Định');
      await page.getByLabel('Dân tộc').fill('Kinh');
      await page.getByLabel('Thâm niên công tác').fill('24');
      await Promise.all([
        page.waitForURL(/\/app\/nominations\/[0-9a-f-]{36}$/),
        page.getByRole('button', { name: 'Tạo hồ sơ' }).click(),
      ]);
      const facts = async (key: string) => page.locator(`[data-fact="${key}"]`).textContent();
      expect(await facts('birthDate')).toBe('19/05/1978');
      expect(await facts('hometown')).toBe('Hải Hậu, Nam Định');
      expect(await facts('ethnicity')).toBe('Kinh');
      expect(await facts('serviceYears')).toBe('24 năm');
      await screenshot(page, '31-individual-dossier');
    });
  });

  it("a collective's share of women is entered as a percentage with a decimal comma and shown as 66,7 %", async () => {
    await as('namdinh.officer', async (page) => {
      await page.goto('/app/nominations/new');
      await page.getByLabel('Hình thức khen thưởng').selectOption('PM_CERTIFICATE');
      await page.getByLabel('Năm').fill('2023');
      await page.getByLabel('Cụm thi đua').selectOption(CLUSTER);
      await page.getByLabel('Tập thể / đơn vị công tác').selectOption({ label: 'Nam Định' });
      await page.getByLabel('Tóm tắt thành tích').fill('Tập thể lao động xuất sắc');
      await page.getByLabel('Tỷ lệ nữ (%)').fill('150');
      await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
      expect(await page.locator('#err-nominee-femaleShare').textContent()).toBe('Lớn hơn giá trị cho phép.');
      await page.getByLabel('Tỷ lệ nữ (%)').fill('66,7');
      await Promise.all([
        page.waitForURL(/\/app\/nominations\/[0-9a-f-]{36}$/),
        page.getByRole('button', { name: 'Tạo hồ sơ' }).click(),
      ]);
      expect(await page.locator('[data-fact="femaleShare"]').textContent()).toBe('66,7 %');
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const stored = await officer.get(`/nominations/${id}`);
      expect(stored.body.nominee.femaleShare).toBe(0.667);
    });
  });

  it('every award policy of the seed goes through the editor unchanged; a bad share is shown next to its field', async () => {
    const awards = (await t.dataSource.query(
      `SELECT DISTINCT award_type AS code FROM award_policies ORDER BY award_type`,
    )) as { code: string }[];
    expect(awards.length).toBeGreaterThan(5);
    const latest = async (code: string) =>
      (
        (await t.dataSource.query(
          `SELECT version, rules FROM award_policies WHERE award_type = $1 ORDER BY version DESC LIMIT 1`,
          [code],
        )) as { version: number; rules: Record<string, unknown> }[]
      )[0];
    await as('admin', async (page) => {
      for (const { code } of awards) {
        const before = await latest(code);
        expect([code, (await page.goto(`/app/admin/awards/${code}`))?.status()]).toEqual([code, 200]);
        expect(await page.locator('textarea[name="rules"]').count()).toBe(0);
        await page.getByLabel('Ngày có hiệu lực').fill('01/01/2099');
        await page.getByLabel(/^Căn cứ/).fill('Thử nghiệm: giữ nguyên quy định');
        const [answer] = await Promise.all([
          post(page, `/app/admin/awards/${code}/policies`),
          page.getByRole('button', { name: 'Thêm phiên bản chính sách' }).click(),
        ]);
        expect([code, answer.status()]).toEqual([code, 303]);
        const after = await latest(code);
        expect([code, after.version]).toEqual([code, before.version + 1]);
        expect([code, after.rules]).toEqual([code, before.rules]);
      }

      // A change made in the form is the change stored: a quorum of 75 %, one more document, no run-off.
      await page.goto('/app/admin/awards/GOVERNMENT_FLAG');
      expect(await page.getByLabel('Tỷ lệ đơn vị phải tham gia bỏ phiếu (%)').inputValue()).toBe(
        '66,66666666666666',
      );
      await page.getByLabel('Tỷ lệ đơn vị phải tham gia bỏ phiếu (%)').fill('75');
      await page.getByRole('button', { name: 'Thêm loại tài liệu' }).click();
      const rows = page.locator('[data-rows="rules.dossier"] tbody tr');
      const added = rows.last();
      await added.locator('select[name$=".kind"]').selectOption('ballotResults');
      await added.locator('input[name$=".copies"]').fill('2');
      await added.locator('select[name$=".stage"]').selectOption('forwarding');
      await page.locator('input[name="rules.fileTypes"][value="xls"]').uncheck();
      await page.getByLabel('Ngày có hiệu lực').fill('01/01/2100');
      await page.getByLabel(/^Căn cứ/).fill('Thử nghiệm: hai phần ba → ba phần tư');
      await page.getByLabel('Tỷ lệ phiếu đồng ý cần đạt (%)').fill('150');
      await page.getByRole('button', { name: 'Thêm phiên bản chính sách' }).click();
      expect(await page.locator('#err-rules-vote-approvalShare').textContent()).toBe(
        'Lớn hơn giá trị cho phép.',
      );
      // What was entered stays, the added row included.
      expect(await rows.count()).toBe(
        ((await latest('GOVERNMENT_FLAG')).rules.dossier as unknown[]).length + 1,
      );
      await page.getByLabel('Tỷ lệ phiếu đồng ý cần đạt (%)').fill('50');
      await page.getByRole('button', { name: 'Thêm phiên bản chính sách' }).click();
      await page.waitForURL(/\/app\/admin\/awards\/GOVERNMENT_FLAG$/);
      const changed = await latest('GOVERNMENT_FLAG');
      expect(changed.rules.vote).toMatchObject({ quorumShare: 0.75, approvalShare: 0.5 });
      expect((changed.rules.dossier as unknown[]).at(-1)).toEqual({
        kind: 'ballotResults',
        copies: 2,
        stage: 'forwarding',
      });
      expect(changed.rules.fileTypes).toEqual(['pdf', 'docx', 'xlsx', 'doc', 'jpeg', 'png']);
      // The versions are described in words, not as JSON.
      expect(await page.locator('main pre').count()).toBe(0);
      expect(await page.locator('main').textContent()).toContain('75,0 %');
      await screenshot(page, '32-policy-editor');
    });
  });

  it("the agreement's criteria are rows: added, removed, each problem in its row", async () => {
    await as('thaibinh.leader', async (page) => {
      await page.goto(`/app/clusters/${CLUSTER}/years/2023`);
      await page.getByLabel('Tiêu đề').fill('Giao ước thi đua năm 2023');
      const row = (i: number) => page.locator('[data-rows="criteria"] tbody tr').nth(i);
      expect(await page.locator('[data-rows="criteria"] tbody tr').count()).toBe(3);
      await row(0).getByLabel('Tên tiêu chí 1').fill('Tăng trưởng kinh tế');
      await row(0).getByLabel('Điểm tối đa 1').fill('100');
      await row(0).getByLabel('Trọng số 1').fill('60,5');
      await row(1).getByLabel('Tên tiêu chí 2').fill('Tiêu chí bỏ đi');
      await row(2).getByLabel('Tên tiêu chí 3').fill('Thu nhập bình quân');
      await row(2).getByLabel('Điểm tối đa 3').fill('nhiều');
      await row(2).getByLabel('Trọng số 3').fill('39,5');
      await page.getByRole('button', { name: 'Thêm tiêu chí' }).click();
      expect(await page.locator('[data-rows="criteria"] tbody tr').count()).toBe(4);
      await row(3).getByLabel('Tên tiêu chí 4').fill('Xây dựng nông thôn mới');
      await row(3).getByLabel('Điểm tối đa 4').fill('50');
      await row(3).getByLabel('Trọng số 4').fill('0');
      await row(1).getByRole('button', { name: 'Xóa dòng 2' }).click();
      await page.getByRole('button', { name: 'Đề xuất giao ước' }).click();
      // The problem is in the row where it was typed (the third row on the page, now the second).
      expect(await page.locator('#err-criteria-2-maxScore').textContent()).toBe('Phải là số.');
      expect(await page.getByLabel('Tên tiêu chí 3').inputValue()).toBe('Thu nhập bình quân');
      expect(await page.locator('[data-rows="criteria"] tbody tr').count()).toBe(4);
      expect((await leader.get(`/clusters/${CLUSTER}/years/2023/agreement`)).status).toBe(404);
      await page.locator('[name="criteria.2.maxScore"]').fill('100');
      await page.getByRole('button', { name: 'Đề xuất giao ước' }).click();
      const agreement = await leader.get(`/clusters/${CLUSTER}/years/2023/agreement`);
      expect(agreement.body.criteria).toEqual([
        { code: 'TC1', name: 'Tăng trưởng kinh tế', weight: 60.5, maxScore: 100 },
        { code: 'TC2', name: 'Thu nhập bình quân', weight: 39.5, maxScore: 100 },
        { code: 'TC3', name: 'Xây dựng nông thôn mới', weight: 0, maxScore: 50 },
      ]);
      await screenshot(page, '33-agreement-criteria');
    });
  });

  it('pages show dates as dd/mm/yyyy and numbers with a decimal comma; the diagram has no code names', async () => {
    const id = await createNomination(officer, { award: 'GOVERNMENT_FLAG', nomineeOrg: PROVINCES.namdinh });
    await submitWithDossier(officer, id);
    const codeNames = new Set<string>();
    for (const w of WORKFLOWS) {
      for (const guard of Object.keys(w.machine.implementations.guards)) codeNames.add(guard);
      for (const event of Object.keys(w.events)) codeNames.add(event);
    }
    await as('namdinh.officer', async (page) => {
      for (const path of [
        `/app/nominations/${id}`,
        '/app/nominations',
        '/app',
        `/app/clusters/${CLUSTER}/years/2023`,
      ]) {
        await page.goto(path);
        const text = (await page.locator('main').textContent()) ?? '';
        expect([path, text.match(/\b\d{4}-\d{2}-\d{2}\b/g)]).toEqual([path, null]);
        expect([path, text.match(/\b\d+\.\d+\b/g)]).toEqual([path, null]);
      }
      await page.goto(`/app/nominations/${id}`);
      expect(await page.locator('.timeline time').first().textContent()).toMatch(
        /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
      );
      const diagram = (await page.locator('.diagram').textContent()) ?? '';
      expect(diagram).toContain('Gửi hồ sơ');
      expect(diagram).not.toContain('no state change');
      const leaked = [...codeNames].filter((name) => new RegExp(`\\b${name}\\b`).test(diagram));
      expect(leaked).toEqual([]);
    });
    await as('admin', async (page) => {
      // The policies' source notes speak the page's language.
      await page.goto('/app/admin/awards/NATIONAL_EMULATION_FIGHTER');
      const vi = (await page.locator('main').textContent()) ?? '';
      expect(vi).toContain('Căn cứ: Nghị định 152/2025/NĐ-CP (có hiệu lực từ ngày 01/7/2025)');
      expect(vi).not.toMatch(/Decree|UNVERIFIED|working days/);
      await page.getByRole('link', { name: 'English' }).click();
      const en = (await page.locator('main').textContent()) ?? '';
      expect(en).toContain('Source: Decree 152/2025/NĐ-CP (in force 1 July 2025)');
      await page.getByRole('link', { name: 'Tiếng Việt' }).click();
      for (const path of ['/app/admin/awards', '/app/admin/awards/GOVERNMENT_FLAG']) {
        await page.goto(path);
        const text = (await page.locator('main').textContent()) ?? '';
        expect([path, text.match(/\b\d{4}-\d{2}-\d{2}\b/g)]).toEqual([path, null]);
        // No route's code name (cluster, direct, provincial, presidential) stands alone in a cell.
        const cells = await page.locator('main td').allTextContents();
        expect(cells.filter((c) => /^(cluster|direct|provincial|presidential)$/.test(c.trim()))).toEqual([]);
      }
    });
  });
});
