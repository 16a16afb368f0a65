import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/roles';
import { guardRoutePermissions } from '../app';
import { makeTestApp, type Session, type TestApp } from '../test/harness';
import { allows } from './permissions';

/**
 * Walks every API route × every role (and the public) and checks the answer
 * against the permission table: allowed → neither 401 nor 403; denied → 401
 * for the public, 403 for a signed-in role. A route added without a table
 * entry cannot even be registered (see the last test).
 */
describe('permission table × every route × every role', () => {
  let t: TestApp;
  const sessions = new Map<Role, Session>();
  beforeAll(async () => {
    t = await makeTestApp();
    for (const role of ROLES) sessions.set(role, await t.signIn(role));
  });
  afterAll(() => t.close());

  it('answers every route as the table says', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(10);
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const role of [null, ...ROLES]) {
        if (role && route.url === '/api/v1/auth/logout') sessions.set(role, await t.signIn(role));
        const session = role ? sessions.get(role)! : null;
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace('*', 'x'),
          headers: session?.headers,
          ...(['GET', 'DELETE'].includes(route.method) ? {} : { payload: {} }),
        });
        if (role && route.url === '/api/v1/auth/logout') sessions.set(role, await t.signIn(role));
        const allowed = allows(route.permission, role ? [role] : null);
        const denied = res.statusCode === 401 || res.statusCode === 403;
        const expected = allowed ? 'allowed' : role ? '403' : '401';
        const ok = allowed ? !denied : res.statusCode === (role ? 403 : 401);
        if (!ok) mismatches.push(`${route.method} ${route.url} as ${role ?? 'public'}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('refuses to register an API route without a permission entry', () => {
    const app = Fastify();
    guardRoutePermissions(app as never, []);
    expect(() => app.get('/api/v1/unguarded', async () => 'x')).toThrow(/no valid config.permission/);
    expect(() => app.get('/api/v1/typo', { config: { permission: 'audit.raed' as never } }, async () => 'x')).toThrow();
  });
});
