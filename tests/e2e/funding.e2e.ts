import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/server/modules/funding/eligibility/default-rules';
import { type Browser, DEMO_ADMIN, DEMO_PASSWORD, launchBrowser, type RunningServer, screenshotOnFailure, seriousA11yViolations, startServer } from './harness';
import { type ApiClient, signInApi } from './registry-fixtures';

/**
 * The seed fund from call to outcome (issue 4). An officer opens a call; enterprises apply — one learns it
 * is ineligible and why; the officer accepts the others in screening. In the browser: the officer assigns
 * reviewers optimally and sees why each pair fits; two reviewers score blind; the panel decides on the
 * ranked list with its funding line and publishes; the public reads the results without signing in; the
 * award gets a milestone, the enterprise reports follow-on money and the leverage figure moves from 0× to 3.5×.
 *
 * Opening the call goes through the API (the call editor has its own journey in funding-apply.e2e.ts); applying
 * and screening use the pages of the calls and applications module.
 */
describe('seed fund journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let officer: ApiClient;
  let entrepreneur: ApiClient;
  const suffix = Date.now().toString(36);
  const callName = `E2E Seed Fund ${suffix}`;
  let callId = '';
  const apps: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
  const REVIEWER2 = `second-reviewer-${suffix}@demo.seedbed.local`;

  beforeAll(async () => {
    server = await startServer(120_000);
    admin = await signInApi(server.url, DEMO_ADMIN);
    officer = await signInApi(server.url, 'program-officer@demo.seedbed.local');
    entrepreneur = await signInApi(server.url, 'enterprise-member@demo.seedbed.local');
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
  const signIn = async (email: string) => {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/sign-in`);
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.getByRole('heading', { level: 1, name: /^Welcome,/ }).waitFor();
  };
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

  it('an officer opens a call (API)', async () => {
    const program = await officer.call<{ id: string }>('POST', '/api/v1/funding/programs', { names: { en: `E2E Innofund ${suffix}` } });
    const number = (key: string, en: string, fact: string) => ({ key, type: 'number', label: { en }, required: true, min: 0, fact });
    const call = await officer.call<{ id: string }>('POST', '/api/v1/funding/calls', {
      programId: program.id,
      names: { en: callName, zh: `端到端创新基金 ${suffix}` },
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      timeZone: 'Asia/Shanghai',
      budget: 300_000,
      currency: 'USD',
      instruments: [{ kind: 'grant', min: 150_000, max: 250_000 }],
      eligibilityRules: DEFAULT_RULES,
      form: {
        sections: [
          {
            key: 'enterprise',
            title: { en: 'The enterprise' },
            fields: [
              number('employees', 'Employees', 'employees'),
              number('technicalStaff', 'Technical staff', 'technicalStaff'),
              { ...number('domesticOwnershipPct', 'Domestic ownership (%)', 'domesticOwnershipPct'), max: 100 },
              {
                key: 'sector',
                type: 'select',
                label: { en: 'Field' },
                required: true,
                fact: 'sector',
                options: [
                  { value: 'new_energy', label: { en: 'New energy' } },
                  { value: 'electronic_information', label: { en: 'Electronic information' } },
                ],
              },
              { key: 'doesRnd', type: 'boolean', label: { en: 'Does high-tech R&D' }, required: true, fact: 'doesRnd' },
            ],
          },
          {
            key: 'project',
            title: { en: 'The project' },
            fields: [
              { key: 'title', type: 'text', label: { en: 'Project title' }, required: true },
              { key: 'summary', type: 'longtext', label: { en: 'Summary' }, required: true },
            ],
          },
        ],
      },
      rubric: {
        scaleMin: 1,
        scaleMax: 5,
        criteria: [
          { key: 'innovation', name: { en: 'Innovation', zh: '创新性' }, weight: 50 },
          { key: 'market', name: { en: 'Market', zh: '市场' }, weight: 50 },
        ],
      },
      reviewersPerApplication: 2,
      reviewerLoadMin: 0,
      reviewerLoadMax: 5,
      blindReview: true,
    });
    callId = call.id;
    await officer.call('POST', `/api/v1/funding/calls/${callId}/status`, { status: 'open' });
    const open = (await (await fetch(`${server.url}/api/v1/funding/calls/${callId}`)).json()) as { phase: string };
    expect(open.phase).toBe('accepting');
  });

  it('enterprises apply in the browser; one sees itself ineligible and why; the officer accepts the others', async () => {
    // The enterprises are in the registry (set up through its API); applying and screening are the pages of
    // the calls and applications module.
    const specs = {
      A: {
        name: `Solid Cell Energy ${suffix}`,
        employees: 120,
        sector: 'new_energy',
        title: 'Solid-state lithium battery cells',
        summary: 'Solid electrolyte lithium battery cells for energy storage: safer cells, longer life, a pilot line in Nanjing.',
        amount: '200000',
      },
      B: {
        name: `Giant Electronics ${suffix}`,
        employees: 800,
        sector: 'electronic_information',
        title: 'Edge AI camera',
        summary: 'Machine learning inference chips for computer vision cameras.',
        amount: '200000',
      },
      C: {
        name: `Vision Chips ${suffix}`,
        employees: 60,
        sector: 'electronic_information',
        title: 'Low-power vision chip',
        summary: 'A low-power chip for machine learning and computer vision at the edge, software and semiconductor design.',
        amount: '150000',
      },
    } as const;
    for (const s of Object.values(specs)) {
      await admin.call('POST', '/api/v1/enterprises', {
        names: { en: s.name },
        country: 'CN',
        province: s.sector === 'new_energy' ? '320000' : '110000',
        sector: s.sector,
        employees: s.employees,
        technicalStaff: Math.round(s.employees * 0.4),
        domesticOwnershipPct: 100,
      });
    }
    // All three apply in the browser: the form is prefilled from the registry and judged live; B sees, before
    // submitting anything, that it is not eligible and why; A and C submit and get their receipts.
    await signIn('enterprise-member@demo.seedbed.local');
    for (const k of ['A', 'B', 'C'] as const) {
      const s = specs[k];
      await nav('Seed fund calls').click();
      await page.getByRole('link', { name: callName }).click();
      await page.getByRole('link', { name: 'Apply', exact: true }).click();
      const select = page.getByRole('combobox', { name: /Enterprise/ });
      await select.click();
      await select.fill(s.name);
      await page.getByRole('option', { name: s.name }).click();
      await page.getByRole('button', { name: 'Start the application' }).click();
      await page.waitForURL(/\/funding\/applications\/[0-9a-f-]{36}$/);
      apps[k] = page.url().split('/').pop()!;
      await expect.poll(() => page.locator('#field-employees').inputValue(), { timeout: 15_000 }).toBe(String(s.employees));
      await page
        .getByRole('radiogroup', { name: /Does high-tech R&D/ })
        .getByRole('radio', { name: 'Yes' })
        .check();
      const panel = page.getByRole('heading', { name: 'Eligibility', level: 2 }).locator('xpath=ancestor::div[contains(@class,"mantine-Card-root")][1]');
      if (k === 'B') {
        // 800 employees: the seeds' "fewer than 500 people" rule fails, with the figure and its source.
        await panel.getByText('Not eligible').waitFor();
        await panel.getByText(/800/).first().waitFor();
        await panel.getByText(/seeds\/000_d1407c9116085406\.txt#have less than 500 people/).waitFor();
        await expectAccessible('ineligible application');
        continue;
      }
      await page.locator('#field-title').fill(s.title);
      await page.locator('#field-summary').fill(s.summary);
      await page.getByRole('combobox', { name: /Instrument/ }).click();
      await page.getByRole('option', { name: /^Grant/ }).click();
      await page.getByRole('textbox', { name: /Amount requested/ }).fill(s.amount);
      await panel.getByText('Eligible', { exact: true }).waitFor();
      await page
        .getByTestId('autosave')
        .getByText(/^Saved at/)
        .waitFor();
      await page.getByRole('button', { name: 'Submit the application' }).click();
      await page
        .getByTestId('receipt')
        .getByText(/^[0-9a-f]{64}$/)
        .waitFor();
    }

    const verdict = await entrepreneur.call<{ verdict: string; rules: { ruleId: string; outcome: string; source: string }[] }>(
      'POST',
      `/api/v1/funding/calls/${callId}/eligibility`,
      { applicationId: apps.B },
    );
    expect(verdict.verdict).toBe('ineligible');
    expect(verdict.rules.find((r) => r.outcome === 'fail')).toMatchObject({ ruleId: 'employees_under_500', source: expect.stringContaining('seeds/000') });

    await signIn('program-officer@demo.seedbed.local');
    for (const k of ['A', 'C'] as const) {
      await nav('Screening').click();
      await page.getByRole('link', { name: specs[k].name }).click();
      await page.getByRole('button', { name: 'Record the decision' }).click();
      await page.getByText('The decision was recorded and the applicant notified.').first().waitFor();
    }
  });

  it('the officer assigns reviewers in the browser and sees why each pair fits', async () => {
    // The pool for this journey: the demo reviewer and a second reviewer with an account; the demo pool's
    // reference experts (no accounts) step aside so that both reviewers can sign in and score.
    const pool = await officer.call<{ items: { id: string; userId: string | null; name: string }[] }>('GET', '/api/v1/funding/reviewers');
    const demoReviewer = pool.items.find((r) => r.name === 'Demo Expert Reviewer');
    expect(demoReviewer).toBeTruthy();
    for (const r of pool.items) if (r.id !== demoReviewer?.id) await officer.call('PATCH', `/api/v1/funding/reviewers/${r.id}`, { active: false });
    const user = await admin.call<{ id: string }>('POST', '/api/v1/users', {
      email: REVIEWER2,
      displayName: 'Dr Ayesha Khan',
      password: DEMO_PASSWORD,
      roles: [{ role: 'reviewer', scopeType: null, scopeId: null }],
    });
    await officer.call('POST', '/api/v1/funding/reviewers', {
      name: 'Dr Ayesha Khan',
      userId: user.id,
      expertise: 'machine learning, computer vision, semiconductor chips; lithium battery materials',
      tags: ['electronic_information', 'new_energy'],
      senior: true,
    });

    await signIn('program-officer@demo.seedbed.local');
    await nav('Review and decisions').click();
    await page.getByRole('heading', { level: 1, name: 'Review and decisions' }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(callName) })
      .getByRole('link', { name: 'Reviewers' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Reviewer assignment' }).waitFor();
    await page.getByTestId('run-assignment').click();
    await page.getByTestId('run-summary').getByText('proven optimal').waitFor();
    const a = page.getByTestId(`assignment-${apps.A}`);
    await expect.poll(() => a.locator('tr[data-status=assigned]').count(), { timeout: 15_000 }).toBe(2);
    await a
      .getByText(/shared words: .*(lithium|battery)/)
      .first()
      .waitFor();
    await expectAccessible('assignment');
  });

  it('two reviewers score blind in the browser', async () => {
    for (const email of ['reviewer@demo.seedbed.local', REVIEWER2]) {
      await signIn(email);
      await nav('My reviews').click();
      await page.getByRole('heading', { level: 1, name: 'My reviews' }).waitFor();
      const links = page.getByTestId('review-inbox').getByRole('link');
      await expect.poll(() => links.count(), { timeout: 15_000 }).toBe(2);
      for (const [title, scores] of [
        ['Solid-state lithium battery cells', ['4.5', '4']],
        ['Low-power vision chip', ['3.5', '3']],
      ] as const) {
        await nav('My reviews').click();
        await page.getByTestId('review-inbox').getByRole('link', { name: title }).click();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByTestId('applicant').getByText('hidden').waitFor();
        await page.getByTestId('score-innovation').fill(scores[0]);
        await page.getByTestId('score-market').fill(scores[1]);
        if (email === REVIEWER2 && title.startsWith('Solid')) await expectAccessible('scoring form');
        await page.getByRole('button', { name: 'Submit scores' }).click();
        await page.getByTestId('score-total').waitFor();
      }
    }
  });

  it('the panel decides on the ranked list and publishes; the public reads the results', async () => {
    await officer.call('POST', `/api/v1/funding/calls/${callId}/status`, { status: 'closed' });
    await signIn('program-officer@demo.seedbed.local');
    await page.goto(`${server.url}/funding/calls/${callId}/ranking`);
    await page.getByRole('heading', { level: 1, name: 'Ranking and decisions' }).waitFor();
    // 300,000: A (200,000) fits above the line, C (150,000) does not.
    const rowA = page.getByTestId(`rank-${apps.A}`);
    const rowC = page.getByTestId(`rank-${apps.C}`);
    expect(await rowA.getAttribute('data-above-line')).toBe('true');
    expect(await rowC.getAttribute('data-above-line')).toBe('false');
    await page.getByTestId('funding-line').waitFor();
    for (const [row, reasons] of [
      [rowA, 'Best-scored: a safer cell with a pilot line.'],
      [rowC, 'Below the funding line; first on the reserve list.'],
    ] as const) {
      await row.getByTestId('decide').click();
      await row.getByLabel('Reasons (in the decision letter)').fill(reasons);
      await row.getByTestId('save-decision').click();
      await row.getByText(reasons).waitFor();
    }
    await expectAccessible('ranking');
    await page.getByLabel('Objection period (days)').fill('0');
    await page.getByTestId('publish-results').click();
    await page.getByTestId('finalise-results').click();
    await page.getByText('The results are final; the awards are made.').waitFor();

    await browser.context.clearCookies();
    await page.goto(`${server.url}/funding/results/${callId}`);
    const table = page.getByTestId('published-results');
    await table.getByText('Solid-state lithium battery cells').waitFor();
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(3);
    await table.getByText(/Fund · US\$200,000/).waitFor();
    await page.getByTestId('results-status').getByText('Final since').waitFor();
    await expectAccessible('published results (public)');
    // The same results in Urdu, right to left.
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'اردو' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ur' && document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { level: 1, name: /نتائج/ }).waitFor();
    await expectAccessible('published results (ur)');
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('an award gets a milestone report and the leverage figure updates', async () => {
    await signIn('program-officer@demo.seedbed.local');
    await nav('Awards').click();
    await page.getByTestId('awards').getByRole('link', { name: 'Solid-state lithium battery cells' }).click();
    await page.getByRole('heading', { level: 1, name: 'Solid-state lithium battery cells' }).waitFor();
    const awardUrl = page.url();
    await page.getByRole('textbox', { name: /^Milestone/ }).fill('Pilot line running');
    await page.getByLabel('Due on').fill('2027-06-30');
    await page.getByLabel('Disbursement (USD)').fill('120000');
    await page.getByTestId('add-milestone-button').click();
    await page.getByTestId('milestone-1').waitFor();
    await expect.poll(() => page.getByTestId('leverage-figure').textContent(), { timeout: 15_000 }).toMatch(/0×/);

    await signIn('enterprise-member@demo.seedbed.local');
    await page.goto(awardUrl);
    await page.getByTestId('milestone-1').getByTestId('open-report').click();
    await page.getByLabel('What was achieved').fill('The pilot line runs; two customers signed; a Series A closed.');
    await page.getByLabel('Revenue (USD)').fill('350000');
    await page.getByLabel('Jobs').fill('12');
    await page.getByLabel('Follow-on money (USD)').fill('700000');
    await page.getByLabel('Where the follow-on money came from').fill('Series A led by a provincial guiding fund');
    await page.getByTestId('submit-report').click();
    await expect.poll(() => page.getByTestId('leverage-figure').textContent(), { timeout: 15_000 }).toMatch(/3\.5×/);
    await expectAccessible('award with a milestone report');

    // The decision letter, in the applicant's language, and in Urdu on request (right to left).
    await page.goto(`${server.url}/funding/letters/${apps.A}`);
    const letter = page.getByTestId('decision-letter');
    await letter.getByText(/Your application is funded: US\$200,000/).waitFor();
    await letter.getByText('Best-scored: a safer cell with a pilot line.').waitFor();
    await page.getByText('اردو', { exact: true }).click();
    await expect.poll(() => letter.getAttribute('dir'), { timeout: 15_000 }).toBe('rtl');
    await expectAccessible('decision letter (ur)');

    await signIn('program-officer@demo.seedbed.local');
    await nav('Seed fund dashboard').click();
    await page.getByRole('heading', { level: 1, name: 'Seed fund dashboard' }).waitFor();
    await page.getByTestId('dashboard-leverage').first().waitFor();
    await page.getByTestId('chart-funding-funnel').waitFor();
    expect(await page.getByTestId('dashboard-xlsx').getAttribute('href')).toContain('/api/v1/funding/dashboard/export');
  });
});
