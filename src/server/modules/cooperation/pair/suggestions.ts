import type { z } from 'zod';
import type { Suggestion, Suggestions } from '../../../../shared/contracts/cooperation';
import type { Ctx } from '../../../platform/context';
import { conceptsOfSectors, listingsBySectors, organisationsBySectors, type SectorHit, withChildSectors } from '../../techmarket/matching/by-sectors';
import { conceptLabels, conceptIndex } from '../../techmarket/text/concepts';
import { techmarketReference } from '../../techmarket/text/reference';
import { getAgreement } from '../agreements/read-agreements';
import { cooperationTaxonomy } from '../agreements/taxonomy';

type SuggestionOut = z.infer<typeof Suggestion>;
type Reason = SuggestionOut['reasons'][number];
type Area = { key: string; labels: Record<string, string>; direct: Set<string>; all: Set<string> };

/** How much each kind of fit weighs: a sector the area names, one below it, a concept, a link to a party. */
export const WEIGHTS = { directSector: 3, childSector: 2, concept: 1, maxConcepts: 3, party: 2, extraArea: 0.5, maxExtraAreas: 2 } as const;
const PER_SIDE = 12;

/**
 * Scores one hit against the agreement's areas and says why it fits: the areas and the sector (its own, or a zone's
 * focus industry), the dictionary concepts its texts show, and a link to a party (a zone the party governs, an
 * enterprise hosted in a party zone, a listing a party owns). Pure, so it is tested without a database.
 */
export function scoreHit(
  hit: Pick<SectorHit, 'sector' | 'concepts' | 'links'>,
  areas: Area[],
  parties: { id: string; name: string }[],
): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const areaHits = new Set<string>();
  const sectorNames = new Map(techmarketReference().sectors.map((s) => [s.code, s.names as Record<string, string>]));
  const conceptSector = new Map([...conceptIndex().byCode.values()].map((c) => [c.code, c.sector ?? null]));
  let score = 0;
  if (hit.sector) {
    const inAreas = areas.filter((a) => a.all.has(hit.sector!));
    for (const a of inAreas) areaHits.add(a.key);
    score += inAreas.some((a) => a.direct.has(hit.sector!)) ? WEIGHTS.directSector : inAreas.length ? WEIGHTS.childSector : 0;
    reasons.push({ type: 'sector', key: hit.sector, label: sectorNames.get(hit.sector) ?? { en: hit.sector } });
  }
  const concepts = hit.concepts.slice(0, WEIGHTS.maxConcepts);
  for (const c of concepts) {
    const sector = conceptSector.get(c);
    for (const a of areas) if (sector && a.all.has(sector)) areaHits.add(a.key);
    reasons.push({ type: 'concept', key: c, label: conceptLabels(c) });
  }
  score += concepts.length * WEIGHTS.concept;
  for (const p of parties) {
    if (hit.links.includes(p.id)) {
      reasons.push({ type: 'party', key: p.id, label: { en: p.name, zh: p.name, ur: p.name } });
      score += WEIGHTS.party;
    }
  }
  const matchedAreas = areas.filter((a) => areaHits.has(a.key));
  score += Math.min(WEIGHTS.maxExtraAreas, Math.max(0, matchedAreas.length - 1)) * WEIGHTS.extraArea;
  return { score, reasons: [...matchedAreas.map((a): Reason => ({ type: 'area', key: a.key, label: a.labels })), ...reasons] };
}

/** The agreement's areas with the market sectors each maps to: the area itself when it is a sector, else areas.json's; children included. */
export function areasOf(keys: readonly string[]): Area[] {
  const taxonomy = cooperationTaxonomy().areas;
  return keys.flatMap((key) => {
    const a = taxonomy.find((t) => t.key === key);
    if (!a) return [];
    return [{ key, labels: a.labels, direct: new Set(a.sectors), all: new Set(withChildSectors(a.sectors)) }];
  });
}

const SUGGESTION_KIND: Record<SectorHit['kind'], SuggestionOut['kind'] | null> = {
  enterprise: 'enterprise',
  institution: 'institution',
  zone: 'zone',
  incubator: null,
  offer: 'offer',
  need: 'need',
};

/**
 * Cross-border suggestions for an agreement (issue 7): for each side (the parties' countries), the enterprises,
 * institutions, zones and technology-market listings of that country that fit the agreement's areas, best first,
 * each with its reasons in three languages. Public for a published agreement; staff for drafts (getAgreement decides).
 */
export async function agreementSuggestions(ctx: Ctx, agreementId: string, options: { perSide?: number } = {}): Promise<z.infer<typeof Suggestions>> {
  const agreement = await getAgreement(ctx, agreementId);
  const areas = areasOf(agreement.areas);
  const sectors = [...new Set(areas.flatMap((a) => [...a.all]))];
  const concepts = conceptsOfSectors(sectors);
  const countries = [...new Set(agreement.parties.map((p) => p.org.country))];
  const parties = agreement.parties.flatMap((p) => (p.org.entityId ? [{ id: p.org.entityId, name: p.org.name }] : []));
  const partyIds = new Set(parties.map((p) => p.id));
  const db = ctx.database.db;
  const sides = await Promise.all(
    countries.map(async (country) => {
      if (sectors.length === 0) return { country, items: [] };
      const [orgs, listings] = await Promise.all([
        organisationsBySectors(db, { sectors, concepts, country }),
        listingsBySectors(db, { sectors, concepts, country }),
      ]);
      const items = [...orgs, ...listings]
        .filter((h) => !partyIds.has(h.id) && SUGGESTION_KIND[h.kind])
        .map((h): SuggestionOut => {
          const { score, reasons } = scoreHit(h, areas, parties);
          const name = Object.fromEntries(Object.entries(h.names).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0));
          return { kind: SUGGESTION_KIND[h.kind]!, id: h.id, name, country: h.country, reasons, score };
        })
        .filter((s) => s.reasons.length > 0)
        .sort((a, b) => b.score - a.score || (a.name.en ?? '').localeCompare(b.name.en ?? '') || (a.id < b.id ? -1 : 1))
        .slice(0, options.perSide ?? PER_SIDE);
      return { country, items };
    }),
  );
  return { sides };
}
