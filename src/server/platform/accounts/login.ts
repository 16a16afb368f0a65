import { and, count, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { LoginInput } from '../../../shared/contracts/accounts';
import { withTransaction } from '../audit/audit';
import type { Ctx } from '../context';
import { AppError, tooManyRequests } from '../errors';
import { loginAttempts, users } from './accounts.tables';
import { burnPasswordCheck, verifyPassword } from './secrets';
import { createSession } from './sessions';
import { findUser } from './users';

/** Login throttling: per account and per client address, over a sliding window. */
export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perIp: 30 } as const;

export async function login(ctx: Ctx, input: z.output<typeof LoginInput>, userAgent: string | null) {
  await checkThrottle(ctx, input.email);
  const db = ctx.database.db;
  const [row] = await db.select().from(users).where(eq(users.email, input.email));
  const ok = row ? await verifyPassword(row.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!ok || !row) {
    await db.insert(loginAttempts).values({ email: input.email, ip: ctx.ip ?? 'unknown', succeeded: false });
    throw new AppError(401, 'invalid_credentials');
  }
  if (row.status !== 'active') throw new AppError(403, 'account_disabled');
  const actorCtx: Ctx = { ...ctx, actor: { userId: row.id, email: row.email, displayName: row.displayName, locale: row.locale, roles: [], via: 'session' } };
  const session = await withTransaction(actorCtx, async (tx, audit) => {
    await tx.insert(loginAttempts).values({ email: input.email, ip: ctx.ip ?? 'unknown', succeeded: true });
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, row.id));
    const s = await createSession(tx, ctx.config, row.id, { ip: ctx.ip, userAgent });
    await audit({ action: 'auth.login', entityType: 'user', entityId: row.id });
    return s;
  });
  const user = await findUser(db, row.id);
  return { session, user: user! };
}

async function checkThrottle(ctx: Ctx, email: string): Promise<void> {
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMs);
  const db = ctx.database.db;
  const failuresFor = async (where: ReturnType<typeof and>) =>
    (await db.select({ n: count() }).from(loginAttempts).where(where))[0]?.n ?? 0;
  const [byAccount, byIp] = await Promise.all([
    failuresFor(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since))),
    failuresFor(and(eq(loginAttempts.ip, ctx.ip ?? 'unknown'), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since))),
  ]);
  const waitSeconds = LOGIN_LIMITS.windowMs / 1000;
  if (byAccount >= LOGIN_LIMITS.perAccount) throw tooManyRequests('account_locked', waitSeconds);
  if (byIp >= LOGIN_LIMITS.perIp) throw tooManyRequests('rate_limited', waitSeconds);
}
