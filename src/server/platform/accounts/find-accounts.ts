import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { AccountHit } from '../../../shared/contracts/accounts';
import type { Db } from '../../db/client';
import { users } from './accounts.tables';
import { rolesOf } from './users';

/**
 * Active accounts whose name (or address) holds the words typed, for giving a colleague work: each with their name
 * and roles only — the address is matched (from its start), never returned, and scopes are not told.
 */
export async function findAccounts(db: Db, q: string, limit: number): Promise<AccountHit[]> {
  const words = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.status, 'active'), or(ilike(users.displayName, `%${words}%`), ilike(users.email, `${words}%`))))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(limit);
  const roles = await rolesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, roles: [...new Set((roles.get(r.id) ?? []).map((g) => g.role))] }));
}
