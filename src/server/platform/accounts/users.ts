import { asc, eq, inArray } from 'drizzle-orm';
import type { User } from '../../../shared/contracts/accounts';
import type { Db } from '../../db/client';
import type { Tx } from '../audit/audit';
import type { RoleGrant } from '../context';
import { userRoles, users } from './accounts.tables';

type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow, roles: RoleGrant[]): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale as User['locale'],
    status: row.status as User['status'],
    isDemo: row.isDemo,
    roles,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

export async function rolesOf(db: Db | Tx, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
  const map = new Map<string, RoleGrant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await db
    .select()
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role), asc(userRoles.scopeType), asc(userRoles.scopeId));
  for (const r of rows) {
    map.get(r.userId)?.push({ role: r.role as RoleGrant['role'], scopeType: r.scopeType as RoleGrant['scopeType'], scopeId: r.scopeId });
  }
  return map;
}

export async function findUser(db: Db | Tx, id: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) return null;
  return toUser(row, (await rolesOf(db, [id])).get(id) ?? []);
}
