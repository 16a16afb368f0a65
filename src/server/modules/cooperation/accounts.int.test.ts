import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/accounts/accounts.tables';
import { makeTestApp, type Session, type TestApp } from '../../test/harness';

/**
 * An officer gives a commitment or a follow-up to a colleague found by name (the accounts that get the reminders):
 * active accounts only, name and roles — never the address; for those who manage cooperation only.
 */
describe('cooperation: finding the account that owns a commitment', () => {
  let t: TestApp;
  let officer: Session;
  let member: Session;
  const find = (s: Session | null, q: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/cooperation/accounts?q=${encodeURIComponent(q)}`, headers: s?.headers ?? {} });

  beforeAll(async () => {
    t = await makeTestApp();
    officer = await t.signIn('cooperation_officer');
    member = await t.signIn('enterprise_member', { email: 'ayesha.khan@partner.example.pk' });
    await t.database.db.update(users).set({ displayName: 'Ayesha Khan 艾莎' }).where(eq(users.id, member.userId));
    const gone = await t.signIn('program_officer', { email: 'gone@test.seedbed.local' });
    await t.database.db.update(users).set({ displayName: 'Ayesha Gone', status: 'disabled' }).where(eq(users.id, gone.userId));
  }, 60_000);
  afterAll(() => t.close());

  it('finds active accounts by part of the name, in any script, or by the start of the address', async () => {
    const byName = await find(officer, 'ayesha');
    expect(byName.statusCode, byName.body).toBe(200);
    expect(byName.json().items).toEqual([{ id: member.userId, displayName: 'Ayesha Khan 艾莎', roles: ['enterprise_member'] }]);
    expect((await find(officer, '艾莎')).json().items.map((a: { id: string }) => a.id)).toEqual([member.userId]);
    expect((await find(officer, 'ayesha.khan@')).json().items.map((a: { id: string }) => a.id)).toEqual([member.userId]);
    // The middle of an address finds nobody, and no answer carries one.
    expect((await find(officer, 'partner.example')).json().items).toEqual([]);
    expect(byName.body).not.toContain('@');
    // Wildcards are words, not patterns.
    expect((await find(officer, '%')).json().items).toEqual([]);
  });

  it('is for those who manage cooperation; an empty name is refused with a reason', async () => {
    expect((await find(member, 'ayesha')).statusCode).toBe(403);
    expect((await find(null, 'ayesha')).statusCode).toBe(401);
    const empty = await find(officer, '  ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0]).toMatchObject({ path: 'querystring.q' });
    expect(empty.json().error.details[0].message).toMatch(/\w/);
  });
});
