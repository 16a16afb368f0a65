import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, DEMO_ADMIN, DEMO_PASSWORD, launchBrowser, type RunningServer, screenshotOnFailure, seriousA11yViolations, startServer } from './harness';

/**
 * The platform foundation, as a user meets it: the language switch (Urdu mirrors the layout), the demo
 * sign-in, home per role, profile, and the audit trail of the change just made; axe on each page.
 */
describe('foundation journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const newName = `Demo Admin ${Date.now().toString(36)}`;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
  });

  afterEach((ctx) => screenshotOnFailure(page, ctx));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const html = () => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  const waitForLanguage = (lang: string, dir: 'ltr' | 'rtl') =>
    page.waitForFunction(([l, d]) => document.documentElement.lang === l && document.documentElement.dir === d, [lang, dir]);
  const switchLanguage = async (name: string, lang: string, dir: 'ltr' | 'rtl') => {
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name }).click();
    await waitForLanguage(lang, dir);
  };
  const expectAccessible = async (label: string) => {
    expect(await seriousA11yViolations(page, label), `axe on ${label}`).toEqual([]);
  };

  it('switches the anonymous interface to Urdu, right to left', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await html()).toEqual({ lang: 'en', dir: 'ltr' });
    await switchLanguage('اردو', 'ur', 'rtl');
    expect(await page.getByTestId('app-name').textContent()).toBe('سیڈبیڈ');
    // Mantine mirrors too: the header's language menu sits at the left edge in RTL.
    const box = await page.getByTestId('language-switch').boundingBox();
    expect(box && box.x < 640).toBe(true);
  });

  it('shows the demo accounts and password on the sign-in page (in Urdu)', async () => {
    await page.goto(`${server.url}/sign-in`);
    const banner = page.getByTestId('demo-banner');
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain(DEMO_ADMIN);
    expect(text).toContain(DEMO_PASSWORD);
    expect(text).toContain('منتظم (ایڈمن)');
    expect((await html()).dir).toBe('rtl');
    await expectAccessible('sign-in (ur)');
  });

  it('signs the demo admin in and adopts their saved language', async () => {
    await page.locator('input[name=email]').fill(DEMO_ADMIN);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`${server.url}/`);
    await waitForLanguage('en', 'ltr');
    await page.getByRole('heading', { level: 1, name: /^Welcome,/ }).waitFor();
    expect(await page.getByTestId('welcome-roles').textContent()).toContain('Administrator');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const link of ['Profile', 'API tokens', 'Notifications', 'Users', 'Audit log', 'Background jobs', 'E-mail outbox']) {
      await nav.getByRole('link', { name: link }).waitFor();
    }
    await expectAccessible('home (en)');
  });

  it('shows home in Urdu, naming the role in Urdu', async () => {
    await switchLanguage('اردو', 'ur', 'rtl');
    await page.getByRole('heading', { level: 1, name: /خوش آمدید/ }).waitFor();
    expect(await page.getByTestId('welcome-roles').textContent()).toContain('منتظم (ایڈمن)');
    await expectAccessible('home (ur)');
  });

  it('shows Chinese in the header in zh, and remembers the choice on the account', async () => {
    await switchLanguage('简体中文', 'zh-Hans', 'ltr');
    const header = page.locator('header');
    expect(await header.getByTestId('app-name').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '个人资料' }).waitFor();
    // The choice was saved with the account: a fresh load comes back in Chinese.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await waitForLanguage('zh-Hans', 'ltr');
    await page.getByRole('heading', { level: 1, name: /欢迎/ }).waitFor();
    await switchLanguage('English', 'en', 'ltr');
  });

  it('changes the display name on the profile page', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    await page.locator('input[name=displayName]').fill(newName);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('user-menu').getByText(newName).waitFor();
    await expectAccessible('profile (en)');
  });

  it('finds that change in the audit log, with the new name in the after-JSON', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByLabel('Entity type').fill('user');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    const count = Math.min(await rows.count(), 10);
    for (let i = 0; i < count; i++) {
      if (!((await rows.nth(i).textContent()) ?? '').includes('user')) continue;
      await rows.nth(i).getByRole('button', { name: 'Show change' }).click();
    }
    const after = page.getByTestId('audit-after').filter({ hasText: newName });
    await after.first().waitFor({ timeout: 10_000 });
    const change = page.locator('[data-testid^="audit-change-"]').filter({ has: after.first() });
    expect(await change.getByTestId('audit-before').textContent()).not.toContain(newName);
    await expectAccessible('audit log (en)');
  });
});
