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
    const server = await startServerProcess({ SEEDBED_DATA_DIR: dataDir, SEEDBED_DEMO: 'on', SEEDBED_JOBS: 'off' });
    // Sign-ins take tens of milliseconds each (argon2id), so several are in flight when the signal lands.
    const inFlight = Array.from({ length: 8 }, () =>
      fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.seedbed.local', password: 'seedbed-demo-2026' }),
      }).then((r) => r.status),
    );
    await new Promise((r) => setTimeout(r, 30));
    const exitCode = server.stop('SIGTERM');
    expect(await Promise.all(inFlight)).toEqual(Array(8).fill(200));
    expect(await exitCode).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'seedbed.pid'))).toBe(false);
  }, 90_000);
});
