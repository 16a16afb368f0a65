import { and, count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateApiTokenInput } from '../../../shared/contracts/accounts';
import { withTransaction } from '../audit/audit';
import { type Ctx, requireActor } from '../context';
import { notFound } from '../errors';
import { apiTokens } from './accounts.tables';
import { randomToken, sha256 } from './secrets';
import { API_TOKEN_PREFIX } from './sessions';

type TokenRow = typeof apiTokens.$inferSelect;
const toDto = (r: TokenRow) => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt?.toISOString() ?? null,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

export async function listApiTokens(ctx: Ctx, page: { limit: number; offset: number }) {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  const where = eq(apiTokens.userId, actor.userId);
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(apiTokens).where(where).orderBy(desc(apiTokens.createdAt)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(apiTokens).where(where),
  ]);
  return { items: rows.map(toDto), total: n };
}

/** The secret is shown once; only its SHA-256 is stored. */
export async function createApiToken(ctx: Ctx, input: z.output<typeof CreateApiTokenInput>) {
  const actor = requireActor(ctx);
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await withTransaction(ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.userId, name: input.name, tokenHash: sha256(token), prefix: token.slice(0, 10), expiresAt })
      .returning();
    await audit({ action: 'api_token.create', entityType: 'api_token', entityId: row.id, after: toDto(row) });
    return row;
  });
  return { ...toDto(row), token };
}

export async function revokeApiToken(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(apiTokens).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId)));
    if (!before) throw notFound();
    if (before.revokedAt) return;
    const [after] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id)).returning();
    await audit({ action: 'api_token.revoke', entityType: 'api_token', entityId: id, before: toDto(before), after: toDto(after) });
  });
}
