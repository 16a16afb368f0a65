import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PDF } from '../../src/server/modules/funding/calls/call-fixtures';
import { type Browser, DEMO_PASSWORD, launchBrowser, type RunningServer, screenshotOnFailure, seriousA11yViolations, startServer } from './harness';
import { type ApiClient, signInApi } from './registry-fixtures';

/**
 * The applicant's side of the seed fund (issue 4), in Chromium, on the demo call loaded with the reference
 * data. A visitor reads the open call and its rules with their sources; an entrepreneur starts an application
 * for their enterprise, finds the registry's figures already filled in and the eligibility panel judging them
 * live, answers a conditional question, attaches a PDF, sees the draft save itself, submits and gets a receipt
 * with the content's SHA-256; in Urdu the page turns right to left. An officer then sees the verdict and asks
 * for information; the applicant answers.
 */
describe('seed fund: applying', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  const suffix = Date.now().toString(36);
  const enterpriseName = `Qingdao Sensor Works ${suffix}`;
  let applicationId = '';

  beforeAll(async () => {
    server = await startServer(120_000);
    admin = await signInApi(server.url);
    await admin.call('POST', '/api/v1/enterprises', {
      names: { en: enterpriseName, zh: `青岛传感器 ${suffix}` },
      country: 'CN',
      sector: 'electronic_information',
      employees: 80,
      technicalStaff: 30,
      domesticOwnershipPct: 100,
    });
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

  it('shows a visitor the open demo call with its rules and their sources', async () => {
    await page.goto(`${server.url}/funding/calls`);
    await page.getByRole('heading', { level: 1, name: 'Calls for proposals' }).waitFor();
    await page.getByRole('link', { name: /Innofund seed grants/ }).click();
    await page.getByRole('heading', { level: 1, name: /Innofund seed grants/ }).waitFor();
    await page.getByText('Fewer than 500 employees').waitFor();
    expect(await page.getByText(/seeds\/000_d1407c9116085406\.txt/).count()).toBeGreaterThanOrEqual(4);
    await page.getByRole('link', { name: 'Sign in to apply' }).waitFor();
    await expectAccessible('public call page');
  });

  it('lets an entrepreneur apply: registry prefill, live eligibility, a conditional field, an attachment, autosave', async () => {
    await signIn('enterprise-member@demo.seedbed.local');
    await nav('Seed fund calls').click();
    await page.getByRole('link', { name: /Innofund seed grants/ }).click();
    await page.getByRole('link', { name: 'Apply', exact: true }).click();
    const select = page.getByRole('combobox', { name: 'Enterprise' });
    await select.click();
    await select.fill(`Qingdao Sensor Works ${suffix}`);
    await page.getByRole('option', { name: enterpriseName }).click();
    await page.getByRole('button', { name: 'Start the application' }).click();
    await page.waitForURL(/\/funding\/applications\/[0-9a-f-]{36}$/);
    applicationId = page.url().split('/').pop()!;

    // The registry's figures are filled in and marked; the verdict waits only for what the applicant declares.
    await expect.poll(() => page.locator('#field-employees').inputValue()).toBe('80');
    await page.getByText('(filled in from the registry: please check)').first().waitFor();
    const verdict = () => page.getByTestId('verdict').getAttribute('data-verdict');
    await expect.poll(verdict).toBe('incomplete');

    await page
      .getByRole('radiogroup', { name: /does high-tech R&D/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await expect.poll(verdict).toBe('eligible');
    // Technical staff below 30% fails, with the figures in the reason.
    await page.locator('#field-technicalStaff').fill('10');
    await expect.poll(verdict).toBe('ineligible');
    await page
      .getByText(/10 of 80/)
      .first()
      .waitFor();
    await page.locator('#field-technicalStaff').fill('30');
    await expect.poll(verdict).toBe('eligible');

    await page.locator('#field-title').fill('Fibre-optic strain sensors for bridges');
    await page
      .locator('#field-summary')
      .fill('We will industrialise our fibre-optic strain sensors and install them on three bridges of the zone, with the city as first customer.');
    await page.locator('#field-startDate').fill('2027-03-01');
    await page.locator('#field-projectBudget').fill('500000');
    // A conditional field appears only when its condition holds.
    expect(await page.locator('#field-cofundingAmount').count()).toBe(0);
    await page
      .getByRole('radiogroup', { name: /Other money committed to the project/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page.locator('#field-cofundingAmount').fill('300000');
    await page.getByRole('combobox', { name: 'Instrument' }).click();
    await page.getByRole('option', { name: /^Grant/ }).click();
    await page.getByRole('textbox', { name: /^Amount requested/ }).fill('200000');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach a file' }).first().click();
    await (await chooser).setFiles({ name: 'business-plan.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await page.getByRole('link', { name: 'business-plan.pdf' }).waitFor();
    await page
      .getByTestId('autosave')
      .getByText(/^Saved at/)
      .waitFor();
    await expectAccessible('application form');
  });

  it('keeps the draft across a reload and submits it once, with a receipt', async () => {
    await page.reload();
    await expect.poll(() => page.locator('#field-title').inputValue()).toBe('Fibre-optic strain sensors for bridges');
    await page.getByRole('button', { name: 'Submit the application' }).dblclick();
    const receipt = page.getByTestId('receipt');
    await receipt.getByText(/^[0-9a-f]{64}$/).waitFor();
    const shown = await receipt.locator('code').last().textContent();
    const client = await signInApi(server.url, 'enterprise-member@demo.seedbed.local');
    const app = await client.call<{ status: string; receipt: { contentHash: string } }>('GET', `/api/v1/funding/applications/${applicationId}`);
    expect(app.status).toBe('submitted');
    expect(app.receipt.contentHash).toBe(shown);
    // Exactly one submission, whatever the double click did.
    const mine = await client.call<{ items: { status: string }[] }>('GET', '/api/v1/funding/my/applications');
    expect(mine.items.filter((a) => a.status === 'submitted')).toHaveLength(1);
  });

  it('shows the submitted application right to left in Urdu', async () => {
    await page.goto(`${server.url}/funding/applications/${applicationId}`);
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'اردو' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ur' && document.documentElement.dir === 'rtl');
    await page.getByText('جمع شدہ').first().waitFor();
    await page.getByRole('button', { name: 'درخواست واپس لیں' }).waitFor();
    await expectAccessible('submitted application (ur)');
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('lets the officer see the verdict and ask for information, and the applicant answer', async () => {
    await signIn('program-officer@demo.seedbed.local');
    await nav('Screening').click();
    await page.getByRole('link', { name: enterpriseName }).click();
    await page.getByText('Eligible', { exact: true }).first().waitFor();
    await page.getByText('Ask for information').click();
    await page.getByRole('textbox', { name: /What is missing/ }).fill('Please name the three bridges.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('Information requested').first().waitFor();
    await expectAccessible('screening page');

    await signIn('enterprise-member@demo.seedbed.local');
    await page.goto(`${server.url}/funding/applications/${applicationId}`);
    await page.getByText('Please name the three bridges.').first().waitFor();
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Jiaozhou Bay Bridge and two city bridges.');
    await page.getByRole('button', { name: 'Send the answer' }).click();
    await page
      .getByText(/Jiaozhou Bay Bridge and two city bridges\./)
      .first()
      .waitFor();
    await page.getByText('Submitted', { exact: true }).first().waitFor();
  });
  it('lets an officer build a call in the editor (a conditional field, a rule threshold) and open it', async () => {
    await signIn('program-officer@demo.seedbed.local');
    await nav('Seed fund calls').click();
    await page.getByRole('link', { name: 'New call' }).click();
    await page.getByRole('heading', { level: 1, name: 'New call' }).waitFor();
    await page.getByRole('textbox', { name: 'Name (English)' }).fill(`Editor call ${suffix}`);
    await page.getByRole('textbox', { name: 'Name (简体中文)' }).fill(`编辑器批次 ${suffix}`);
    await expectAccessible('call editor');
    // Rules: the seeds' four are chosen; raise the employee ceiling.
    await page.getByRole('tab', { name: 'Eligibility rules' }).click();
    await page.getByRole('checkbox', { name: 'Fewer than 500 employees' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Fewer than 500 employees' }).isChecked()).toBe(true);
    await page.locator('.mantine-Card-root').filter({ hasText: 'Fewer than 500 employees' }).getByRole('textbox', { name: 'Threshold' }).fill('300');
    // Form: a yes/no question and a field shown only when it is answered yes.
    await page.getByRole('tab', { name: 'Application form' }).click();
    await page.getByRole('button', { name: 'Add field' }).click();
    const second = page.getByTestId('field-editor').nth(1);
    await second.getByRole('textbox', { name: 'Key' }).fill('hasPatent');
    await second.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'yes or no' }).click();
    await page.getByRole('button', { name: 'Add field' }).click();
    const third = page.getByTestId('field-editor').nth(2);
    await third.getByRole('textbox', { name: 'Key' }).fill('patentCount');
    await third.getByRole('combobox', { name: 'Show only when' }).click();
    await page.getByRole('option', { name: 'New field' }).first().click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/funding\/calls\/[0-9a-f-]{36}\/edit$/);
    const callId = page.url().split('/').at(-2)!;
    await page.getByRole('button', { name: 'Open the call (publish)' }).click();
    await page.getByText('Status: Open').waitFor();
    const call = await (await fetch(`${server.url}/api/v1/funding/calls/${callId}`)).json();
    expect(call.status).toBe('open');
    const fields = call.form.sections[0].fields;
    expect(fields.map((f: { key: string }) => f.key)).toEqual(['title', 'hasPatent', 'patentCount']);
    expect(fields[2].visibleWhen).toEqual({ field: 'hasPatent', in: [true] });
    expect(call.eligibilityRules.find((r: { id: string }) => r.id === 'employees_under_500').test).toEqual({ op: 'lt', fact: 'employees', value: 300 });
  });
});
