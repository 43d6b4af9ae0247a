import { startTestApp, type TestApp } from '../support/app';
import { person } from '../support/people';
import { launch, signIn, screenshot } from './support/browser';

jest.setTimeout(120_000);

describe('smoke', () => {
  let t: TestApp;
  let b: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    t = await startTestApp({ queue: 'redis' });
    b = await launch();
    await person(t, 'namdinh.officer', 'NOMINATOR', 'PROVINCE-36');
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });
  it('signs in', async () => {
    const { page } = await signIn(b.browser, t, 'namdinh.officer@test.thidua.vn');
    await screenshot(page, 'smoke-home');
    expect(await page.locator('h1').textContent()).toBe('Việc của tôi');
  });
});
