import { eq } from 'drizzle-orm';
import { ROLES, type Role } from '../../../shared/roles';
import type { Ctx } from '../context';
import { users } from './accounts.tables';
import { createUser } from './register';

/** One demo account per role, e.g. zone-manager@demo.seedbed.local. */
export const demoEmail = (role: Role) => `${role.replaceAll('_', '-')}@demo.seedbed.local`;

export const demoAccounts = () => ROLES.map((role) => ({ email: demoEmail(role), role }));

const DEMO_NAMES: Record<Role, string> = {
  admin: 'Demo Administrator',
  ministry_analyst: 'Demo Ministry Analyst',
  zone_manager: 'Demo Zone Manager',
  incubator_manager: 'Demo Incubator Manager',
  program_officer: 'Demo Program Officer',
  reviewer: 'Demo Expert Reviewer',
  mentor: 'Demo Mentor',
  investor: 'Demo Investor',
  enterprise_member: 'Demo Entrepreneur',
  cooperation_officer: 'Demo Cooperation Officer',
  transfer_agent: 'Demo Technology Transfer Agent',
};

/** Creates the demo accounts that are missing; returns the e-mails created. */
export async function ensureDemoAccounts(ctx: Ctx, password: string): Promise<string[]> {
  const created: string[] = [];
  for (const role of ROLES) {
    const email = demoEmail(role);
    const [existing] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) continue;
    await createUser(
      ctx,
      { email, displayName: DEMO_NAMES[role], password, locale: 'en', roles: [{ role, scopeType: null, scopeId: null }] },
      { isDemo: true },
    );
    created.push(email);
  }
  return created;
}
