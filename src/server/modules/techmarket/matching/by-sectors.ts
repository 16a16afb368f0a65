import { sql } from 'drizzle-orm';
import { textArray } from '../../../db/bulk-insert';
import { type Db, queryRows } from '../../../db/client';
import type { Names } from '../../registry/registry.tables';
import { queryTerms as registryWords, quoteLexeme } from '../../registry/search-text';
import { conceptIndex, findConcepts } from '../text/concepts';
import { techmarketReference } from '../text/reference';

/**
 * What of the market and the registry fits a set of sectors (issue 7: cross-border suggestions for an agreement's
 * areas): registry organisations of one country — enterprises by their sector, and any organisation whose name
 * holds a term of the sectors' dictionary concepts, in any of the three languages (the registry search index) or
 * whose description or focus industries do — and the market's published listings of that country by sector or
 * concept. Read only; each hit says which sector and which concepts made it fit, for the caller's reasons.
 * Added beside the matcher (a new file): the existing matching and text modules are used as they are.
 */

/** The sectors with every sector below them in the taxonomy, each once, the given ones first. */
export function withChildSectors(codes: readonly string[]): string[] {
  const sectors = techmarketReference().sectors;
  const children = new Map<string, string[]>();
  for (const s of sectors) if (s.parent) children.set(s.parent, [...(children.get(s.parent) ?? []), s.code]);
  const out: string[] = [];
  const visit = (c: string) => {
    if (out.includes(c)) return;
    out.push(c);
    for (const k of children.get(c) ?? []) visit(k);
  };
  for (const c of codes) visit(c);
  return out.filter((c) => sectors.some((s) => s.code === c));
}

/** The dictionary concepts that belong to these sectors, in the sectors' order. */
export function conceptsOfSectors(sectors: readonly string[]): string[] {
  const bySector = new Map<string, string[]>();
  for (const c of techmarketReference().concepts) if (c.sector) bySector.set(c.sector, [...(bySector.get(c.sector) ?? []), c.code]);
  return sectors.flatMap((s) => bySector.get(s) ?? []);
}

export type SectorHit = {
  kind: 'enterprise' | 'institution' | 'zone' | 'incubator' | 'offer' | 'need';
  id: string;
  names: Partial<Names> & { en?: string };
  country: string;
  /** The sector of the item that is one of those asked (an enterprise's or a listing's), or a zone's focus industry read as one. */
  sector: string | null;
  /** Concepts of the sectors asked found in the item's names, description, focus industries or listing text. */
  concepts: string[];
  /** Registry links: a zone's governing body, an organisation's parent, an enterprise's host zone (for "party" reasons). */
  links: string[];
};

const NAME_TERMS = 120;
const PER_KIND = 200;

function namesQuery(concepts: readonly string[]): string | null {
  const index = conceptIndex();
  const groups = new Set<string>();
  for (const code of concepts) {
    const c = index.byCode.get(code);
    if (!c) continue;
    for (const term of [...c.terms.en, ...c.terms.zh, ...c.terms.ur]) {
      const words = registryWords(term);
      if (words.length) groups.add(words.length === 1 ? quoteLexeme(words[0]) : `(${words.map(quoteLexeme).join(' & ')})`);
      if (groups.size >= NAME_TERMS) break;
    }
    if (groups.size >= NAME_TERMS) break;
  }
  return groups.size ? [...groups].join(' | ') : null;
}

/** A free-text focus industry ("biotech", "information technology") read as a sector of the taxonomy, if it names one. */
function focusSector(focus: string[], sectors: readonly string[]): string | null {
  const byName = new Map<string, string>();
  for (const s of techmarketReference().sectors) {
    if (!sectors.includes(s.code)) continue;
    for (const n of [s.code.replaceAll('_', ' '), s.names.en, s.names.zh]) byName.set(n.toLowerCase(), s.code);
  }
  for (const f of focus) {
    const hit = byName.get(f.trim().toLowerCase());
    if (hit) return hit;
  }
  return null;
}

type OrgRow = {
  type: 'enterprise' | 'institution' | 'zone' | 'incubator';
  id: string;
  names: Names;
  description: Partial<Names> | null;
  country: string;
  sector: string | null;
  focus: string[] | null;
  links: string[] | null;
};

/**
 * Registry organisations of a country that fit the sectors: enterprises of those sectors, and enterprises,
 * institutions, zones and incubators whose names hold a concept's term; each with the concepts its texts show.
 * Organisations with neither a sector nor a concept of the set are dropped.
 */
export async function organisationsBySectors(
  db: Db,
  options: { sectors: readonly string[]; country: string; limit?: number; concepts?: readonly string[] },
): Promise<SectorHit[]> {
  const sectors = [...options.sectors];
  const concepts = options.concepts ? [...options.concepts] : conceptsOfSectors(sectors);
  const wanted = new Set(concepts);
  const query = namesQuery(concepts);
  const byName = query
    ? await queryRows<{ entity_type: string; entity_id: string }>(
        db,
        sql`SELECT entity_type, entity_id FROM search_entries
             WHERE entity_type IN ('enterprise', 'institution', 'zone', 'incubator') AND country = ${options.country} AND terms @@ ${query}::tsquery
             LIMIT ${PER_KIND * 2}`,
      )
    : [];
  const ids = (type: string) => textArray(byName.filter((r) => r.entity_type === type).map((r) => r.entity_id));
  const [ents, insts, zs, incs] = await Promise.all([
    queryRows<OrgRow>(
      db,
      sql`SELECT 'enterprise' AS type, id, names, description, country, sector, NULL::text[] AS focus, array_remove(ARRAY[host_zone_id::text, incubator_id::text], NULL) AS links
            FROM enterprises
           WHERE country = ${options.country} AND (sector = ANY(${textArray(sectors)}::text[]) OR id = ANY(${ids('enterprise')}::uuid[]))
           ORDER BY (id = ANY(${ids('enterprise')}::uuid[])) DESC, (description IS NOT NULL) DESC, synthetic, id
           LIMIT ${PER_KIND}`,
    ),
    queryRows<OrgRow>(
      db,
      sql`SELECT 'institution' AS type, id, names, description, country, NULL::text AS sector, NULL::text[] AS focus, array_remove(ARRAY[parent_id::text], NULL) AS links
            FROM institutions WHERE country = ${options.country} AND (id = ANY(${ids('institution')}::uuid[]) OR description IS NOT NULL)
           ORDER BY (id = ANY(${ids('institution')}::uuid[])) DESC, synthetic, id LIMIT ${PER_KIND}`,
    ),
    queryRows<OrgRow>(
      db,
      sql`SELECT 'zone' AS type, id, names, description, country, NULL::text AS sector, focus_industries AS focus, array_remove(ARRAY[parent_id::text, governing_body_id::text], NULL) AS links
            FROM zones WHERE country = ${options.country} AND (id = ANY(${ids('zone')}::uuid[]) OR description IS NOT NULL OR cardinality(focus_industries) > 0)
           ORDER BY (id = ANY(${ids('zone')}::uuid[])) DESC, synthetic, id LIMIT ${PER_KIND}`,
    ),
    queryRows<OrgRow>(
      db,
      sql`SELECT 'incubator' AS type, id, names, description, country, NULL::text AS sector, NULL::text[] AS focus, array_remove(ARRAY[host_zone_id::text], NULL) AS links
            FROM incubators WHERE country = ${options.country} AND (id = ANY(${ids('incubator')}::uuid[]) OR description IS NOT NULL)
           ORDER BY (id = ANY(${ids('incubator')}::uuid[])) DESC, synthetic, id LIMIT ${PER_KIND}`,
    ),
  ]);
  const hits: SectorHit[] = [];
  for (const r of [...ents, ...insts, ...zs, ...incs]) {
    const texts = [r.names.en, r.names.zh, r.names.ur, r.description?.en, r.description?.zh, r.description?.ur, ...(r.focus ?? [])].filter(
      (t): t is string => !!t,
    );
    const found = findConcepts(texts).filter((c) => wanted.has(c));
    const sector = r.sector && sectors.includes(r.sector) ? r.sector : r.focus ? focusSector(r.focus, sectors) : null;
    if (!sector && found.length === 0) continue;
    hits.push({ kind: r.type, id: r.id, names: r.names, country: r.country, sector, concepts: found, links: r.links ?? [] });
  }
  return options.limit ? hits.slice(0, options.limit) : hits;
}

/** Published, unexpired listings of a country of those sectors or naming one of their concepts; offers and needs. */
export async function listingsBySectors(
  db: Db,
  options: { sectors: readonly string[]; country: string; limit?: number; concepts?: readonly string[] },
): Promise<SectorHit[]> {
  const sectors = [...options.sectors];
  const concepts = options.concepts ? [...options.concepts] : conceptsOfSectors(sectors);
  const rows = await queryRows<{
    id: string;
    kind: 'offer' | 'need';
    texts: Record<string, { title: string }>;
    owner_id: string;
    country: string;
    sector: string;
    concepts: string[];
  }>(
    db,
    sql`SELECT id, kind, texts, owner_id, country, sector, concepts FROM tm_listings
         WHERE status = 'published' AND (expires_at IS NULL OR expires_at > now()) AND country = ${options.country}
           AND (sector = ANY(${textArray(sectors)}::text[]) OR concepts && ${textArray(concepts)}::text[])
         ORDER BY published_at DESC NULLS LAST, id LIMIT ${options.limit ?? PER_KIND}`,
  );
  const wanted = new Set(concepts);
  return rows.map((r) => {
    const names = Object.fromEntries(Object.entries(r.texts).flatMap(([lang, t]) => (t?.title ? [[lang, t.title]] : [])));
    return {
      kind: r.kind,
      id: r.id,
      names,
      country: r.country,
      sector: sectors.includes(r.sector) ? r.sector : null,
      concepts: r.concepts.filter((c) => wanted.has(c)),
      links: [r.owner_id],
    };
  });
}
