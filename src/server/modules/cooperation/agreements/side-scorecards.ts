import { and, asc, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Scorecard, ScorecardQuery, ScorecardTable } from '../../../../shared/contracts/cooperation';
import type { Db } from '../../../db/client';
import type { Ctx } from '../../../platform/context';
import { countries } from '../../registry/registry.tables';
import { coopAgreementParties, coopAgreements, coopCommitments } from '../cooperation.tables';
import { agreementConditions } from './read-agreements';
import { type CommitmentFacts, isoDay, scorecard } from './scorecard';

type PartyRow = typeof coopAgreementParties.$inferSelect;
type Owed = CommitmentFacts & { owedBy: string };

async function partiesAndCommitments(db: Db, agreementIds: string[]): Promise<{ parties: PartyRow[]; commitments: Owed[] }> {
  if (!agreementIds.length) return { parties: [], commitments: [] };
  const [parties, commitments] = await Promise.all([
    db
      .select()
      .from(coopAgreementParties)
      .where(inArray(coopAgreementParties.agreementId, agreementIds))
      .orderBy(asc(coopAgreementParties.agreementId), asc(coopAgreementParties.position)),
    db
      .select({ status: coopCommitments.status, dueOn: coopCommitments.dueOn, deliveredOn: coopCommitments.deliveredOn, owedBy: coopCommitments.owedBy })
      .from(coopCommitments)
      .where(inArray(coopCommitments.agreementId, agreementIds)),
  ]);
  return { parties, commitments };
}

/**
 * The scorecard of each side of these agreements: the commitments owed by parties of each country (the country-pair
 * view's "sides"). Every country that is a party appears, owing something or not; in the order first named.
 */
export async function sideScorecards(ctx: Ctx, agreementIds: string[], today = isoDay()): Promise<{ country: string; scorecard: Scorecard }[]> {
  const { parties, commitments } = await partiesAndCommitments(ctx.database.db, agreementIds);
  const countryOf = new Map(parties.map((p) => [p.id, p.country]));
  const order = [...new Set(parties.map((p) => p.country))];
  return order.map((country) => ({
    country,
    scorecard: scorecard(
      commitments.filter((c) => countryOf.get(c.owedBy) === country),
      today,
    ),
  }));
}

/** The party's identity across agreements: its registry entity, or its name and country as typed. */
const partnerKey = (p: PartyRow) => (p.entityId ? `${p.entityType}:${p.entityId}` : `typed:${p.country}:${p.name.trim().toLowerCase()}`);

/**
 * Scorecards by partner (a registry organisation, or one typed by name and country) or by country (the owing party's),
 * over the agreements the reader may see (published and terminated; staff also drafts). `agreements` counts the
 * agreements the partner or country is a party to.
 */
export async function scorecardTable(ctx: Ctx, query: z.output<typeof ScorecardQuery>, today = isoDay()): Promise<z.infer<typeof ScorecardTable>> {
  const db = ctx.database.db;
  const visible = await db
    .select({ id: coopAgreements.id })
    .from(coopAgreements)
    .where(and(...agreementConditions(ctx.actor, {})));
  const { parties, commitments } = await partiesAndCommitments(
    db,
    visible.map((a) => a.id),
  );
  const groups = new Map<string, { name: string; country: string; agreements: Set<string>; parties: Set<string> }>();
  for (const p of parties) {
    if (query.country && p.country !== query.country) continue;
    const key = query.by === 'partner' ? partnerKey(p) : p.country;
    const g = groups.get(key) ?? { name: p.name, country: p.country, agreements: new Set<string>(), parties: new Set<string>() };
    g.agreements.add(p.agreementId);
    g.parties.add(p.id);
    groups.set(key, g);
  }
  let countryNames = new Map<string, string>();
  if (query.by === 'country' && groups.size) {
    const rows = await db
      .select()
      .from(countries)
      .where(inArray(countries.code, [...groups.keys()]));
    countryNames = new Map(rows.map((c) => [c.code, (ctx.lang !== 'en' ? c.names[ctx.lang] : undefined) ?? c.names.en]));
  }
  const rows = [...groups.entries()].map(([key, g]) => ({
    key,
    name: query.by === 'country' ? (countryNames.get(key) ?? key) : g.name,
    country: g.country,
    agreements: g.agreements.size,
    scorecard: scorecard(
      commitments.filter((c) => g.parties.has(c.owedBy)),
      today,
    ),
  }));
  rows.sort((a, b) => b.agreements - a.agreements || a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
  return { by: query.by, rows };
}
