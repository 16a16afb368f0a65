import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness';
import { auditLog } from '../audit/audit.tables';
import { emailOutbox } from '../notifications/notifications.tables';
import { LOGIN_LIMITS } from './login';

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers });
  const lastAudit = async () => (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

  it('registers, signs in with an httpOnly SameSite cookie, and signs out', async () => {
    const reg = await post('/api/v1/auth/register', { email: 'Founder@Example.org', password: 'a-long-password', displayName: '张伟' });
    expect(reg.statusCode).toBe(201);
    expect(reg.json().user).toMatchObject({ email: 'founder@example.org', displayName: '张伟', roles: [{ role: 'enterprise_member' }] });
    expect(await lastAudit()).toMatchObject({ action: 'user.register', entityType: 'user' });

    const login = await post('/api/v1/auth/login', { email: 'founder@example.org', password: 'a-long-password' });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = `seedbed_session=${login.cookies[0].value}`;
    const csrf = login.json().csrfToken;

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json().displayName).toBe('张伟');

    const out = await post('/api/v1/auth/logout', {}, { cookie, 'x-csrf-token': csrf });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a duplicate e-mail with 409 and writes nothing', async () => {
    await post('/api/v1/auth/register', { email: 'dup@example.org', password: 'a-long-password', displayName: 'A' });
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const res = await post('/api/v1/auth/register', { email: 'DUP@example.org', password: 'a-long-password', displayName: 'B' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('email_taken');
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0].n).toBe(before[0].n);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const s = await t.signIn('enterprise_member');
    const without = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: s.cookie }, payload: { displayName: 'X' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: s.cookie, 'x-csrf-token': 'nope' }, payload: { displayName: 'X' } });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: s.headers, payload: { displayName: 'Ayesha Khan' } });
    expect(right.statusCode).toBe(200);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'user.update_profile', entityId: s.userId, after: { displayName: 'Ayesha Khan' } });
  });

  it('wrong password is 401; repeated failures lock the account with 429 and Retry-After', async () => {
    await t.signIn('mentor', { email: 'locked@example.org' });
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      const res = await post('/api/v1/auth/login', { email: 'locked@example.org', password: 'wrong-password' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
    }
    const locked = await post('/api/v1/auth/login', { email: 'locked@example.org', password: TEST_PASSWORD }, { 'accept-language': 'zh-CN' });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    expect(locked.json().error.message).toMatch(/锁定/);
  });

  it('personal API tokens authenticate machine clients without CSRF, until revoked', async () => {
    const s = await t.signIn('ministry_analyst');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: s.headers, payload: { name: 'etl' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^sbt_/);
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth })).json().email).toBe('ministry_analyst@test.seedbed.local');
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: auth, payload: { locale: 'ur' } })).statusCode).toBe(200);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: auth });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: s.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth })).statusCode).toBe(401);
  });

  it('resets a password by a token e-mailed through the outbox, ending old sessions', async () => {
    const s = await t.signIn('investor');
    expect((await post('/api/v1/auth/password-reset/request', { email: 'investor@test.seedbed.local' })).statusCode).toBe(202);
    expect((await post('/api/v1/auth/password-reset/request', { email: 'nobody@example.org' })).statusCode).toBe(202);
    const [mail] = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'investor@test.seedbed.local'));
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail.bodyText)![1]);
    expect((await post('/api/v1/auth/password-reset/confirm', { token, password: 'brand-new-password' })).statusCode).toBe(204);
    expect((await post('/api/v1/auth/password-reset/confirm', { token, password: 'another-password' })).json().error.code).toBe('invalid_token');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/login', { email: 'investor@test.seedbed.local', password: 'brand-new-password' })).statusCode).toBe(200);
  });

  it('admins manage roles with scopes, and cannot remove the last admin', async () => {
    const admin = await t.signIn('admin');
    const zm = await t.signIn('zone_manager', { email: 'zm@example.org' });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${zm.userId}/roles`,
      headers: admin.headers,
      payload: { roles: [{ role: 'zone_manager', scopeType: 'zone', scopeId: 'zhongguancun' }] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().roles).toEqual([{ role: 'zone_manager', scopeType: 'zone', scopeId: 'zhongguancun' }]);
    expect(await lastAudit()).toMatchObject({ action: 'user.set_roles', entityId: zm.userId });
    const demote = await t.app.inject({ method: 'PUT', url: `/api/v1/users/${admin.userId}/roles`, headers: admin.headers, payload: { roles: [] } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_admin');
  });

  it('keeps the audit log append-only, even for direct SQL', async () => {
    const failure = (q: ReturnType<typeof sql>) =>
      t.database.db.execute(q).then(
        () => 'allowed',
        (e: Error & { cause?: Error }) => (e.cause ?? e).message,
      );
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(await failure(sql`UPDATE audit_log SET action = 'forged'`)).toMatch(/append-only/);
    expect(await failure(sql`DELETE FROM audit_log`)).toMatch(/append-only/);
    expect(await failure(sql`TRUNCATE audit_log`)).toMatch(/append-only/);
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0].n).toBe(before[0].n);
  });

  it('lists and filters the audit log for admins only', async () => {
    const admin = await t.signIn('admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit-events?entityType=user&action=user.set_roles', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    expect(res.json().items.every((e: { action: string }) => e.action === 'user.set_roles')).toBe(true);
    expect(JSON.stringify(res.json())).not.toMatch(/passwordHash|argon2/);
    const other = await t.signIn('reviewer');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: other.headers })).statusCode).toBe(403);
  });
});
