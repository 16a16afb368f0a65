import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { Tx } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { userRoles, users } from '../../platform/accounts/accounts.tables';
import { notify } from '../../platform/notifications/notify';

/** At most this many people are told of one waiting item (a national queue is worked by a team, not by everyone). */
const AT_MOST = 50;

/**
 * Tells the technology transfer agents who work a queue that something waits there: the market's moderators (every
 * transfer agent, as `isModerator` reads it) for a listing, or the officers of one agency (scoped to it, or to every
 * agency) for a contract. In the transaction of the change; the actor is not told of their own act.
 */
export async function tellReviewers(
  tx: Tx,
  actor: Actor | null,
  queue: { agencyId: string } | 'moderation',
  kind: string,
  params: Record<string, unknown>,
  link: string,
): Promise<number> {
  const scope =
    queue === 'moderation' ? undefined : or(isNull(userRoles.scopeType), and(eq(userRoles.scopeType, 'organisation'), eq(userRoles.scopeId, queue.agencyId)));
  const rows = await tx
    .selectDistinct({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'transfer_agent'), eq(users.status, 'active'), actor ? ne(users.id, actor.userId) : undefined, scope))
    .limit(AT_MOST);
  for (const { id } of rows) await notify(tx, id, kind, params, link);
  return rows.length;
}
