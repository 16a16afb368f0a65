import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDbKind } from './test/harness';
import { startServerProcess } from './test/server-process';

/** SIGTERM drains: requests already in flight complete, then the process exits 0 and releases the data folder. */
describe.runIf(testDbKind() === 'pglite')('graceful shutdown', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedbed-drain-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('finishes in-flight requests on SIGTERM and exits cleanly', async () => {
    const server = await startServerProcess({ SEEDBED_DATA_DIR: dataDir, SEEDBED_DEMO: 'on', SEEDBED_REFERENCE: 'off', SEEDBED_JOBS: 'off' });
    const login = () =>
      fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.seedbed.local', password: 'seedbed-demo-2026' }),
      });
    // Open the connections first, so that the sign-ins below are on the wire, not still connecting, when the signal lands.
    await Promise.all(Array.from({ length: 8 }, () => fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer())));
    let signalledAt = Number.POSITIVE_INFINITY;
    // Eight concurrent sign-ins (argon2id, a few tens of ms each on a shared thread pool) outlast the signal.
    const inFlight = Array.from({ length: 8 }, () => login().then((r) => ({ status: r.status, at: performance.now() })));
    await new Promise((r) => setTimeout(r, 40));
    signalledAt = performance.now();
    const exitCode = server.stop('SIGTERM');
    const results = await Promise.all(inFlight);
    // A request the server had received completes (200); one still on the wire when the server stops listening is
    // refused cleanly with 503 (retryable) — none is dropped or reset.
    expect(results.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect(results.some((r) => r.status === 200 && r.at > signalledAt)).toBe(true);
    expect(await exitCode).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'seedbed.pid'))).toBe(false);
  }, 240_000);
});
