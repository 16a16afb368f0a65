import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEMO_PASSWORD = process.env.SEEDBED_DEMO_PASSWORD ?? 'seedbed-demo-2026';
export const DEMO_ADMIN = 'admin@demo.seedbed.local';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export type RunningServer = { url: string; output: () => string; stop: () => Promise<void> };

/**
 * Starts the real server (`node --import tsx src/server/main.ts`) on a free port with a fresh data folder
 * (embedded database, demo accounts) and waits until /api/health answers 200.
 */
export async function startServer(timeoutMs = 60_000): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'seedbed-e2e-data-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', SEEDBED_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (b) => (log += b));
  child.stderr?.on('data', (b) => (log += b));
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code ?? -1;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) {
      await stop();
      throw new Error(`the server exited (code ${exited}) before answering:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return { url, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the server did not answer /api/health within ${timeoutMs} ms:\n${log}`);
}

export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> };

/** Debian's Chromium (CHROMIUM_PATH overrides) with a throwaway profile. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'seedbed-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type AxeFinding = { id: string; impact: string; help: string; targets: string[] };

/** Runs axe (WCAG 2.1 A/AA) on the page; prints and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page, label: string): Promise<AxeFinding[]> {
  // Colours caught mid-transition (a toast fading out) are not the colours anyone reads.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
      null,
      {
        timeout: 5_000,
      },
    )
    .catch(() => {});
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const found = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`),
    }));
  if (found.length > 0) {
    console.log(`[axe] ${label}: ${found.length} serious/critical violation(s)`);
    for (const f of found) console.log(`  ${f.impact} ${f.id}: ${f.help}\n    ${f.targets.slice(0, 5).join('\n    ')}`);
  }
  const minor = result.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length > 0) console.log(`[axe] ${label}: also ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
  return found;
}

/** After a failed step: a full-page screenshot in test-results/ (git-ignored), to see what the user saw. */
export async function screenshotOnFailure(page: Page | undefined, ctx: { task: { name: string; result?: { state?: string } } }) {
  if (!page || ctx.task.result?.state !== 'fail') return;
  const file = path.join(repoRoot, 'test-results', `${ctx.task.name.replace(/[^\w-]+/g, '-').slice(0, 80)}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  console.log(`[e2e] screenshot of the failure: ${path.relative(repoRoot, file)}`);
}
