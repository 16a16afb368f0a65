import { asc, eq, inArray, sql } from 'drizzle-orm';
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

/** A user's role grants as one JSON column, so a user and their roles come back in one query. */
export const rolesJson = sql<RoleGrant[]>`coalesce((
  SELECT json_agg(json_build_object('role', r.role, 'scopeType', r.scope_type, 'scopeId', r.scope_id) ORDER BY r.role, r.scope_type, r.scope_id)
  FROM user_roles r WHERE r.user_id = "users"."id"), '[]'::json)`;

export async function findUser(db: Db | Tx, id: string): Promise<User | null> {
  const [row] = await db.select({ user: users, roles: rolesJson }).from(users).where(eq(users.id, id));
  return row ? toUser(row.user, row.roles) : null;
}
