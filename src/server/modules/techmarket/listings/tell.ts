import type { Tx } from '../../../platform/audit/audit';
import type { Actor } from '../../../platform/context';
import { notify } from '../../../platform/notifications/notify';

const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';

/**
 * An in-app notification (kind under messages:notification.), in the transaction of the change it tells of.
 * Nobody is told of their own act, and listings the system wrote (demo content) have no one to tell.
 */
export async function tell(tx: Tx, actor: Actor | null, userId: string | null, kind: string, params: Record<string, unknown>, link: string) {
  if (!userId || userId === SYSTEM_USER || userId === actor?.userId) return;
  await notify(tx, userId, kind, params, link);
}
