import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { ROLES } from '../../../shared/roles';
import { makeTestApp, type Session, type TestApp } from '../../test/harness';
import { allows, type Permission } from '../permissions';

/**
 * Bad input gets a clear 4xx in the one error shape and changes nothing.
 * "Nothing" is a digest of every table; login_attempts is left out on purpose:
 * recording a failed sign-in is the throttle's own (intended) write.
 */
describe('malformed input at every write endpoint', () => {
  let t: TestApp;
  let admin: Session;
  let tables: string[];
  beforeAll(async () => {
    t = await makeTestApp({ maxBodyBytes: 64 * 1024 });
    admin = await t.signIn('admin');
    const rows = await queryRows<{ tablename: string }>(
      t.database.db,
      sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'login_attempts' ORDER BY tablename`,
    );
    tables = rows.map((r) => r.tablename);
  });
  afterAll(() => t.close());

  const digest = async () => {
    const parts: string[] = [];
    for (const table of tables) {
      const [r] = await queryRows<{ d: string }>(
        t.database.db,
        sql.raw(`SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS d FROM "${table}" x`),
      );
      parts.push(`${table}=${r.d}`);
    }
    return parts.join(';');
  };
  const writeRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && ['POST', 'PUT', 'PATCH'].includes(r.method) && !r.url.includes('/files'));
  /** Admin where the admin may write; else someone whose role the permission table lets through. */
  const sessionFor = async (permission: Permission): Promise<Session> => {
    if (allows(permission, ['admin'])) return admin;
    const role = ROLES.find((r) => allows(permission, [r]));
    if (!role) throw new Error(`no role may use ${permission}`);
    return t.signIn(role);
  };
  const urlOf = (url: string) => url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
  const expectErrorShape = (body: string) => {
    const json = JSON.parse(body);
    expect(typeof json.error.code).toBe('string');
    expect(json.error.message.length).toBeGreaterThan(5);
    expect(body).not.toMatch(/at .*\.ts:\d+|node_modules/);
  };

  it('answers malformed JSON with 400 invalid_json', async () => {
    for (const route of writeRoutes()) {
      const session = await sessionFor(route.permission); // signing in writes; the digest comes after
      const before = await digest();
      const res = await t.app.inject({ method: route.method as 'POST', url: urlOf(route.url), headers: { ...session.headers, 'content-type': 'application/json' }, payload: '{"email": "a@b.c",' });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(400);
      expect(res.json().error.code).toBe('invalid_json');
      expect(await digest()).toBe(before);
    }
  });

  it('answers an over-large body with 413', async () => {
    const before = await digest();
    const big = JSON.stringify({ displayName: 'x'.repeat(100 * 1024) });
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { ...admin.headers, 'content-type': 'application/json' }, payload: big });
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.body);
    expect(await digest()).toBe(before);
  });

  it('answers unknown fields and wrong types with 422 and field details in the caller’s language', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { ...admin.headers, 'accept-language': 'zh-CN,zh;q=0.9' }, payload: { displayName: 42, isAdmin: true } });
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/字段/);
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(['', 'displayName']);
    const q = await t.app.inject({ method: 'GET', url: '/api/v1/users?limit=-3', headers: admin.headers });
    expect(q.statusCode).toBe(400);
    expect(q.json().error.details[0].path).toBe('querystring.limit');
  });

  it('never answers 5xx nor half-writes, whatever JSON arrives', async () => {
    const keys = ['email', 'password', 'displayName', 'locale', 'name', 'roles', 'status', 'token', 'expiresInDays', 'currentPassword', 'newPassword'];
    const body = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...keys), fc.jsonValue(), { maxKeys: 5 }));
    for (const route of writeRoutes()) {
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const before = await digest();
          const res = await t.app.inject({
            method: route.method as 'POST',
            url: urlOf(route.url),
            headers: { ...admin.headers, 'content-type': 'application/json' },
            payload: JSON.stringify(payload),
          });
          expect(res.statusCode, `${route.method} ${route.url} ${JSON.stringify(payload)}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expectErrorShape(res.body);
            expect(await digest()).toBe(before);
          } else if (route.url.includes('logout') || route.url.includes('password')) {
            admin = await t.signIn('admin');
          }
        }),
        { numRuns: 15, seed: 20261122 },
      );
    }
  }, 180_000);
});
