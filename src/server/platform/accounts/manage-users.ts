import { and, asc, count, desc, eq, ilike, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListQuery } from '../../../shared/contracts/common';
import type { SetRolesInput, UpdateUserInput } from '../../../shared/contracts/accounts';
import { type Tx, withTransaction } from '../audit/audit';
import type { Ctx } from '../context';
import { AppError, notFound } from '../errors';
import { notify } from '../notifications/notify';
import { sessions, userRoles, users } from './accounts.tables';
import { dedupe } from './register';
import { findUser, rolesOf, toUser } from './users';

const SORTS = {
  email: asc(users.email),
  '-email': desc(users.email),
  displayName: asc(users.displayName),
  '-displayName': desc(users.displayName),
  createdAt: asc(users.createdAt),
  '-createdAt': desc(users.createdAt),
} as const;

export async function listUsers(ctx: Ctx, query: z.output<typeof ListQuery>) {
  const db = ctx.database.db;
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = pattern ? or(ilike(users.email, pattern), ilike(users.displayName, pattern)) : undefined;
  const order = SORTS[query.sort as keyof typeof SORTS] ?? SORTS.email;
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(users).where(where).orderBy(order, asc(users.id)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const roles = await rolesOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toUser(r, roles.get(r.id) ?? [])), total: n };
}

export async function getUser(ctx: Ctx, id: string) {
  const user = await findUser(ctx.database.db, id);
  if (!user) throw notFound();
  return user;
}

export async function updateUser(ctx: Ctx, id: string, input: z.output<typeof UpdateUserInput>) {
  if (Object.values(input).every((v) => v === undefined)) return getUser(ctx, id);
  await withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw notFound();
    if (input.status === 'disabled' && before.status === 'active') {
      await guardLastAdmin(tx, id);
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    const [after] = await tx.update(users).set(input).where(eq(users.id, id)).returning();
    const pick = (u: typeof before) => ({ displayName: u.displayName, status: u.status, locale: u.locale });
    await audit({ action: 'user.update', entityType: 'user', entityId: id, before: pick(before), after: pick(after) });
  });
  return getUser(ctx, id);
}

export async function setRoles(ctx: Ctx, id: string, input: z.output<typeof SetRolesInput>) {
  await withTransaction(ctx, async (tx, audit) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
    if (!target) throw notFound();
    const before = (await rolesOf(tx, [id])).get(id) ?? [];
    const after = dedupe(input.roles);
    if (before.some((g) => g.role === 'admin') && !after.some((g) => g.role === 'admin')) await guardLastAdmin(tx, id);
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    if (after.length) await tx.insert(userRoles).values(after.map((g) => ({ ...g, userId: id })));
    await notify(tx, id, 'roles_changed');
    await audit({ action: 'user.set_roles', entityType: 'user', entityId: id, before: { roles: before }, after: { roles: after } });
  });
  return getUser(ctx, id);
}

/** A deployment must always keep one active admin who can sign in. */
async function guardLastAdmin(tx: Tx, leavingUserId: string): Promise<void> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'admin'), eq(users.status, 'active'), ne(users.id, leavingUserId)));
  if (n === 0) throw new AppError(409, 'last_admin');
}
