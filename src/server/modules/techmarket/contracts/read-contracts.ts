import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ContractQuery, type TechContract } from '../../../../shared/contracts/techmarket';
import { type Ctx, requireActor } from '../../../platform/context';
import { forbidden, notFound } from '../../../platform/errors';
import { tmContracts } from '../techmarket.tables';
import { canRead, officerAgencies, readerReach } from './access';
import { toTechContract } from './contract-dto';
import { parseInput } from './guard';

/**
 * Contracts a reader may list: `mine` (submitted by the reader), `agency` (at the agencies the reader
 * reviews for; waiting for review unless a status is asked) or `all` (the market's readers, within their
 * reach). Newest first; the total is counted up to 10,000 (a reader pages, or narrows by year, kind or status).
 */
const TOTAL_CAP = 10_000;

export async function listContracts(ctx: Ctx, raw: unknown): Promise<{ items: TechContract[]; total: number }> {
  const actor = requireActor(ctx);
  const query: z.output<typeof ContractQuery> = parseInput(ctx, ContractQuery, raw);
  const scope = scopeCondition(actor, query.scope);
  const where = and(
    scope,
    query.status ? eq(tmContracts.status, query.status) : query.scope === 'agency' ? eq(tmContracts.status, 'submitted') : undefined,
    query.kind ? eq(tmContracts.kind, query.kind) : undefined,
    query.year ? eq(tmContracts.year, query.year) : undefined,
  );
  const db = ctx.database.db;
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(tmContracts).where(where).orderBy(desc(tmContracts.createdAt), desc(tmContracts.id)).limit(query.limit).offset(query.offset),
    db.select({ total: count() }).from(db.select({ one: sql`1` }).from(tmContracts).where(where).limit(TOTAL_CAP).as('counted')),
  ]);
  return { items: rows.map(toTechContract), total };
}

function scopeCondition(actor: ReturnType<typeof requireActor>, scope: 'mine' | 'agency' | 'all'): SQL | undefined {
  if (scope === 'mine') return eq(tmContracts.submittedBy, actor.userId);
  if (scope === 'agency') {
    const agencies = officerAgencies(actor);
    if (agencies === null) return undefined;
    if (agencies.length === 0) throw forbidden('techContracts.scope_agency_forbidden');
    return inArray(tmContracts.agencyId, agencies);
  }
  const reach = readerReach(actor);
  if (reach === 'none') throw forbidden('techContracts.scope_all_forbidden');
  if (reach === null) return undefined;
  return or(
    reach.agencies.length ? inArray(tmContracts.agencyId, reach.agencies) : undefined,
    reach.regions.length ? inArray(tmContracts.region, reach.regions) : undefined,
  );
}

/** One contract with its parties and agency: for its submitter's side, the agency and the market's readers (else 404). */
export async function getContract(ctx: Ctx, id: string): Promise<TechContract> {
  const actor = requireActor(ctx);
  const [row] = await ctx.database.db.select().from(tmContracts).where(eq(tmContracts.id, id));
  if (!row || !canRead(actor, row)) throw notFound();
  return toTechContract(row);
}
