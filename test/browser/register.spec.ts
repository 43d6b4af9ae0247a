import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { IMPORT_COLUMNS } from '../../src/register/register-import.service';
import { startTestApp, type TestApp } from '../support/app';
import { orgId, person, PROVINCES } from '../support/people';
import { createNomination } from '../support/story';
import { launch, screenshot, signIn } from './support/browser';

jest.setTimeout(180_000);

const NAM_DINH = orgId(PROVINCES.namdinh);

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('So khen thuong');
  sheet.addRow(IMPORT_COLUMNS.map(([header]) => header));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const fighter = (name: string, code: string, year: number, decision: string) => [
  'cá nhân',
  PROVINCES.namdinh,
  name,
  'nữ',
  '1980-01-01',
  'Trưởng phòng',
  code,
  year,
  'Chủ tịch UBND tỉnh Nam Định',
  decision,
  `${year + 1}-01-10`,
];

describe("the unit's register page and the eligibility panel", () => {
  let t: TestApp;
  let chromium: Awaited<ReturnType<typeof launch>>;
  let browser: Browser;
  let nomination: string;

  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    chromium = await launch();
    browser = chromium.browser;
    const officer = await person(t, 'namdinh.officer', 'NOMINATOR', PROVINCES.namdinh);
    await person(t, 'hungyen.officer', 'NOMINATOR', PROVINCES.hungyen);
    const form = new FormData();
    form.append(
      'file',
      new Blob([
        new Uint8Array(
          await workbook([
            fighter('Vũ Thị Hạnh', 'PROVINCIAL_EMULATION_FIGHTER', 2023, '11/QĐ-UBND'),
            fighter('Vũ Thị Hạnh', 'PROVINCIAL_EMULATION_FIGHTER', 2024, '12/QĐ-UBND'),
            fighter('Vũ Thị Hạnh', 'INITIATIVE_NATIONAL', 2024, '13/QĐ-UBND'),
            fighter('Ngô Văn Tùng', 'PROVINCIAL_EMULATION_FIGHTER', 2024, '14/QĐ-UBND'),
          ]),
        ),
      ]),
      'so.xlsx',
    );
    const imported = await officer.request('POST', '/register/import', form);
    expect(imported.status).toBe(200);
    nomination = await createNomination(officer, {
      award: 'NATIONAL_EMULATION_FIGHTER',
      nomineeOrg: PROVINCES.namdinh,
      cluster: false,
      year: 2024,
      nominee: {
        kind: 'individual',
        organizationId: NAM_DINH,
        fullName: 'Ngô Văn Tùng',
        gender: 'male',
        position: 'Chuyên viên',
      },
    });
    for (const kind of ['proposal', 'achievementReport'])
      expect((await officer.upload(nomination, kind, Buffer.from('%PDF-1.4 x'))).status).toBe(201);
  });
  afterAll(async () => {
    await chromium?.close();
    await t?.close();
  });

  it("shows the unit's register and who is eligible to be proposed; another province does not see it", async () => {
    const { context, page } = await signIn(browser, t, 'namdinh.officer@test.thidua.vn');
    try {
      await page.goto('/app');
      await page.getByRole('link', { name: 'Sổ khen thưởng' }).click();
      await page.waitForURL('**/app/register');
      await page.getByLabel('Năm').fill('2024');
      await page.getByRole('button', { name: 'Xem' }).click();
      await page.waitForURL((url) => url.search.includes('year=2024'));
      const register = page.locator('table.register tbody tr');
      expect(await register.count()).toBe(4);
      expect(await page.locator('table.register').textContent()).toContain('12/QĐ-UBND');
      const eligible = page.locator('section', { has: page.locator('#eligible-title') });
      expect(await page.locator('#eligible-title').textContent()).toContain('Đủ điều kiện đề nghị');
      const text = await eligible.textContent();
      expect(text).toContain('Vũ Thị Hạnh');
      expect(text).toContain('Chiến sĩ thi đua toàn quốc');
      expect(text).not.toContain('Ngô Văn Tùng');
      const template = await page.request.get('/register/import-template.xlsx');
      expect(template.status()).toBe(200);
      await screenshot(page, 'register-namdinh-2024');
    } finally {
      await context.close();
    }
    const other = await signIn(browser, t, 'hungyen.officer@test.thidua.vn');
    try {
      const res = await other.page.goto(`/app/register?organizationId=${NAM_DINH}`);
      expect(res?.status()).toBe(404);
    } finally {
      await other.context.close();
    }
  });

  it('shows on a nomination each criterion of the standard, met or not, with its evidence', async () => {
    const { context, page } = await signIn(browser, t, 'namdinh.officer@test.thidua.vn');
    try {
      await page.goto(`/app/nominations/${nomination}`);
      const panel = page.locator('section.eligibility');
      expect(await panel.locator('h2').textContent()).toBe('Đối chiếu tiêu chuẩn');
      const criteria = panel.locator('li');
      expect(await criteria.count()).toBe(2);
      expect(await criteria.nth(0).textContent()).toContain('Chưa đạt');
      expect(await criteria.nth(0).textContent()).toContain('14/QĐ-UBND');
      expect(await panel.getByRole('alert').textContent()).toContain('không gửi được hồ sơ');
      await screenshot(page, 'nomination-eligibility');
      // Submitting is refused, in Vietnamese, and the nomination stays a draft.
      await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
      await page.waitForLoadState();
      expect(await page.getByText('chưa đạt tiêu chí bắt buộc').count()).toBeGreaterThan(0);
      const [row] = await t.dataSource.query(`SELECT state FROM nominations WHERE id = $1`, [nomination]);
      expect(row.state).toBe('draft');
      await page.goto(`/app/nominations/${nomination}`);
      await page
        .getByRole('button', { name: 'English' })
        .or(page.getByRole('link', { name: 'English' }))
        .first()
        .click();
      await page.waitForLoadState();
      expect(await page.locator('section.eligibility h2').textContent()).toBe('Standard check');
    } finally {
      await context.close();
    }
  });
});
