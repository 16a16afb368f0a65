import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Tx } from '../audit/audit';
import type { Actor } from '../context';
import { apiTokens, sessions, users } from './accounts.tables';
import { randomToken, sha256 } from './secrets';
import { rolesJson } from './users';

export const SESSION_COOKIE = 'seedbed_session';
export const API_TOKEN_PREFIX = 'sbt_';

export async function createSession(
  tx: Tx,
  config: Config,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + config.sessionDays * 86_400_000);
  await tx.insert(sessions).values({ id: sha256(token), userId, csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null });
  return { token, csrfToken, expiresAt };
}

export type ResolvedSession = { actor: Actor; csrfToken: string };

export async function resolveSession(db: Db, token: string): Promise<ResolvedSession | null> {
  const id = sha256(token);
  const [row] = await db
    .select({ session: sessions, user: users, roles: rolesJson })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date()), eq(users.status, 'active')));
  if (!row) return null;
  return {
    actor: { userId: row.user.id, email: row.user.email, displayName: row.user.displayName, locale: row.user.locale, roles: row.roles, via: 'session', sessionId: id },
    csrfToken: row.session.csrfToken,
  };
}

export async function resolveApiToken(db: Db, token: string): Promise<Actor | null> {
  const now = new Date();
  const [row] = await db
    .select({ token: apiTokens, user: users, roles: rolesJson })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(users.status, 'active'),
      ),
    );
  if (!row) return null;
  // Last use is a hint for the owner, not an audited write; it is rounded to the minute to spare the database.
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  return { userId: row.user.id, email: row.user.email, displayName: row.user.displayName, locale: row.user.locale, roles: row.roles, via: 'token' };
}

export async function endSessionsOf(tx: Tx, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}
