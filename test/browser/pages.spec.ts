import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import type { Http } from '../support/http';
import { CLUSTER, person, PROVINCES } from '../support/people';
import { createNomination, step, submitWithDossier } from '../support/story';
import { launch, screenshot, asUser, email } from './support/browser';

jest.setTimeout(240_000);

describe('the web pages: bad input, scope, CSRF, sessions, language, the other main pages', () => {
  let t: TestApp;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;
  let officer: Http;
  let leader: Http;
  let namDinhNomination: string;

  const count = async (table: string) =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    chromium = await launch();
    browser = chromium.browser;
    officer = await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    leader = await person(t, 'thaibinh.leader', 'CLUSTER_LEADER', PROVINCES.thaibinh);
    await person(t, 'bacninh.officer', 'NOMINATOR', PROVINCES.bacninh);
    await person(t, 'board', 'CENTRAL_APPRAISER', 'BOARD');
    await person(t, 'admin', 'ADMIN', 'MOHA');
    namDinhNomination = await createNomination(officer, {
      award: 'GOVERNMENT_FLAG',
      nomineeOrg: PROVINCES.namdinh,
    });
    await submitWithDossier(officer, namDinhNomination);
    const hungYen = await person(t, 'hungyen.officer', 'NOMINATOR', PROVINCES.hungyen);
    const certificate = await createNomination(hungYen, {
      award: 'PM_CERTIFICATE',
      nomineeOrg: PROVINCES.hungyen,
    });
    await submitWithDossier(hungYen, certificate);
    await step(leader, certificate, 'ACCEPT');
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  const as = <T>(name: string, work: (page: Page) => Promise<T>) => asUser(browser, t, name, work);

  it('sends a visitor without a session to the sign-in page, and refuses a wrong password without a 5xx', async () => {
    const context = await browser.newContext({ baseURL: t.url });
    const page = await context.newPage();
    const response = await page.goto(`/app/nominations/${namDinhNomination}`);
    expect(new URL(page.url()).pathname).toBe('/app/login');
    expect(response?.status()).toBe(200);
    await page.getByLabel('Thư điện tử').fill(email('namdinh.officer'));
    await page.getByLabel('Mật khẩu').fill('not the password');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/app/login') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Đăng nhập' }).click(),
    ]);
    expect(answer.status()).toBe(401);
    expect(await page.getByRole('alert').textContent()).toContain('Thư điện tử hoặc mật khẩu không đúng');
    await screenshot(page, '00-sign-in');
    // The root of the site leads to the pages.
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/app/login');
    await context.close();
  });

  it('a form with bad input shows the problem next to the field and changes nothing', async () => {
    await as('namdinh.officer', async (page) => {
      const before = await count('nominations');
      await page.goto('/app/nominations/new');
      await page.getByLabel('Hình thức khen thưởng').selectOption('GOVERNMENT_FLAG');
      await page.getByLabel('Năm').fill('1999');
      await page.getByLabel('Tập thể / đơn vị công tác').selectOption({ label: 'Nam Định' });
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/app/nominations') && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Tạo hồ sơ' }).click(),
      ]);
      expect(answer.status()).toBe(400);
      expect(await page.locator('#err-summary').textContent()).toBe('Bắt buộc nhập.');
      expect(await page.locator('#f-summary').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#err-year').textContent()).toBe('Nhỏ hơn giá trị cho phép.');
      // What was typed stays in the form.
      expect(await page.getByLabel('Hình thức khen thưởng').inputValue()).toBe('GOVERNMENT_FLAG');
      await screenshot(page, '09-form-errors');
      expect(await count('nominations')).toBe(before);

      // A refusal of the service lands next to its field too: a reason is required to withdraw.
      await page.goto(`/app/nominations/${namDinhNomination}`);
      const historyBefore = await count('workflow_history');
      await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
      expect(await page.locator('#err-WITHDRAW-reason').isVisible()).toBe(true);
      expect(await page.locator('main > p .state').first().textContent()).toBe('Chờ duyệt');
      expect(await count('workflow_history')).toBe(historyBefore);

      // A file that is not a document is refused next to the file input; the dossier is unchanged.
      const documentsBefore = await count('nomination_documents');
      await page.goto(
        `/app/nominations/${await createNomination(officer, { award: 'PM_CERTIFICATE', nomineeOrg: PROVINCES.namdinh })}`,
      );
      await page.getByLabel(/^Tệp/).setInputFiles({
        name: 'proposal.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<html><script>alert(1)</script></html>'),
      });
      await page.getByRole('button', { name: 'Tải lên' }).click();
      expect(await page.locator('#err-file').textContent()).toContain('PDF, DOC, DOCX, XLS, XLSX, JPEG, PNG');
      expect(await count('nomination_documents')).toBe(documentsBefore);
    });
  });

  it("a user cannot reach another province's pages: 404, and nothing of it in the list", async () => {
    await as('bacninh.officer', async (page) => {
      const response = await page.goto(`/app/nominations/${namDinhNomination}`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Không tìm thấy');
      expect(await page.content()).not.toContain('Nam Định – Cờ thi đua');
      const [document] = (await t.dataSource.query(
        `SELECT id FROM nomination_documents WHERE nomination_id = $1 LIMIT 1`,
        [namDinhNomination],
      )) as { id: string }[];
      const download = await page.request.get(`/nominations/${namDinhNomination}/documents/${document.id}`);
      expect(download.status()).toBe(404);
      await page.goto('/app/nominations');
      expect(await page.locator(`a[href="/app/nominations/${namDinhNomination}"]`).count()).toBe(0);
      // An address that names nothing is a page too.
      const unknown = await page.goto('/app/no-such-page');
      expect(unknown?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Không tìm thấy');
      // Administration is not for a province.
      expect((await page.goto('/app/admin/users'))?.status()).toBe(403);
      expect((await page.goto('/app/dashboard'))?.status()).toBe(403);
    });
  });

  it('every POST needs the CSRF token: without it or with a wrong one, 403 and nothing changes', async () => {
    await as('namdinh.officer', async (page) => {
      await page.goto('/app/nominations/new');
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      const form = {
        awardType: 'NATIONAL_EMULATION_FIGHTER',
        year: '2023',
        'nominee.kind': 'individual',
        'nominee.organizationId': (await page
          .getByLabel('Tập thể / đơn vị công tác')
          .locator('option')
          .nth(1)
          .getAttribute('value'))!,
        'nominee.fullName': 'Trần Thị Hoa',
        'nominee.gender': 'female',
        'nominee.position': 'Giám đốc Sở',
        summary: 'Chiến sĩ thi đua toàn quốc <img src=x onerror="document.title=1"> & "quotes"',
      };
      const before = await count('nominations');
      const missing = await page.request.post('/app/nominations', { form, maxRedirects: 0 });
      expect(missing.status()).toBe(403);
      expect(await missing.text()).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ');
      const wrong = await page.request.post('/app/nominations', {
        form: { ...form, _csrf: `${token}x` },
        maxRedirects: 0,
      });
      expect(wrong.status()).toBe(403);
      const events = await page.request.post(`/app/nominations/${namDinhNomination}/events`, {
        form: { type: 'WITHDRAW', 'WITHDRAW.reason': 'forged' },
        maxRedirects: 0,
      });
      expect(events.status()).toBe(403);
      const upload = await page.request.post(`/app/nominations/${namDinhNomination}/documents`, {
        multipart: {
          kind: 'other',
          file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
        },
        maxRedirects: 0,
      });
      expect(upload.status()).toBe(403);
      expect(await count('nominations')).toBe(before);
      // The same request with the page's token goes through.
      const ok = await page.request.post('/app/nominations', {
        form: { ...form, _csrf: token },
        maxRedirects: 0,
      });
      expect(ok.status()).toBe(303);
      expect(await count('nominations')).toBe(before + 1);
      // What people typed is shown as text, never as markup.
      await page.goto(ok.headers().location);
      expect(await page.locator('main').textContent()).toContain(
        '<img src=x onerror="document.title=1"> & "quotes"',
      );
      expect(await page.locator('main img').count()).toBe(0);
      // The session cookie is httpOnly and SameSite=Lax; the API still wants a bearer token.
      const cookie = (await page.context().cookies()).find((c) => c.name === 'thidua_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      const api = await page.request.get('/nominations');
      expect(api.status()).toBe(401);
      expect((await api.json()).error.code).toBe('AUTH.UNAUTHENTICATED');
      // Signing out needs the token as well.
      expect((await page.request.post('/app/logout', { form: {}, maxRedirects: 0 })).status()).toBe(403);
    });
  });

  it('the inbox updates live from the server-sent events, and the language switches to English', async () => {
    await as('namdinh.officer', async (page) => {
      await page.goto('/app');
      const badge = page.locator('[data-unread-count]');
      const before = Number((await badge.textContent()) || '0');
      await step(leader, namDinhNomination, 'RETURN', { reason: 'Thiếu báo cáo thành tích có xác nhận' });
      await eventually(async () => {
        expect(Number((await badge.textContent()) || '0')).toBeGreaterThan(before);
      }, 20_000);
      await eventually(async () => {
        expect(await page.locator('#inbox').textContent()).toContain('Nam Định');
      }, 10_000);
      await screenshot(page, '10-home-live-inbox');
      await page.getByRole('link', { name: 'English' }).click();
      expect(await page.locator('h1').textContent()).toBe('My work');
      await page.getByRole('link', { name: 'Tiếng Việt' }).click();
      expect(await page.locator('h1').textContent()).toBe('Việc của tôi');
    });
  });

  it('shows the other main pages: nominations, the cluster year, the dashboard and administration', async () => {
    await as('thaibinh.leader', async (page) => {
      await page.goto('/app/nominations?awardType=GOVERNMENT_FLAG');
      expect(await page.locator('tbody tr').count()).toBe(1);
      await screenshot(page, '11-nominations');
      const bad = await page.goto('/app/nominations?year=abc');
      expect(bad?.status()).toBe(400);
      expect(await page.locator('#err-year').isVisible()).toBe(true);

      await page.goto(`/app/clusters/${CLUSTER}/years/2023`);
      await page.getByLabel('Tiêu đề').fill('Giao ước thi đua năm 2023');
      for (const [i, [code, name, weight]] of [
        ['GROWTH', 'Tăng trưởng kinh tế', '60'],
        ['INCOME', 'Thu nhập bình quân', '40'],
      ].entries()) {
        await page.locator(`[name="criteria.${i}.code"]`).fill(code);
        await page.locator(`[name="criteria.${i}.name"]`).fill(name);
        await page.locator(`[name="criteria.${i}.weight"]`).fill(weight);
        await page.locator(`[name="criteria.${i}.maxScore"]`).fill('100');
      }
      await page.getByRole('button', { name: 'Đề xuất giao ước' }).click();
      await page.getByRole('button', { name: 'Ký giao ước' }).click();
      expect(await page.locator('[data-signed]').textContent()).toBe('1/9');
    });
    await as('board', async (page) => {
      await page.goto('/app/dashboard?year=2023');
      const summary = await page.locator('[data-summary] tbody').textContent();
      expect(summary).toContain('Cờ thi đua của Chính phủ');
      expect(summary).toContain('Bằng khen của Thủ tướng Chính phủ');
      await screenshot(page, '13-dashboard');
    });
    await as('admin', async (page) => {
      await page.goto('/app/admin/organizations');
      const before = await count('organizations');
      await page.locator('#f-code').fill('bad code');
      await page.getByLabel('Tên tiếng Việt').fill('Hà Nội');
      await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
      expect(await page.locator('#err-code').textContent()).toBe('Sai định dạng.');
      expect(await count('organizations')).toBe(before);
      await screenshot(page, '14-admin-organizations');
      await page.goto('/app/admin/users');
      await page.getByLabel('Thư điện tử').fill('hanoi.officer@test.thidua.vn');
      await page.getByLabel('Họ và tên').fill('Cán bộ thi đua Hà Nội');
      await page.getByLabel('Vai trò').selectOption('NOMINATOR');
      await page.locator('#f-organizationId').selectOption({ label: 'Nam Định' });
      await page.getByRole('button', { name: 'Tạo người dùng' }).click();
      expect(await page.locator('[data-password]').textContent()).toMatch(/^\S{16}$/);
      await screenshot(page, '15-admin-users');
      await page.goto(`/app/admin/clusters/${CLUSTER}/years/2024`);
      await screenshot(page, '16-admin-cluster');
      await page.goto('/app/admin/awards/GOVERNMENT_FLAG');
      await page.getByLabel('Tỷ lệ phiếu đồng ý cần đạt (%)').fill('150');
      await page.getByLabel('Ngày có hiệu lực').fill('2027-01-01');
      await page.getByLabel(/^Căn cứ/).fill('Thử nghiệm');
      await page.getByRole('button', { name: 'Thêm phiên bản chính sách' }).click();
      expect(await page.locator('#err-rules-vote-approvalShare').textContent()).toBe(
        'Lớn hơn giá trị cho phép.',
      );
      await screenshot(page, '17-admin-award');
    });
  });

  it("the cluster's year: every member signs, a member reports its scores, the leader confirms, the ranking", async () => {
    for (const slug of Object.keys(PROVINCES).filter((p) => p !== 'thaibinh') as (keyof typeof PROVINCES)[]) {
      const approver = await person(t, `${slug}.approver`, 'PROVINCE_APPROVER', PROVINCES[slug]);
      expect((await approver.post(`/clusters/${CLUSTER}/years/2023/agreement/signatures`)).status).toBe(201);
    }
    await as('namdinh.officer', async (page) => {
      await page.goto(`/app/clusters/${CLUSTER}/years/2023`);
      expect(await page.locator('[data-signed]').textContent()).toBe('9/9');
      await page.getByLabel(/^Tăng trưởng kinh tế/).fill('150');
      await page.getByLabel(/^Thu nhập bình quân/).fill('80');
      await page.getByRole('button', { name: 'Gửi kết quả' }).click();
      expect(await page.locator('#err-score-GROWTH').textContent()).toContain('0–100');
      expect(await count('cluster_evaluations')).toBe(0);
      await page.getByLabel(/^Tăng trưởng kinh tế/).fill('95');
      await page.getByRole('button', { name: 'Gửi kết quả' }).click();
      expect(await count('cluster_evaluations')).toBe(1);
    });
    await as('thaibinh.leader', async (page) => {
      await page.goto(`/app/clusters/${CLUSTER}/years/2023`);
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      expect(await page.locator('.ranking li').first().textContent()).toContain('Nam Định – 89,00');
      await screenshot(page, '12-cluster-year');
    });
  });
});
