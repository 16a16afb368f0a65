import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, DEMO_PASSWORD, launchBrowser, type RunningServer, screenshotOnFailure, seriousA11yViolations, startServer } from './harness';

const UI = 20_000;
const API = '/api/v1/cooperation';
type Created = { id: string };
type Scorecard = { total: number; delivered: number; deliveredOnTime: number; overdue: number; score: number | null };
type PairJson = {
  agreements: { id: string; scorecard: Scorecard }[];
  delegations: { id: string; startsOn: string; key: string | null }[];
  focalPersons: { id: string; personName: string | null }[];
  opportunities: { id: string }[];
  sides: { country: string; scorecard: Scorecard }[];
};

const OFFICER = 'cooperation-officer@demo.seedbed.local';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The international cooperation journey of issue 7, in Chromium, on the demo data: a cooperation officer records
 * an MOU between COMSATS University Islamabad (Pakistan) and Beijing Technological and Business University (China)
 * with two commitments; logs a Pakistani delegation to China (Beijing, Shenzhen) with a focal person and an
 * internship offer; a student who registers herself applies to the internship; the officer sees the application
 * and accepts it; one commitment is marked delivered with a note and an uploaded file; the Pakistan–China page
 * shows the MOU with its scorecard, the delegation, the focal person, the offer and the 2018 reference delegation;
 * a visitor reads the published MOU but not its internal notes; the pages read right to left in Urdu; axe finds
 * no serious problem on the main pages.
 */
describe('international cooperation: MOU → delegation → offer → application → delivery → Pakistan–China', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const suffix = String(Date.now()).slice(-6);
  const mouTitle = `MOU on science park cooperation ${suffix}`;
  const internalNote = `Internal: budget line ${suffix} awaits the ministry's approval.`;
  const delegationTitle = `Pakistani delegation to Beijing and Shenzhen ${suffix}`;
  const offerTitle = `Internship at Zhongguancun Science Park ${suffix}`;
  const focalName = '李明';
  const student = { name: `Ayesha Siddiqui ${suffix}`, email: `ayesha.${suffix}@example.org`, password: 'student-pass-2026' };
  const evidenceNote = `Joint planning workshop held in Islamabad; minutes signed by both parties (${suffix}).`;
  let agreementId = '';
  let delegationId = '';
  let offerId = '';

  beforeAll(async () => {
    server = await startServer(180_000);
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(UI);
  }, 240_000);
  afterEach((ctx) => screenshotOnFailure(page, ctx));
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = async (email: string, password = DEMO_PASSWORD) => {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/sign-in`);
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(password);
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
  const publicJson = async <T>(path: string): Promise<T> => (await (await fetch(`${server.url}${path}`)).json()) as T;
  const axe = async (label: string) => expect(await seriousA11yViolations(page, label)).toEqual([]);

  it('lets a cooperation officer record an MOU between a Pakistani and a Chinese party with two commitments', async () => {
    await signIn(OFFICER);
    await page.goto(`${server.url}/cooperation/agreements/new`);
    await page.getByTestId('agreement-form').waitFor();
    await choose(page.getByTestId('agreement-type'), 'Memorandum of understanding');
    await page.getByTestId('agreement-title-en').fill(mouTitle);
    await page.getByTestId('agreement-summary-en').fill('Cooperation between the two universities on science parks, incubation and talent training.');
    await choose(page.getByTestId('agreement-party-0-registry'), /^COMSATS University Islamabad · /, 'COMSATS');
    await choose(page.getByTestId('agreement-party-1-registry'), /^Beijing Technological and Business University · /, 'Beijing Technological');
    await expect.poll(() => page.getByTestId('agreement-party-1-name').inputValue()).toMatch(/Beijing Technological and Business University|北京工商大学/);
    await page.getByTestId('agreement-party-0-signatory').fill('Prof. Dr. Sajid Qamar');
    await page.getByTestId('agreement-signed-on').fill(day(-30));
    await page.getByTestId('agreement-signed-place').fill('Beijing');
    await choose(page.getByTestId('agreement-areas'), 'Business incubation');
    await page.keyboard.press('Escape');
    await page.getByTestId('agreement-ways').getByRole('checkbox', { name: 'People exchange' }).check();
    await page.getByTestId('agreement-add-commitment').click();
    await page.getByTestId('agreement-add-commitment').click();
    const rows = page.getByTestId('commitment-row');
    await rows.nth(0).getByTestId('commitment-deliverable').fill('Joint planning workshop on the science park');
    await rows.nth(0).getByTestId('commitment-due-on').fill(day(20));
    await rows.nth(1).getByTestId('commitment-deliverable').fill('接收两名巴方孵化器管理人员培训');
    await choose(rows.nth(1).getByTestId('commitment-owed-by'), /Beijing Technological and Business University|北京工商大学/);
    await rows.nth(1).getByTestId('commitment-due-on').fill(day(60));
    // A colleague follows the second one up (found by name: the account that gets its reminders).
    await choose(rows.nth(1).getByTestId('commitment-owner'), /^Demo Program Officer · /, 'program officer');
    await page.getByTestId('agreement-internal-notes').fill(internalNote);
    agreementId = await createdBy(/^\/api\/v1\/cooperation\/agreements$/, () => page.getByTestId('agreement-submit').click());
    await page.waitForURL(new RegExp(`/cooperation/agreements/${agreementId}$`));
    await page.getByTestId('agreement-title').getByText(mouTitle).waitFor();
    expect(await page.getByTestId('agreement-page').getAttribute('data-status')).toBe('published');
    const parties = page.getByTestId('party');
    expect(await parties.count()).toBe(2);
    expect(await parties.nth(0).getAttribute('data-country')).toBe('PK');
    expect(await parties.nth(1).getAttribute('data-country')).toBe('CN');
    const commitments = page.getByTestId('commitment');
    expect(await commitments.count()).toBe(2);
    expect(await commitments.nth(0).getAttribute('data-state')).toBe('due');
    await commitments.nth(1).getByText('Followed by Demo Program Officer').waitFor();
    // The officer reads the internal notes.
    await page.getByTestId('agreement-internal-notes').getByText(internalNote).waitFor();
    expect(await page.getByTestId('agreement-scorecard').getAttribute('data-total')).toBe('2');
    // Cross-border suggestions, one list per side of the agreement.
    await expect.poll(() => page.getByTestId('suggestion-side').count()).toBe(2);
    expect(await page.getByTestId('suggestions').getByRole('alert').count()).toBe(0);
    await axe('agreement page (officer)');
  });

  it('logs a delegation visit (Pakistan → China) with a focal person and an internship offer', async () => {
    await page.goto(`${server.url}/cooperation/delegations/new`);
    await page.getByTestId('delegation-form').waitFor();
    await page.getByTestId('delegation-title-en').fill(delegationTitle);
    await page.getByTestId('delegation-starts-on').fill(day(-10));
    await page.getByTestId('delegation-ends-on').fill(day(-8));
    await choose(page.getByTestId('delegation-guest-registry'), /^COMSATS University Islamabad · /, 'COMSATS');
    await choose(page.getByTestId('delegation-agreement'), mouTitle);
    const members = page.getByTestId('member-row');
    await members.nth(0).getByTestId('member-name').fill('Dr. Ahmed Khan');
    await choose(members.nth(0).getByTestId('member-role'), 'Head of delegation');
    await page.getByTestId('delegation-add-host').click();
    await members.nth(1).getByTestId('member-name').fill('王伟');
    const stops = page.getByTestId('stop-row');
    await expect.poll(() => stops.nth(0).getByTestId('stop-day').inputValue()).toBe(day(-10));
    await stops.nth(0).getByTestId('stop-city').fill('Beijing');
    await stops.nth(0).getByTestId('stop-add-visited').click();
    await choose(stops.nth(0).getByTestId('stop-visited-registry'), /^Zhongguancun Administrative Commission · /, 'Zhongguancun Admin');
    await stops.nth(0).getByTestId('stop-add-meeting').click();
    await stops.nth(0).getByTestId('stop-meeting-title').fill('Briefing on Zhongguancun Science Park');
    await page.getByTestId('delegation-add-stop').click();
    await expect.poll(() => stops.nth(1).getByTestId('stop-day').inputValue()).toBe(day(-9));
    await stops.nth(1).getByTestId('stop-city').fill('Shenzhen');
    delegationId = await createdBy(/^\/api\/v1\/cooperation\/delegations$/, () => page.getByTestId('delegation-submit').click());
    await page.waitForURL(new RegExp(`/cooperation/delegations/${delegationId}$`));
    await page.getByTestId('delegation-title').getByText(delegationTitle).waitFor();
    // The timeline by day and the route, cities in order, placed on the map from the registry's geography.
    const days = page.getByTestId('timeline-day');
    expect(await days.count()).toBe(2);
    expect(await days.nth(0).getAttribute('data-city')).toBe('Beijing');
    expect(await days.nth(1).getAttribute('data-city')).toBe('Shenzhen');
    expect(await page.getByTestId('route-stop').count()).toBe(2);
    await expect.poll(() => page.getByTestId('route-stop-mark').count()).toBe(2);
    expect(await page.locator('[data-testid="members-side"][data-side="guest"]').getByTestId('member').count()).toBe(1);
    expect(await page.locator('[data-testid="members-side"][data-side="host"]').getByTestId('member').count()).toBe(1);

    // A focal person appointed during the visit.
    await page.getByTestId('delegation-add-focal').click();
    const focal = page.getByTestId('focal-form');
    await focal.getByTestId('focal-topic').fill('Science park exchange');
    await choose(focal.getByTestId('focal-org-registry'), /^Zhongguancun Administrative Commission · /, 'Zhongguancun Admin');
    await focal.getByTestId('focal-person-name').fill(focalName);
    await createdBy(/^\/api\/v1\/cooperation\/focal-persons$/, () => focal.getByTestId('focal-submit').click());
    await page.getByTestId('delegation-focal').getByTestId('focal-name').getByText(focalName).waitFor();

    // An internship offered by the host side, open on the board.
    await page.getByTestId('delegation-add-offer').click();
    const offer = page.getByTestId('offer-form');
    await offer.getByTestId('offer-title').fill(offerTitle);
    await choose(offer.getByTestId('offer-org-registry'), /^Zhongguancun Administrative Commission · /, 'Zhongguancun Admin');
    await offer.getByTestId('offer-city').fill('Beijing');
    await offer.getByTestId('offer-places').fill('5');
    await offer.getByTestId('offer-deadline').fill(day(45));
    await offer.getByTestId('offer-eligibility').fill('Graduates of Pakistani universities in engineering or management.');
    offerId = await createdBy(/^\/api\/v1\/cooperation\/opportunities$/, () => offer.getByTestId('offer-submit').click());
    await page.locator(`[data-testid="delegation-offers"] [data-testid="opportunity-card"][data-opportunity-id="${offerId}"]`).waitFor();
    // Print and the PDF report in the three languages.
    await page.getByTestId('delegation-print').waitFor();
    for (const l of ['en', 'zh', 'ur']) {
      const href = (await page.getByTestId(`delegation-pdf-${l}`).getAttribute('href')) ?? '';
      expect(href).toContain(`report.pdf?lang=${l}`);
      const pdf = await fetch(`${server.url}${href}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
    }
    await axe('delegation page (officer)');
  });

  it('lets a student who registers herself apply to the internship', async () => {
    await browser.context.clearCookies();
    // The public board asks a visitor to sign in.
    await page.goto(`${server.url}/cooperation/opportunities`);
    const card = page.locator(`[data-testid="opportunity-card"][data-opportunity-id="${offerId}"]`);
    await card.getByTestId('apply-sign-in').waitFor();
    await axe('opportunities board (visitor)');
    await page.goto(`${server.url}/register`);
    await page.locator('input[name=displayName]').fill(student.name);
    await page.locator('input[name=email]').fill(student.email);
    await page.locator('input[name=password]').fill(student.password);
    await page.locator('form button[type=submit]').click();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${student.name}` }).waitFor();
    await page.goto(`${server.url}/cooperation/opportunities/${offerId}`);
    await page.getByTestId('opportunity-page').waitFor();
    await page.getByTestId('opportunity-apply').click();
    await page
      .getByTestId('apply-statement')
      .fill('I graduated in software engineering from COMSATS and would like to learn how Zhongguancun runs its incubators.');
    await createdBy(/\/opportunities\/[^/]+\/applications$/, () => page.getByTestId('apply-submit').click());
    await page.getByTestId('apply-done').waitFor();
    await page.goto(`${server.url}/cooperation/applications`);
    const mine = page.getByTestId('my-application');
    await mine.first().waitFor();
    expect(await mine.first().getAttribute('data-status')).toBe('submitted');
    await axe('my applications');
  });

  it('shows the officer the application, who accepts it', async () => {
    await signIn(OFFICER);
    await page.goto(`${server.url}/cooperation/opportunities/${offerId}`);
    const app = page.getByTestId('opportunity-applications').getByTestId('application');
    await app.first().waitFor();
    expect(await app.first().getByTestId('application-applicant').textContent()).toBe(student.name);
    await app.first().getByTestId('decide-accept').click();
    await expect.poll(() => app.first().getAttribute('data-status')).toBe('accepted');
  });

  it('marks a commitment delivered with an evidence note and an uploaded file', async () => {
    await page.goto(`${server.url}/cooperation/agreements/${agreementId}`);
    const first = page.getByTestId('commitment').first();
    await first.getByTestId('commitment-deliver').click();
    const form = page.getByTestId('delivery-form');
    await form.getByTestId('delivery-date').fill(day(0));
    await form.getByTestId('delivery-note').fill(evidenceNote);
    await form.locator('input[type=file]').setInputFiles({
      name: 'workshop-minutes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`Minutes of the joint planning workshop ${suffix}\nSigned by both parties.\n`),
    });
    const [delivered] = await Promise.all([
      page.waitForResponse(isPost(/\/commitments\/[^/]+\/delivery$/), { timeout: UI }),
      form.getByTestId('delivery-submit').click(),
    ]);
    expect(delivered.status(), await delivered.text()).toBeLessThan(300);
    await expect.poll(() => first.getAttribute('data-state')).toBe('delivered');
    await first.getByTestId('evidence-note').getByText(evidenceNote).waitFor();
    expect(await first.getByTestId('evidence-file').textContent()).toBe('workshop-minutes.txt');
    await expect.poll(() => page.getByTestId('agreement-scorecard').getAttribute('data-delivered')).toBe('1');
  });

  it('shows everything between Pakistan and China on the PK-CN page, with the 2018 reference delegation', async () => {
    const pair = await publicJson<PairJson>(`${API}/pairs/PK-CN`);
    expect(pair.agreements.find((a) => a.id === agreementId)?.scorecard).toMatchObject({ total: 2, delivered: 1 });
    const reference = pair.delegations.find((d) => d.startsOn.startsWith('2018'));
    expect(reference, 'the 2018 Pakistani delegation of seeds/000').toBeTruthy();
    await page.goto(`${server.url}/cooperation`);
    await page.locator('[data-testid="pair-card"][data-pair="PK-CN"]').getByTestId('pair-link').click();
    await page.waitForURL(/\/cooperation\/pairs\/PK-CN$/);
    await page.getByTestId('pair-page').waitFor();
    const mou = page.locator(`[data-testid="pair-agreements"] [data-testid="agreement-card"][data-agreement-id="${agreementId}"]`);
    await mou.getByText(mouTitle).waitFor();
    expect(await mou.getByTestId('scorecard').getAttribute('data-delivered')).toBe('1');
    expect(await mou.getByTestId('scorecard').getAttribute('data-total')).toBe('2');
    expect(await page.getByTestId('pair-side').count()).toBe(2);
    await page.locator(`[data-testid="pair-delegations"] [data-testid="delegation-card"][data-delegation-id="${delegationId}"]`).waitFor();
    await page.locator(`[data-testid="pair-delegations"] [data-testid="delegation-card"][data-delegation-id="${reference?.id}"]`).waitFor();
    await page.getByTestId('pair-focal').getByTestId('focal-name').getByText(focalName).first().waitFor();
    await page.locator(`[data-testid="pair-opportunities"] [data-testid="opportunity-card"][data-opportunity-id="${offerId}"]`).waitFor();
    await axe('Pakistan–China page');
  });

  it('shows a visitor the published MOU but not its internal notes', async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/cooperation/agreements/${agreementId}`);
    await page.getByTestId('agreement-title').getByText(mouTitle).waitFor();
    await page.getByTestId('commitment').first().waitFor();
    expect(await page.getByTestId('agreement-internal-notes').count()).toBe(0);
    expect(await page.getByText(internalNote).count()).toBe(0);
    // Nor the evidence, nor any officer control.
    expect(await page.getByText(evidenceNote).count()).toBe(0);
    expect(await page.getByTestId('commitment-deliver').count()).toBe(0);
    const json = await (await fetch(`${server.url}${API}/agreements/${agreementId}`)).text();
    expect(json).not.toContain(internalNote);
    expect(json).not.toContain(evidenceNote);
    await axe('agreement page (visitor)');
    await page.goto(`${server.url}/cooperation/agreements`);
    await page.locator(`[data-testid="agreement-card"][data-agreement-id="${agreementId}"]`).waitFor();
    await axe('agreements (visitor)');
    await page.goto(`${server.url}/cooperation/scorecards?by=partner`);
    await page.getByTestId('scorecard-row').first().waitFor();
    await axe('scorecards by partner (visitor)');
    await page.goto(`${server.url}/cooperation/focal-persons`);
    await page.getByTestId('focal-country').first().waitFor();
    await axe('focal persons (visitor)');
  });

  it('reads right to left in Urdu, without serious accessibility problems', async () => {
    await page.goto(`${server.url}/cooperation`);
    await page.getByTestId('overview-pairs').waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'اردو' }).click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 1, name: 'بین الاقوامی تعاون' }).waitFor();
    await page.locator('[data-testid="pair-card"][data-pair="PK-CN"]').getByTestId('pair-scorecard').waitFor();
    await axe('cooperation overview (Urdu)');
    await page.goto(`${server.url}/cooperation/delegations/${delegationId}`);
    await page.getByTestId('delegation-title').getByText(delegationTitle).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // Names keep their own script and direction.
    expect(await page.getByTestId('delegation-focal').getByTestId('focal-name').locator('span[lang="zh-Hans"]').first().textContent()).toBe(focalName);
    await axe('delegation (Urdu)');
  });
});
