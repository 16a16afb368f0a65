import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Role } from '../../shared/roles';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { type Database, openDatabase } from '../db/client';
import { createUser } from '../platform/accounts/register';
import { systemCtx } from '../platform/context';
import type { App } from '../platform/http/request-context';

export const TEST_PASSWORD = 'correct-horse-battery';
export const testDbKind = (): 'pglite' | 'postgres' => (process.env.SEEDBED_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/** A database for one test file: in-memory PGlite, or a fresh database on the run's throwaway PostgreSQL server. */
export async function makeTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (testDbKind() === 'pglite') {
    const database = await openDatabase({});
    await database.migrate();
    return { database, drop: async () => {} };
  }
  const adminUrl = inject('pgUrl');
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  return {
    database,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type Session = { cookie: string; csrf: string; userId: string; headers: Record<string, string> };

export type TestApp = {
  app: App;
  database: Database;
  config: Config;
  /** Creates (once) a user holding `role` and signs in; headers carry the cookie and the CSRF token. */
  signIn(role: Role | null, opts?: { email?: string; scopeType?: string; scopeId?: string }): Promise<Session>;
  close(): Promise<void>;
};

export async function makeTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const { database, drop } = await makeTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedbed-test-'));
  const config = loadConfig({ SEEDBED_DATA_DIR: dataDir, SEEDBED_DEMO: 'off', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, overrides);
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  const made = new Set<string>();

  async function signIn(role: Role | null, opts: { email?: string; scopeType?: string; scopeId?: string } = {}): Promise<Session> {
    const email = opts.email ?? `${role ?? 'nobody'}${opts.scopeId ? `-${opts.scopeId}` : ''}@test.seedbed.local`.toLowerCase();
    if (!made.has(email)) {
      const ctx = systemCtx(database, config, app.log, 'test-setup');
      const roles = role ? [{ role, scopeType: (opts.scopeType ?? null) as never, scopeId: opts.scopeId ?? null }] : [];
      await createUser(ctx, { email, displayName: `Test ${role ?? 'nobody'}`, password: TEST_PASSWORD, locale: 'en', roles });
      made.add(email);
    }
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'seedbed_session');
    const body = res.json();
    const cookieHeader = `seedbed_session=${cookie!.value}`;
    return { cookie: cookieHeader, csrf: body.csrfToken, userId: body.user.id, headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken } };
  }

  return {
    app,
    database,
    config,
    signIn,
    async close() {
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with one file field, for app.inject(). */
export function multipartFile(filename: string, bytes: Buffer, field = 'file', contentType = 'application/octet-stream') {
  const boundary = `----seedbed${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
