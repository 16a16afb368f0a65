import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateUserInput, RegisterInput } from '../../../shared/contracts/accounts';
import { type Tx, withTransaction } from '../audit/audit';
import type { Ctx, RoleGrant } from '../context';
import { conflict } from '../errors';
import { userRoles, users } from './accounts.tables';
import { hashPassword } from './secrets';
import { createSession } from './sessions';
import { findUser } from './users';

/** Self-registration: entrepreneurs sign up as enterprise members; other roles are granted by an admin. */
export async function register(ctx: Ctx, input: z.output<typeof RegisterInput>, userAgent: string | null) {
  const passwordHash = await hashPassword(input.password);
  const { userId, session } = await withTransaction(ctx, async (tx, audit) => {
    const userId = await insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      locale: input.locale ?? ctx.lang,
      roles: [{ role: 'enterprise_member', scopeType: null, scopeId: null }],
    });
    const session = await createSession(tx, ctx.config, userId, { ip: ctx.ip, userAgent });
    await audit({ action: 'user.register', entityType: 'user', entityId: userId, after: { email: input.email, displayName: input.displayName } });
    return { userId, session };
  });
  return { session, user: (await findUser(ctx.database.db, userId))! };
}

/** An admin creates an account (or the CLI creates the first admin). */
export async function createUser(ctx: Ctx, input: z.output<typeof CreateUserInput>, opts: { isDemo?: boolean } = {}) {
  const passwordHash = await hashPassword(input.password);
  const userId = await withTransaction(ctx, async (tx, audit) => {
    const id = await insertUser(tx, { ...input, passwordHash, isDemo: opts.isDemo });
    await audit({ action: 'user.create', entityType: 'user', entityId: id, after: { email: input.email, displayName: input.displayName, roles: input.roles } });
    return id;
  });
  return (await findUser(ctx.database.db, userId))!;
}

type NewUser = { email: string; displayName: string; passwordHash: string; locale: string; roles: RoleGrant[]; isDemo?: boolean };

async function insertUser(tx: Tx, u: NewUser): Promise<string> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
  if (existing) throw conflict('email_taken');
  const [row] = await tx
    .insert(users)
    .values({ email: u.email, displayName: u.displayName, passwordHash: u.passwordHash, locale: u.locale, isDemo: u.isDemo ?? false })
    .returning({ id: users.id });
  if (u.roles.length) await tx.insert(userRoles).values(dedupe(u.roles).map((g) => ({ ...g, userId: row.id })));
  return row.id;
}

export function dedupe(grants: RoleGrant[]): RoleGrant[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = `${g.role}|${g.scopeType ?? ''}|${g.scopeId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
