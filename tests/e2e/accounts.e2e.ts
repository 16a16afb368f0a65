import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, DEMO_ADMIN, DEMO_PASSWORD, launchBrowser, type RunningServer, screenshotOnFailure, seriousA11yViolations, startServer } from './harness';

/**
 * Accounts end to end: register, forgot password (in Chinese), the admin reading the reset e-mail in the
 * outbox, granting a role, creating a user with a scoped role, an API token shown once and revoked,
 * the reset link, and the notifications the new role and password produced; axe on every page met.
 */
describe('accounts journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const suffix = Date.now().toString(36);
  const founder = { name: 'Test Founder', email: `founder-${suffix}@example.org`, password: 'founder-pass-2026' };
  const newPassword = 'founder-new-pass-2026';
  let resetLink = '';

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

  const expectAccessible = async (label: string) => {
    expect(await seriousA11yViolations(page, label), `axe on ${label}`).toEqual([]);
  };
  const switchLanguage = async (name: string, lang: string) => {
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name }).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  };
  const signIn = async (email: string, password: string) => {
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(password);
    await page.locator('form button[type=submit]').click();
  };
  const signOut = async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
  };
  const nav = () => page.getByRole('navigation', { name: 'Main navigation' });

  it('sends an anonymous visitor of a member page to sign in', async () => {
    await page.goto(`${server.url}/profile`);
    await page.waitForURL(/\/sign-in\?redirect=%2Fprofile/);
  });

  it('registers a new account, signed in as an enterprise, with only personal pages', async () => {
    await page.goto(`${server.url}/register`);
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await expectAccessible('register (en)');
    // The form explains its own rules before the API is asked.
    await page.locator('input[name=password]').fill('short');
    await page.locator('form button[type=submit]').click();
    await page.getByText('The password needs at least 10 characters.').waitFor();
    await page.locator('input[name=displayName]').fill(founder.name);
    await page.locator('input[name=email]').fill(founder.email);
    await page.locator('input[name=password]').fill(founder.password);
    await page.locator('form button[type=submit]').click();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${founder.name}` }).waitFor();
    expect(await page.getByTestId('welcome-roles').textContent()).toBe('Your role: Enterprise.');
    await nav().getByRole('link', { name: 'API tokens' }).waitFor();
    expect(await nav().getByRole('link', { name: 'Users' }).count()).toBe(0);
    await signOut();
  });

  it('shows the API error next to the field (duplicate e-mail)', async () => {
    await page.goto(`${server.url}/register`);
    await page.locator('input[name=displayName]').fill('Someone Else');
    await page.locator('input[name=email]').fill(founder.email);
    await page.locator('input[name=password]').fill(founder.password);
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').filter({ hasText: 'already exists' }).waitFor();
  });

  it('asks for a password reset, in Chinese', async () => {
    await page.goto(`${server.url}/forgot-password`);
    await switchLanguage('简体中文', 'zh-Hans');
    await page.getByRole('heading', { level: 1, name: '重置密码' }).waitFor();
    await expectAccessible('forgot password (zh)');
    await page.locator('input[name=email]').fill(founder.email);
    await page.locator('form button[type=submit]').click();
    await page.getByRole('status').filter({ hasText: '重置密码的链接已经发出' }).waitFor();
  });

  it('lets the admin read the reset e-mail in the outbox', async () => {
    await page.goto(`${server.url}/sign-in`);
    await signIn(DEMO_ADMIN, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /^Welcome,/ }).waitFor();
    await nav().getByRole('link', { name: 'E-mail outbox' }).click();
    const row = page.getByRole('row').filter({ hasText: founder.email });
    await row.waitFor();
    await expectAccessible('outbox (en)');
    await row.getByRole('button', { name: /^Read/ }).click();
    const body = page.getByTestId('mail-body');
    await body.waitFor();
    resetLink = (await body.locator('a').first().getAttribute('href')) ?? '';
    expect(resetLink).toMatch(/\/reset-password\?token=/);
    await expectAccessible('outbox message (en)');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  });

  it('grants the new account a role, and creates a user with a scoped role', async () => {
    await nav().getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Search').fill('founder');
    const row = page.getByRole('row').filter({ hasText: founder.email });
    await row.waitFor();
    await expectAccessible('users (en)');
    await row.getByRole('button', { name: `Roles of ${founder.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Add a role' }).click();
    await dialog.getByLabel('Role', { exact: true }).last().selectOption('mentor');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await row.getByText('Entrepreneur mentor').waitFor();

    await page.getByLabel('Search').fill('');
    await page.getByRole('button', { name: 'Create user' }).click();
    const create = page.getByRole('dialog');
    await create.locator('input[name=displayName]').fill('Zone Lead');
    await create.locator('input[name=email]').fill(`zone-lead-${suffix}@example.org`);
    await create.locator('input[name=password]').fill('zone-lead-pass-2026');
    await create.getByRole('button', { name: 'Add a role' }).click();
    await create.getByLabel('Role', { exact: true }).selectOption('zone_manager');
    await create.getByLabel('Limited to').selectOption('zone');
    await create.getByLabel('Identifier').fill('zhongguancun');
    await expectAccessible('create user dialog (en)');
    await create.getByRole('button', { name: 'Create user' }).click();
    await page.getByLabel('Search').fill('zone-lead');
    await page
      .getByRole('row')
      .filter({ hasText: `zone-lead-${suffix}@example.org` })
      .getByText('zhongguancun')
      .waitFor();
  });

  it('creates an API token, shows it once, and revokes it', async () => {
    await nav().getByRole('link', { name: 'API tokens' }).click();
    await page.locator('input[name=name]').fill('ci-import');
    await page.getByRole('button', { name: 'Create a token' }).click();
    const secret = (await page.getByTestId('new-token').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    const row = page.getByRole('row').filter({ hasText: 'ci-import' });
    await row.getByText('Active').waitFor();
    await expectAccessible('tokens (en)');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.getByTestId('new-token').count()).toBe(0);
    await row.getByRole('button', { name: 'Revoke token ci-import' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
  });

  it('shows the background jobs page', async () => {
    await nav().getByRole('link', { name: 'Background jobs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Background jobs' }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible('jobs (en)');
    await signOut();
  });

  it('sets a new password through the e-mailed link', async () => {
    await page.goto(resetLink);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectAccessible('reset password (en)');
    await page.locator('input[name=password]').fill(newPassword);
    await page.locator('input[name=confirm]').fill(newPassword);
    await page.locator('form button[type=submit]').click();
    await page.getByRole('status').filter({ hasText: 'Your password has been changed' }).waitFor();
  });

  it('signs in with it, sees the new role and the notifications, and marks them read', async () => {
    await page.goto(`${server.url}/sign-in?redirect=%2Fnotifications`);
    await signIn(founder.email, newPassword);
    await page.waitForURL(/\/notifications$/);
    await page.getByRole('link', { name: /^Notifications: [1-9]\d* unread$/ }).waitFor();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByRole('link', { name: 'Notifications: 0 unread' }).waitFor();
    await switchLanguage('اردو', 'ur');
    await page.getByRole('heading', { level: 1, name: 'اطلاعات' }).waitFor();
    await expectAccessible('notifications (ur)');
    await page.getByRole('navigation', { name: 'مرکزی نیویگیشن' }).getByRole('link', { name: 'ہوم' }).click();
    expect(await page.getByTestId('welcome-roles').textContent()).toContain('کاروباری رہنما (مینٹر)');
  });
});
