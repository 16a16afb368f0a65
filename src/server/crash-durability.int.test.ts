import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testDbKind } from './test/harness';
import { startServerProcess } from './test/server-process';

/** A server killed with SIGKILL in the middle of a stream of writes comes back with every write it acknowledged. */
describe('crash durability', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedbed-crash-'));
  const env: Record<string, string> = { SEEDBED_DATA_DIR: dataDir, SEEDBED_DEMO: 'on', SEEDBED_REFERENCE: 'off', SEEDBED_JOBS: 'off' };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged write after kill -9', async () => {
    if (testDbKind() === 'postgres') env.DATABASE_URL = await freshDatabase();
    const first = await startServerProcess(env);
    const session = await signInDemoAdmin(first.url);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = `crash-${w}-${i}`;
        try {
          const res = await fetch(`${first.url}/api/v1/me/tokens`, { method: 'POST', headers: session, body: JSON.stringify({ name }) });
          if (res.status === 201) acknowledged.push(name);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await first.stop();

    const second = await startServerProcess(env);
    try {
      const again = await signInDemoAdmin(second.url);
      const res = await fetch(`${second.url}/api/v1/me/tokens?limit=500`, { headers: again });
      const stored = new Set((await res.json()).items.map((t: { name: string }) => t.name));
      const lost = acknowledged.filter((n) => !stored.has(n));
      expect(acknowledged.length).toBeGreaterThanOrEqual(150);
      expect(lost).toEqual([]);
    } finally {
      await second.stop();
    }
  }, 240_000);
});

async function signInDemoAdmin(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.seedbed.local', password: 'seedbed-demo-2026' }),
  });
  if (res.status !== 200) throw new Error(`demo admin sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0].split(';')[0];
  return { cookie, 'x-csrf-token': (await res.json()).csrfToken, 'content-type': 'application/json' };
}

async function freshDatabase(): Promise<string> {
  const admin = inject('pgUrl');
  const name = `crash_${randomUUID().replaceAll('-', '')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}
