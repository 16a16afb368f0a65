import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import type { Actor } from '../../../platform/context';
import { enterprises, institutions } from '../../registry/registry.tables';

/** The organisation a user's grant names (their enterprise or institution), as a requester presents themselves. */
export async function organisationOf(db: Db | Tx, actor: Actor): Promise<{ name: string; country: string } | null> {
  const grant = actor.roles.find((g) => (g.scopeType === 'enterprise' || g.scopeType === 'organisation') && g.scopeId);
  if (!grant) return null;
  for (const table of [enterprises, institutions]) {
    const [row] = await db.select({ names: table.names, country: table.country }).from(table).where(eq(table.id, grant.scopeId!));
    if (row) return { name: row.names.en, country: row.country };
  }
  return null;
}
