import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestApp } from '../../support/app';
import { PASSWORD } from '../../support/people';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');

/**
 * Debian's Chromium, headless; nothing reaches the network but the app. Playwright gives every launch a fresh
 * temporary profile (its own --user-data-dir, which it refuses to take as an argument) and deletes it on close.
 */
export async function launch(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** A browser context (its own cookies) signed in through the sign-in page as this user. */
export async function signIn(
  browser: Browser,
  t: TestApp,
  email: string,
  password = PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: t.url,
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/app/login');
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/app/login')),
    page.getByRole('button', { name: 'Đăng nhập' }).click(),
  ]);
  return { context, page };
}

/** The test users' address for a short name (`namdinh.officer`). */
export const email = (name: string) => `${name}@test.thidua.vn`;

/** Runs `work` on a page signed in as this test user (short name), in a context of its own closed afterwards. */
export async function asUser<T>(
  browser: Browser,
  t: TestApp,
  name: string,
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const { context, page } = await signIn(browser, t, email(name));
  try {
    return await work(page);
  } finally {
    await context.close();
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
