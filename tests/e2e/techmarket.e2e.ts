import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, DEMO_PASSWORD, launchBrowser, type RunningServer, screenshotOnFailure, seriousA11yViolations, startServer } from './harness';
import { type ApiClient, signInApi } from './registry-fixtures';

const UI = 20_000;
const LISTINGS = '/api/v1/techmarket/listings';
type Created = { id: string };
type KindRow = { key: string; count: number; crossBorderCount: number };
type Stats = { currency: string; rows: KindRow[]; total: KindRow };

/**
 * The technology market journey of issue 6, in Chromium, on the demo data: a transfer agent lists, for Wuhan
 * University of Technology, an offer written in Chinese only (a solar photovoltaic water pump); a Sialkot
 * enterprise posts a need in English (solar water pumping for irrigation); a moderator publishes both; the
 * need's page suggests the Chinese offer and says why (the shared concept in English with its Chinese term,
 * cross-border China–Pakistan); the enterprise expresses interest from the offer's page, the owner accepts
 * with a message the enterprise reads in its thread; the enterprise submits the transfer contract (a patent
 * licence) from the thread, a transfer agent registers it with a certificate number, and the public
 * statistics page counts one more transfer contract, one more cross-border. A visitor reads the offer's
 * summary, not its details; the market and the listing read right to left in Urdu, without serious axe
 * violations.
 */
describe('technology market: Chinese offer → English need → interest → contract → statistics', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  // Digits only, and only on the offer: a token in both texts would be one more shared word between them.
  const suffix = String(Date.now()).slice(-6);
  const enterpriseName = 'Sialkot Agro Solar (Pvt.) Ltd.';
  const offerTitle = `太阳能光伏水泵节水灌溉系统 GS-${suffix}`;
  const offerDetails = `水泵扬程 60 米，日出水量 120 立方米；专利号 ZL2024${suffix}.7。提供工艺包与安装培训。`;
  const needTitle = 'Solar water pumping for irrigation in Sialkot';
  const interestMessage = 'We would like to license your solar water pump for the farms we supply around Sialkot.';
  const acceptMessage = '欢迎！We accept: let us sign a patent licence and train your installers.';
  const signedOn = new Date().toISOString().slice(0, 10);
  const year = Number(signedOn.slice(0, 4));
  let offerId = '';
  let needId = '';
  let interestId = '';
  let before: Stats;

  beforeAll(async () => {
    server = await startServer(180_000);
    admin = await signInApi(server.url);
    // A Pakistani enterprise of the registry in Sialkot (Punjab), in new energy, for this run.
    await admin.call('POST', '/api/v1/enterprises', {
      names: { en: enterpriseName, ur: 'سیالکوٹ ایگرو سولر (پرائیویٹ) لمیٹڈ' },
      country: 'PK',
      province: 'PK-PB',
      city: 'PK-PB-SKT',
      sector: 'new_energy',
    });
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(UI);
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
  /** A Mantine select: open it (typing to search when asked), then click the option. */
  const choose = async (input: Locator, option: string | RegExp, typed?: string) => {
    await input.click();
    if (typed !== undefined) await input.fill(typed);
    await page.getByRole('option', { name: option }).first().click();
  };
  const isPost = (path: RegExp) => (r: Response) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname);
  /** The id of what the page just created, read from the API's answer. */
  const createdBy = async (path: RegExp, act: () => Promise<void>): Promise<string> => {
    const [res] = await Promise.all([page.waitForResponse(isPost(path), { timeout: UI }), act()]);
    expect(res.status(), await res.text()).toBeLessThan(300);
    return ((await res.json()) as Created).id;
  };
  /** A moderator publishes a pending listing from the moderation queue. */
  const publish = async (id: string) => {
    await signIn('ministry-analyst@demo.seedbed.local');
    await page.goto(`${server.url}/market/moderation`);
    const item = page.locator(`[data-testid="moderation-item"][data-listing-id="${id}"]`);
    await item.getByTestId('moderation-publish').click();
    await item.waitFor({ state: 'detached' });
    const listing = (await (await fetch(`${server.url}${LISTINGS}/${id}`)).json()) as { status: string };
    expect(listing.status).toBe('published');
  };
  const statsOf = async () => (await (await fetch(`${server.url}/api/v1/techmarket/stats?by=kind&year=${year}&currency=CNY`)).json()) as Stats;
  const transferRow = (s: Stats) => s.rows.find((r) => r.key === 'transfer') ?? { key: 'transfer', count: 0, crossBorderCount: 0 };

  it('lets a transfer agent list a Chinese university’s offer in Chinese, and a moderator publish it', async () => {
    await signIn('transfer-agent@demo.seedbed.local');
    await page.goto(`${server.url}/market/new`);
    const form = page.getByTestId('listing-form');
    await form.waitFor();
    await choose(page.getByTestId('listing-owner'), /Wuhan University of Technology/, '武汉理工');
    await page.getByTestId('listing-texts-tab-zh').click();
    await page.getByTestId('listing-title-zh').fill(offerTitle);
    await page
      .getByTestId('listing-summary-zh')
      .fill('面向农田灌溉的太阳能光伏水泵系统：无需电网，光伏组件直接驱动水泵抽水，配合滴灌实现节水灌溉，适合日照充足的干旱地区。');
    await page.getByTestId('listing-details-zh').fill(offerDetails);
    await choose(page.getByTestId('listing-sector'), /Solar energy/, 'Solar');
    await choose(page.getByTestId('listing-trl'), /^TRL 7/);
    const keywords = page.getByTestId('listing-keywords');
    for (const k of ['光伏水泵', '节水灌溉', '太阳能']) {
      await keywords.fill(k);
      await keywords.press('Enter');
    }
    const dealForms = page.getByTestId('listing-deal-forms');
    await dealForms.getByRole('checkbox', { name: 'Licence' }).check();
    await dealForms.getByRole('checkbox', { name: 'Assignment' }).check();
    await choose(page.getByTestId('listing-ip-type'), 'Invention patent');
    await page.getByTestId('listing-ip-number').fill(`ZL2024${suffix}.7`);
    await choose(page.getByTestId('listing-ip-status'), 'granted');
    offerId = await createdBy(/^\/api\/v1\/techmarket\/listings$/, () => page.getByTestId('listing-submit').click());
    await page.waitForURL(/\/market\/mine$/);

    const mine = await (await signInApi(server.url, 'transfer-agent@demo.seedbed.local')).call('GET', `${LISTINGS}/${offerId}`);
    expect(mine).toMatchObject({ status: 'pending', languages: ['zh'], owner: { name: '武汉理工大学' } });
    // The owner reads the details that visitors will not.
    expect(JSON.stringify(mine)).toContain(offerDetails);
    await publish(offerId);
  });

  it('lets a Pakistani enterprise post a need in English and see the Chinese offer suggested, with reasons', async () => {
    await signIn('enterprise-member@demo.seedbed.local');
    await page.goto(`${server.url}/market/new?kind=need`);
    await page.getByTestId('listing-need-fields').waitFor();
    await choose(page.getByTestId('listing-owner'), /^Sialkot Agro Solar \(Pvt\.\) Ltd\. · enterprise · PK$/, 'Sialkot Agro Solar');
    await page.getByTestId('listing-title-en').fill(needTitle);
    await page
      .getByTestId('listing-summary-en')
      .fill(
        'Our farms around Sialkot have no grid power at the wells. We need a solar water pump system for irrigation, ideally with drip irrigation, to replace diesel pumps.',
      );
    await choose(page.getByTestId('listing-sector'), /Solar energy/, 'Solar');
    await choose(page.getByTestId('listing-trl'), /^TRL 6/);
    await page.getByTestId('listing-deal-forms').getByRole('checkbox', { name: 'Licence' }).check();
    await page.getByTestId('listing-budget').fill('5000000');
    await choose(page.getByTestId('listing-currency'), 'PKR');
    await page.getByTestId('listing-deadline').fill('2027-09-30');
    needId = await createdBy(/^\/api\/v1\/techmarket\/listings$/, () => page.getByTestId('listing-submit').click());
    await page.waitForURL(/\/market\/mine$/);
    await publish(needId);

    await signIn('enterprise-member@demo.seedbed.local');
    await page.goto(`${server.url}/market/listings/${needId}`);
    await page.getByTestId('listing-title').getByText(needTitle).waitFor();
    const match = page.locator(`[data-testid="match-item"][data-listing-id="${offerId}"]`);
    await match.waitFor();
    await match.getByTestId('listing-link').getByText(offerTitle).waitFor();
    // Why: the shared concept in the reader's English with the offer's Chinese term, and the country pair.
    const pump = match.locator('[data-testid="match-reason"][data-type="concept"]').filter({ hasText: 'solar pump' });
    await pump.first().waitFor();
    expect(await pump.first().getByTestId('match-reason-other-terms').textContent()).toContain('光伏水泵');
    const country = match.locator('[data-testid="match-reason"][data-type="country"]');
    expect(await country.textContent()).toMatch(/Cross-border.*Pakistan.*China|Cross-border.*China.*Pakistan/);
    expect(await match.locator('[data-testid="match-reason"][data-type="sector"]').textContent()).toMatch(/Solar energy/);
    expect(await match.locator('[data-testid="match-reason"][data-type="readiness"]').textContent()).toMatch(/TRL 7.*TRL 6/);
    expect(await seriousA11yViolations(page, 'need page with its matches')).toEqual([]);
  });

  it('lets the enterprise express interest from the offer, the owner accept, and the enterprise read the answer', async () => {
    await page.locator(`[data-testid="match-item"][data-listing-id="${offerId}"]`).getByTestId('listing-link').click();
    await page.waitForURL(new RegExp(`/market/listings/${offerId}$`));
    await page.getByTestId('interest-message').fill(interestMessage);
    await choose(page.getByTestId('interest-from-listing'), new RegExp(needTitle));
    interestId = await createdBy(/\/interests$/, () => page.getByTestId('interest-submit').click());
    await page.waitForURL(new RegExp(`/market/interests/${interestId}$`));
    await page.getByTestId('thread-message').filter({ hasText: interestMessage }).waitFor();

    await signIn('transfer-agent@demo.seedbed.local');
    await page.goto(`${server.url}/market/interests`);
    const row = page.locator(`[data-testid="interest-row"][data-interest-id="${interestId}"]`);
    expect(await row.textContent()).toContain(enterpriseName);
    await row.getByTestId('interest-link').click();
    await page.waitForURL(new RegExp(`/market/interests/${interestId}$`));
    await page.getByTestId('thread-message').filter({ hasText: interestMessage }).waitFor();
    await page.getByTestId('accept-message').fill(acceptMessage);
    await page.getByTestId('accept-submit').click();
    await expect.poll(() => page.getByTestId('interest-status').textContent(), { timeout: UI }).toMatch(/Accepted/i);

    await signIn('enterprise-member@demo.seedbed.local');
    await page.goto(`${server.url}/market/interests`);
    await page.getByTestId('interests-tab-sent').click();
    const sent = page.locator(`[data-testid="interest-row"][data-interest-id="${interestId}"]`);
    expect(await sent.getAttribute('data-status')).toBe('accepted');
    await sent.getByTestId('interest-link').click();
    await page.locator('[data-testid="thread-message"][data-side="owner"]').filter({ hasText: acceptMessage }).waitFor();
    await page.getByTestId('thread-next-step').waitFor();
    expect(await seriousA11yViolations(page, 'interest thread')).toEqual([]);
  });

  it('registers the transfer contract: submitted from the thread, registered by a transfer agent with a certificate number', async () => {
    before = await statsOf();
    await page.getByTestId('thread-register-contract').click();
    await page.waitForURL(/\/market\/contracts\/new\?/);
    await page.getByTestId('contract-form').waitFor();
    // The offer's owner is the seller (China), the interested enterprise the buyer (Pakistan).
    const seller = page.locator('[data-testid="contract-party"][data-role="seller"]');
    const buyer = page.locator('[data-testid="contract-party"][data-role="buyer"]');
    await expect.poll(() => seller.getByTestId('contract-party-name').inputValue()).toBe('武汉理工大学');
    expect(await buyer.getByTestId('contract-party-name').inputValue()).toBe(enterpriseName);
    // The buyer linked to the registry's enterprise the interest was made for, not only its name.
    // (A party linked to the registry takes its country from there: the country field is locked.)
    await expect.poll(() => buyer.getByTestId('contract-party-country').isDisabled()).toBe(true);
    await page.getByTestId('contract-cross-border').waitFor();
    expect(await page.getByTestId('contract-cross-border').getAttribute('data-cross-border')).toBe('true');
    await choose(page.getByTestId('contract-kind'), 'Technology transfer contract');
    await choose(page.getByTestId('contract-subtype'), 'Patent or technology licence');
    await page.getByTestId('contract-amount').fill('1200000');
    await choose(page.getByTestId('contract-currency'), 'CNY');
    await page.getByTestId('contract-tech-income').fill('900000');
    await page.getByTestId('contract-signed-on').fill(signedOn);
    await choose(page.getByTestId('contract-agency'), /China Technology Market Management/);
    const contractId = await createdBy(/^\/api\/v1\/techmarket\/contracts$/, () => page.getByTestId('contract-submit').click());
    await page.waitForURL(new RegExp(`/market/contracts/${contractId}$`));
    expect(await page.getByTestId('contract-facts').getAttribute('data-status')).toBe('submitted');

    await signIn('transfer-agent@demo.seedbed.local');
    await page.goto(`${server.url}/market/contracts/review`);
    const item = page.locator(`[data-testid="review-item"][data-contract-id="${contractId}"]`);
    await item.getByTestId('review-register').click();
    await page.getByText(/^Registered: certificate TC-\d{4}-CTMC-\d{4}/).waitFor();
    await item.waitFor({ state: 'detached' });
    await page.goto(`${server.url}/market/contracts/${contractId}`);
    const certificate = page.getByTestId('contract-certificate');
    expect(await certificate.textContent()).toMatch(new RegExp(`^TC-${year}-CTMC-\\d{4}$`));
    expect(await page.getByTestId('contract-facts').getAttribute('data-status')).toBe('registered');
  });

  it('counts the contract on the public statistics page', async () => {
    const after = await statsOf();
    expect(transferRow(after).count).toBe(transferRow(before).count + 1);
    await browser.context.clearCookies();
    await page.goto(`${server.url}/market/stats`);
    await page.getByTestId('stats-table').waitFor();
    // The page keeps the previous figures while it asks again: wait for its answer for the year (in yuan).
    const answer = (currency?: string) =>
      page.waitForResponse((r) => {
        const u = new URL(r.url());
        const q = u.searchParams;
        return (
          u.pathname === '/api/v1/techmarket/stats' &&
          q.get('by') === 'kind' &&
          q.get('year') === String(year) &&
          (currency === undefined || q.get('currency') === currency)
        );
      });
    const forYear = answer();
    await choose(page.getByTestId('stats-year'), String(year));
    await forYear;
    if ((await page.getByTestId('stats-currency').inputValue()) !== 'CNY') {
      const inYuan = answer('CNY');
      await choose(page.getByTestId('stats-currency'), 'CNY');
      await inYuan;
    }
    const row = page.locator('[data-testid="stats-row"][data-key="transfer"]');
    // Cells: count, amount, technology income, cross-border count, cross-border amount, share.
    const cells = row.locator('td');
    const n = (x: number) => x.toLocaleString('en-US');
    await expect.poll(() => cells.nth(0).textContent(), { timeout: UI }).toBe(n(transferRow(before).count + 1));
    expect(await cells.nth(3).textContent()).toBe(n(transferRow(before).crossBorderCount + 1));
    expect(await page.getByTestId('stats-total-count').textContent()).toContain(n(before.total.count + 1));
    expect(await seriousA11yViolations(page, 'market statistics')).toEqual([]);
  });

  it('shows a visitor the offer’s summary but not its details', async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/market/listings/${offerId}`);
    await page.getByTestId('listing-title').getByText(offerTitle).waitFor();
    await page.getByTestId('listing-page-summary').waitFor();
    expect(await page.getByTestId('listing-access').getAttribute('data-access')).toBe('public');
    await page.getByTestId('access-sign-in').waitFor();
    expect(await page.getByTestId('listing-details').count()).toBe(0);
    expect(await page.getByText(offerDetails).count()).toBe(0);
    const json = await (await fetch(`${server.url}${LISTINGS}/${offerId}`)).text();
    expect(json).not.toContain('扬程');
  });

  it('reads right to left in Urdu, the market and the listing without serious accessibility problems', async () => {
    await page.goto(`${server.url}/market`);
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'اردو' }).click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.locator(`[data-testid="listing-card"][data-listing-id="${offerId}"]`).waitFor();
    expect(await seriousA11yViolations(page, 'market (Urdu)')).toEqual([]);
    await page.goto(`${server.url}/market/listings/${offerId}`);
    await page.getByTestId('listing-title').getByText(offerTitle).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('matches').waitFor();
    expect(await seriousA11yViolations(page, 'listing (Urdu)')).toEqual([]);
  });
});
