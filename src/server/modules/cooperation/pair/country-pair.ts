import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgreementSummary, CountryPair, FocalPerson, Opportunity } from '../../../../shared/contracts/cooperation';
import type { Ctx } from '../../../platform/context';
import { badRequest } from '../../../platform/errors';
import { marketStats } from '../../techmarket/stats/market-stats';
import { listAgreements } from '../agreements/read-agreements';
import { isoDay, scorecard } from '../agreements/scorecard';
import { sideScorecards } from '../agreements/side-scorecards';
import { coopCommitments, coopOpportunities } from '../cooperation.tables';
import { listDelegations } from '../delegations/read-delegations';
import { listFocalPersons } from '../focal/read-focal';
import { opportunitiesFor, visibleTo } from '../opportunities/read-opportunities';

type Pair = [string, string];
type DelegationSummary = CountryPair['delegations'][number];

/** Two different two-letter country codes, in the order asked ("PK-CN" and "CN-PK" are the same pair). */
export function parsePair(pair: string): Pair | null {
  const m = /^([A-Z]{2})-([A-Z]{2})$/.exec(pair);
  if (!m || m[1] === m[2]) return null;
  return [m[1], m[2]];
}

async function allPages<T>(page: (offset: number) => Promise<{ items: T[]; total: number }>, size: number): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += size) {
    const { items, total } = await page(offset);
    out.push(...items);
    if (items.length === 0 || out.length >= total) return out;
  }
}

/** Technology contracts registered between the two countries (either way), per currency; null when the market has no statistics. */
async function techContractsBetween(ctx: Ctx, [a, b]: Pair): Promise<CountryPair['techContracts']> {
  try {
    const first = await marketStats(ctx, { by: 'country' });
    const keys = new Set([`${a}→${b}`, `${b}→${a}`]);
    let count = 0;
    const byCurrency: { currency: string; amount: number }[] = [];
    for (const currency of first.currencies) {
      const stats = currency === first.currency ? first : await marketStats(ctx, { by: 'country', currency: currency as never });
      const rows = stats.rows.filter((r) => keys.has(r.key));
      const n = rows.reduce((s, r) => s + r.count, 0);
      if (n === 0) continue;
      count += n;
      byCurrency.push({ currency, amount: rows.reduce((s, r) => s + r.amount, 0) });
    }
    return { count, byCurrency };
  } catch (e) {
    ctx.log.warn({ err: e }, 'technology market statistics not available for the country pair');
    return null;
  }
}

/** Opportunities one side offers the other: offered by an organisation of one country, for the other country or for anyone. */
async function pairOpportunities(ctx: Ctx, [a, b]: Pair, today: string): Promise<Opportunity[]> {
  const o = coopOpportunities;
  const offeredIn = (c: string) => sql`${o.offeredBy}->>'country' = ${c}`;
  const rows = await ctx.database.db
    .select()
    .from(o)
    .where(
      and(
        visibleTo(ctx),
        or(and(offeredIn(a), or(eq(o.forCountry, b), isNull(o.forCountry))), and(offeredIn(b), or(eq(o.forCountry, a), isNull(o.forCountry)))),
      ),
    )
    .orderBy(sql`${o.deadline} asc nulls last`, o.createdAt, o.id);
  return opportunitiesFor(ctx, rows, { today });
}

/**
 * The relationship of two countries (issue 7): the agreements with parties of both with their scorecard overall and
 * per side, the delegations between them either way, the focal persons of both, what one side offers the other, and
 * the technology contracts registered between them. What the reader may see only (public: published, no notes).
 */
export async function countryPair(ctx: Ctx, pairText: string, today = isoDay()): Promise<CountryPair> {
  const pair = parsePair(pairText);
  if (!pair) throw badRequest('cooperation.pair.bad_pair', { pair: pairText });
  const countries = `${pair[0]}-${pair[1]}`;
  const [agreements, delegations, focalA, focalB, opportunities, techContracts] = await Promise.all([
    allPages<z.infer<typeof AgreementSummary>>((offset) => listAgreements(ctx, { countries, limit: 100, offset }, today), 100),
    allPages<DelegationSummary>((offset) => listDelegations(ctx, { countries, limit: 100, offset }), 100),
    allPages<FocalPerson>((offset) => listFocalPersons(ctx, { country: pair[0], limit: 200, offset }), 200),
    allPages<FocalPerson>((offset) => listFocalPersons(ctx, { country: pair[1], limit: 200, offset }), 200),
    pairOpportunities(ctx, pair, today),
    techContractsBetween(ctx, pair),
  ]);
  const ids = agreements.map((a) => a.id);
  const commitments = ids.length
    ? await ctx.database.db
        .select({ status: coopCommitments.status, dueOn: coopCommitments.dueOn, deliveredOn: coopCommitments.deliveredOn })
        .from(coopCommitments)
        .where(inArray(coopCommitments.agreementId, ids))
    : [];
  const sides = ids.length ? await sideScorecards(ctx, ids, today) : [];
  const empty = scorecard([], today);
  return {
    countries: pair,
    agreements,
    scorecard: scorecard(commitments, today),
    sides: pair.map((country) => ({ country, scorecard: sides.find((s) => s.country === country)?.scorecard ?? empty })),
    delegations,
    focalPersons: [...focalA, ...focalB],
    opportunities,
    techContracts,
  };
}
