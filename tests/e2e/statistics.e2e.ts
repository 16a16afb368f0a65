import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, DEMO_PASSWORD, launchBrowser, type RunningServer, screenshotOnFailure, seriousA11yViolations, startServer } from './harness';
import { type ApiClient, signInApi } from './registry-fixtures';

/**
 * The statistics journey of issue 5, in Chromium, on the demo data (reference data, six synthetic years and
 * the example M&E framework): an enterprise files its annual survey, hits a validation error (R&D above
 * operating revenue), fixes it and submits; the zone approves; the analyst opens the yearbook of the open
 * year, sees the new figure and exports XLSX; the M&E page shows a goal off track; the yearbook in Urdu reads
 * right to left; a visitor reads a published year but not the open one.
 */
describe('statistics: survey → approval → yearbook → M&E', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  const suffix = Date.now().toString(36);
  const enterpriseName = `Jinan Photonics ${suffix}`;
  const revenue = 987_654;

  beforeAll(async () => {
    server = await startServer(180_000);
    admin = await signInApi(server.url);
    const zones = (await admin.call('GET', `/api/v1/search?q=${encodeURIComponent('Jinan')}&type=zone`)) as { items: { id: string; names: { en: string } }[] };
    const jinan = zones.items.find((z) => /Jinan/.test(z.names.en));
    expect(jinan).toBeTruthy();
    await admin.call('POST', '/api/v1/enterprises', {
      names: { en: enterpriseName, zh: `济南光电 ${suffix}` },
      country: 'CN',
      province: '370000',
      hostZoneId: jinan!.id,
      sector: 'electronic_information',
    });
    browser = await launchBrowser();
    page = browser.page;
  }, 240_000);
  afterEach((ctx) => screenshotOnFailure(page, ctx));
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = async (email: string) => {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/sign-in`);
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.getByRole('heading', { level: 1, name: /^Welcome,|欢迎|خوش آمدید/ }).waitFor();
  };
  const field = (code: string) => page.getByTestId(`survey-field-${code}`);
  let submissionUrl = '';

  it('lets an enterprise file its survey, hit a validation error, fix it and submit', async () => {
    await signIn('enterprise-member@demo.seedbed.local');
    await page.goto(`${server.url}/statistics/survey`);
    await page.getByTestId('survey-search').fill(enterpriseName);
    const filing = page.getByTestId('survey-filing').filter({ hasText: enterpriseName }).filter({ hasText: '2025' }).first();
    await filing.getByTestId('survey-start').click();
    await page.waitForURL(/\/statistics\/survey\/[0-9a-f-]{36}$/);
    submissionUrl = page.url();
    await field('employees').fill('240');
    await field('employees_degree').fill('150');
    await field('st_personnel').fill('60');
    await field('operating_revenue').fill(String(revenue));
    await field('rd_expenditure').fill('1200000');
    await field('rd_expenditure').blur();
    const finding = page.getByTestId('survey-finding').filter({ hasText: /R&D/ }).first();
    await finding.waitFor();
    expect(await finding.getAttribute('data-severity')).toBe('error');
    expect(await finding.textContent()).toMatch(/1,200,000/);
    // Submission is refused while an error remains.
    await expect.poll(() => page.getByTestId('survey-submit').isDisabled(), { timeout: 10_000 }).toBe(true);
    await field('rd_expenditure').fill('61000');
    await field('rd_expenditure').blur();
    await expect.poll(() => page.getByTestId('survey-finding').filter({ hasText: /R&D/ }).count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId('survey-save').click();
    await expect.poll(() => page.getByTestId('survey-submit').isEnabled(), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('survey-submit').click();
    const explanation = page.getByTestId('survey-explanation');
    if (await explanation.isVisible().catch(() => false)) {
      await explanation.fill('New product line launched this year.');
      await page
        .getByRole('button', { name: /Submit/ })
        .last()
        .click();
    }
    await page.getByTestId('survey-chain').waitFor();
    await expect.poll(() => page.getByTestId('survey-readonly').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page, 'survey form')).toEqual([]);
  });

  it('lets the zone approve the return from its inbox', async () => {
    await signIn('zone-manager@demo.seedbed.local');
    await page.goto(`${server.url}/statistics/review`);
    const row = page.getByTestId('review-row').filter({ hasText: enterpriseName });
    await row.getByTestId('review-open').click();
    await page.waitForURL(submissionUrl);
    await page.getByTestId('review-approve').click();
    await expect.poll(() => page.getByTestId('review-approve').count(), { timeout: 10_000 }).toBe(0);
  });

  it('shows the analyst the new figure in the yearbook of the open year, and exports it as XLSX', async () => {
    await signIn('ministry-analyst@demo.seedbed.local');
    await page.goto(`${server.url}/statistics/yearbook/zones?year=2025`);
    const table = page.getByTestId('yearbook-table');
    const jinanRow = table.getByTestId('yearbook-row').filter({ hasText: /Jinan/ });
    await jinanRow.waitFor();
    expect(await jinanRow.textContent()).toMatch(/987,654/);
    await page.getByTestId('yearbook-unpublished').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('yearbook-export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as never);
    const cells = wb.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v) => v !== undefined && v !== null);
    expect(cells).toContain(revenue);
    expect(await seriousA11yViolations(page, 'yearbook table')).toEqual([]);
  });

  it('shows a goal of the example policy framework off track', async () => {
    await page.goto(`${server.url}/statistics/me`);
    await page.getByRole('link', { name: /STI/ }).first().click();
    await page.getByTestId('me-example-banner').waitFor();
    await expect.poll(() => page.locator('[data-testid^="me-goal-status-"][data-status="off_track"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('me-report-pdf').click()]);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('reads right to left in Urdu, and a visitor sees published years only', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'اردو' }).click();
    await page.goto(`${server.url}/statistics/yearbook/zones?year=2024`);
    await page.getByTestId('yearbook-table').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await browser.context.clearCookies();
    const open = await fetch(`${server.url}/api/v1/statistics/yearbook/zones?year=2025`);
    expect(open.status).toBe(404);
    const published = await fetch(`${server.url}/api/v1/statistics/yearbook/zones?year=2024`);
    expect(published.status).toBe(200);
    expect((await published.json()).synthetic).toBe(true);
  });
});
