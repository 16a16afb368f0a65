import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, DEMO_PASSWORD, launchBrowser, type RunningServer, screenshotOnFailure, seriousA11yViolations, startServer } from './harness';
import { ensureRegistry } from './registry-fixtures';

/**
 * The registry as its users meet it. A visitor finds Zhongguancun by its Chinese name, opens it, sees its
 * incubators on the map (drawn and listed), and reads it in Urdu with every name kept in its own script.
 * A zone manager imports enterprises from an XLSX file: the dry run names the two bad cells, the fixed
 * file checks clean, the import writes, and the new enterprises are in the list. Axe on each page.
 */
describe('registry journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let work: string;
  const suffix = Date.now().toString(36);
  const ZGC = { en: 'Zhongguancun Science Park', zh: '中关村科技园区', ur: 'ژونگ گوان سون سائنس پارک' };

  beforeAll(async () => {
    server = await startServer();
    // The reference data set when the server loads it; otherwise a small registry of the same shape.
    const data = await ensureRegistry(server.url);
    console.log(`[e2e] registry data: ${data}`);
    browser = await launchBrowser();
    page = browser.page;
    work = mkdtempSync(path.join(tmpdir(), 'seedbed-e2e-import-'));
  });

  afterEach((ctx) => screenshotOnFailure(page, ctx));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const expectAccessible = async (label: string) => {
    expect(await seriousA11yViolations(page, label), `axe on ${label}`).toEqual([]);
  };
  const switchLanguage = async (name: string, lang: string, dir: 'ltr' | 'rtl') => {
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name }).click();
    await page.waitForFunction(([l, d]) => document.documentElement.lang === l && document.documentElement.dir === d, [lang, dir]);
  };
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

  it('lets a visitor find Zhongguancun by its Chinese name, first among the results', async () => {
    // The zone's full Chinese name: "中关村" alone names a dozen records (the committee, member parks, …).
    await page.goto(`${server.url}/`);
    await page.getByTestId('public-destinations').getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.getByTestId('directory-search').fill(ZGC.zh);
    await page.getByTestId('directory-search').press('Enter');
    await page.waitForURL(/\/directory\/search\?q=/);
    const hits = page.getByTestId('search-hit');
    await hits.first().waitFor();
    expect(await hits.first().getByRole('link').first().textContent()).toBe(ZGC.en);
    // The parts of each name that matched are marked.
    const marked = await hits.first().locator('[lang="zh-Hans"] mark').allTextContents();
    expect(marked.join('')).toContain('中关村');
    expect(await hits.first().locator('[lang="zh-Hans"]').first().textContent()).toBe(ZGC.zh);
    await expectAccessible('search results (en)');
  });

  it('finds it by pinyin too, from the search box in the header', async () => {
    await page.getByTestId('header-search').fill('zhongguancun');
    await page.getByTestId('header-search').press('Enter');
    await page.waitForURL(/\/directory\/search\?q=zhongguancun/);
    await page.getByRole('heading', { level: 1, name: 'Search: zhongguancun' }).waitFor();
    await page.getByTestId('search-hit').getByRole('link', { name: ZGC.en, exact: true }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: `Search: ${ZGC.zh}` }).waitFor();
  });

  it('opens the zone: names in three scripts, facts with sources, incubators on the map and in its table', async () => {
    await page.getByTestId('search-hit').first().getByRole('link', { name: ZGC.en }).click();
    await page.getByRole('heading', { level: 1, name: ZGC.en }).waitFor();
    expect(await page.getByTestId('name-zh').locator('[lang="zh-Hans"]').textContent()).toBe(ZGC.zh);
    expect(await page.getByTestId('name-ur').locator('[lang="ur"][dir="rtl"]').textContent()).toBe(ZGC.ur);
    expect(await page.getByTestId('record-source').textContent()).toMatch(/seeds\/\d{3}_[0-9a-f]{16}\.txt/);
    // No edit button for a visitor.
    expect(await page.getByTestId('edit-entity').count()).toBe(0);

    const map = page.getByTestId('zone-map');
    const svg = map.locator('svg[role="img"]');
    await svg.waitFor();
    expect(await svg.getAttribute('aria-label')).toContain(ZGC.en);
    const incubatorPoints = svg.locator('[data-testid="map-point"][data-point-type="incubator"]');
    await incubatorPoints.first().waitFor();
    const drawn = await incubatorPoints.count();
    expect(drawn).toBeGreaterThan(0);
    // The same incubators, listed for screen readers, each a link to its page.
    const listed = map.getByTestId('map-point-table').locator('tbody tr[data-point-type="incubator"]');
    expect(await listed.count()).toBe(drawn);
    expect(await listed.first().getByRole('link').getAttribute('href')).toMatch(/^\/directory\/incubators\/[0-9a-f-]{36}$/);
    // Pointing at a mark names it.
    await incubatorPoints.first().hover();
    await map.getByTestId('map-tooltip').waitFor();
    expect((await map.getByTestId('map-tooltip').textContent())?.length).toBeGreaterThan(0);
    await expectAccessible('zone page (en)');
  });

  it('reads the zone in Urdu, right to left, with every name still in its own script', async () => {
    await switchLanguage('اردو', 'ur', 'rtl');
    await page.getByRole('heading', { level: 1, name: ZGC.ur }).waitFor();
    expect(await page.getByTestId('entity-title').locator('[lang="ur"]').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('name-en').locator('[lang="en"]').textContent()).toBe(ZGC.en);
    expect(await page.getByTestId('name-zh').locator('[lang="zh-Hans"]').textContent()).toBe(ZGC.zh);
    // The interface is Urdu (the section headings), the layout mirrored: the navbar sits on the right.
    await page.getByRole('heading', { level: 2, name: 'نام', exact: true }).waitFor();
    const navbar = await page.getByRole('navigation', { name: 'مرکزی نیویگیشن' }).boundingBox();
    expect(navbar && navbar.x > 640).toBe(true);
    await page.getByTestId('zone-map').locator('[data-testid="map-point"]').first().waitFor();
    await expectAccessible('zone page (ur)');
  });

  it('shows the map of zones and incubators, with its legend and its table of points', async () => {
    await nav('نقشہ').click();
    await page.getByRole('heading', { level: 1, name: 'زونز اور انکیوبیٹرز کا نقشہ' }).waitFor();
    const points = page.locator('svg[role="img"] [data-testid="map-point"]');
    await points.first().waitFor();
    expect(await page.locator('svg[role="img"] [data-point-type="zone"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('map-point-table').locator('tbody tr').count()).toBe(await points.count());
    await page.getByTestId('map-legend').waitFor();
    await expectAccessible('map (ur)');
    await switchLanguage('English', 'en', 'ltr');
  });

  it('signs a zone manager in, who reaches the import page and downloads the template', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.locator('input[name=email]').fill('zone-manager@demo.seedbed.local');
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.getByRole('heading', { level: 1, name: /^Welcome,/ }).waitFor();
    await nav('Import').click();
    await page.getByRole('heading', { level: 1, name: 'Import records' }).waitFor();
    expect(await page.getByTestId('import-type').inputValue()).toBe('enterprise');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-xlsx').click()]);
    const template = path.join(work, 'template.xlsx');
    await download.saveAs(template);
    header = await readHeader(template);
    expect(header).toEqual(expect.arrayContaining(['key', 'name_en', 'country', 'employees', 'host_zone']));
    expect(await page.getByTestId('commit-import').isDisabled()).toBe(true);
    await expectAccessible('import (en)');
  });

  let header: string[] = [];
  const rows = (bad: boolean) => [
    {
      key: `ent:e2e-a-${suffix}`,
      name_en: `E2E Robotics ${suffix}`,
      name_zh: '端到端机器人',
      country: 'CN',
      province: '110000',
      sector: 'advanced_manufacturing',
      employees: '40',
      host_zone: 'zone:zhongguancun',
    },
    {
      key: `ent:e2e-b-${suffix}`,
      name_en: `E2E Biotech ${suffix}`,
      country: 'CN',
      sector: 'biomedicine',
      employees: bad ? 'twelve' : '12',
      host_zone: 'zone:zhongguancun',
    },
    {
      key: `ent:e2e-c-${suffix}`,
      name_en: `E2E Materials ${suffix}`,
      country: 'CN',
      sector: 'new_materials',
      employees: '7',
      host_zone: bad ? 'zone:no-such-zone' : 'zone:zhongguancun',
    },
  ];
  const writeFile = async (name: string, bad: boolean) => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('enterprises');
    sheet.addRow(header);
    for (const r of rows(bad)) sheet.addRow(header.map((h) => (r as Record<string, string>)[h] ?? ''));
    const file = path.join(work, name);
    await book.xlsx.writeFile(file);
    return file;
  };

  it('lists the two bad cells of the file, by row and column, and writes nothing', async () => {
    await page.locator('input[type=file]').setInputFiles(await writeFile('enterprises-bad.xlsx', true));
    await page.getByTestId('dry-run-problems').waitFor();
    const errors = page.getByTestId('import-error');
    expect(await errors.count()).toBe(2);
    const cells = async (i: number) => [
      await errors.nth(i).getByTestId('import-error-row').textContent(),
      await errors.nth(i).getByTestId('import-error-column').textContent(),
    ];
    expect(await cells(0)).toEqual(['3', 'employees']);
    expect(await cells(1)).toEqual(['4', 'host_zone']);
    expect(await errors.nth(0).textContent()).toContain('twelve');
    expect(await errors.nth(1).textContent()).toContain('zone:no-such-zone');
    expect(await page.getByTestId('commit-import').isDisabled()).toBe(true);
    await expectAccessible('import with errors (en)');
    const res = await fetch(`${server.url}/api/v1/enterprises?q=${encodeURIComponent(suffix)}`);
    expect(((await res.json()) as { total: number }).total).toBe(0);
  });

  it('checks the fixed file clean, imports it, and shows the new enterprises in the list', async () => {
    await page.locator('input[type=file]').setInputFiles(await writeFile('enterprises-fixed.xlsx', false));
    await page.getByTestId('dry-run-clean').waitFor();
    const commit = page.getByTestId('commit-import');
    await page.waitForFunction(() => !(document.querySelector('[data-testid="commit-import"]') as HTMLButtonElement | null)?.disabled);
    await commit.click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain('3 records created');
    await page.getByTestId('import-done').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Enterprises' }).waitFor();
    await page.getByLabel('Filter by name').fill(suffix);
    const list = page.getByTestId('entity-row');
    await page.waitForFunction((s) => {
      const rows = [...document.querySelectorAll('[data-testid="entity-row"]')];
      return rows.length === 3 && rows.every((r) => r.textContent?.includes(s));
    }, suffix);
    expect(await list.count()).toBe(3);
    await expectAccessible('enterprises list (en)');
  });
});

async function readHeader(file: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const values = book.worksheets[0].getRow(1).values as unknown[];
  return values.filter((v): v is string => typeof v === 'string');
}
