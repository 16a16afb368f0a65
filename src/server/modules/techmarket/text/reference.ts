import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from '../../../paths';
import { Code, SeedSource, Text3 } from '../../statistics/reference/reference-files';
import { CJK, normalise, plainWords, scriptOf } from './words';

/**
 * The technology market's reference data, two JSON files in `data/reference/techmarket/`:
 * - `sectors.json`: a sector taxonomy in English, Chinese and Urdu. The top level holds China's high-tech
 *   fields the registry classifies enterprises by (registry SECTORS) and the industries of Pakistan's
 *   clusters; below them the fields the seeds name (seeds/003: semiconductors … biotech; seeds/002: Sialkot's
 *   sports goods, surgical goods and leather), each citing its seed;
 * - `concepts.json`: the keyword dictionary: concepts with their synonyms in the three languages, which is
 *   how an English or Urdu need finds a Chinese offer.
 */

export const TECHMARKET_REFERENCE_DIR = path.join(repoRoot, 'data', 'reference', 'techmarket');

export const SectorDef = z.strictObject({
  code: Code,
  names: Text3,
  parent: Code.nullable(),
  /** The seed that names the sector, or the classification it comes from. */
  source: z.union([SeedSource, z.string().min(3).max(200)]),
});
export type SectorDef = z.infer<typeof SectorDef>;

const Terms = (script: RegExp, what: string) => z.array(z.string().trim().min(1).max(80).regex(script, what)).min(1);

export const ConceptDef = z.strictObject({
  code: Code,
  sector: Code.optional(),
  /** Wider concepts a text about this one is also about (solar_cell → solar): how 光伏组件 meets "solar energy". */
  broader: z.array(Code).min(1).optional(),
  terms: z.strictObject({
    en: Terms(/\p{Script=Latin}|\d/u, 'English terms are in Latin script'),
    // One Chinese character alone would be found inside unrelated words (电 in 电池, 发电, 电子).
    zh: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\p{Script=Han}{2,20}$/u, 'Chinese terms: two or more Han characters (abbreviations like 5G go in en)'),
      )
      .min(1),
    ur: Terms(/\p{Script=Arabic}/u, 'Urdu terms are in Urdu (Arabic) script'),
  }),
});
export type ConceptDef = z.infer<typeof ConceptDef>;

export const SectorsFile = z.strictObject({ sectors: z.array(SectorDef).min(1) });
export const ConceptsFile = z.strictObject({ concepts: z.array(ConceptDef).min(1) });

export class TechmarketReferenceError extends Error {}

/** How a term is looked up: Chinese as written; other words as the text analysis gives them (Urdu words joined). */
export function termKey(term: string): string {
  if (CJK.test(term)) return normalise(term).replace(/\s+/g, '');
  const words = plainWords(term);
  return words.every((w) => scriptOf(w) === 'urdu') ? words.join('') : words.join(' ');
}

/** Cross-checks the schemas cannot express: codes unique, parents and concept sectors known, no term in two concepts. */
export function checkReference(sectors: SectorDef[], concepts: ConceptDef[]): string[] {
  const problems: string[] = [];
  const sectorCodes = new Set<string>();
  for (const s of sectors) {
    if (sectorCodes.has(s.code)) problems.push(`sector ${s.code} is listed twice`);
    sectorCodes.add(s.code);
  }
  for (const s of sectors) if (s.parent !== null && !sectorCodes.has(s.parent)) problems.push(`sector ${s.code}: unknown parent ${s.parent}`);
  const conceptCodes = new Set<string>();
  const owner = new Map<string, string>();
  for (const c of concepts) {
    if (conceptCodes.has(c.code)) problems.push(`concept ${c.code} is listed twice`);
    conceptCodes.add(c.code);
    if (c.sector && !sectorCodes.has(c.sector)) problems.push(`concept ${c.code}: unknown sector ${c.sector}`);
    for (const [lang, terms] of Object.entries(c.terms)) {
      for (const t of terms) {
        const key = termKey(t);
        if (!key) problems.push(`concept ${c.code}: ${lang} term "${t}" has only stop words`);
        const other = owner.get(key);
        if (other && other !== c.code) problems.push(`term "${t}" (${key}) is in ${other} and ${c.code}`);
        owner.set(key, c.code);
      }
    }
  }
  const byCode = new Map(concepts.map((c) => [c.code, c]));
  for (const c of concepts) {
    for (const b of c.broader ?? []) if (!byCode.has(b)) problems.push(`concept ${c.code}: unknown broader concept ${b}`);
    const seen = new Set<string>();
    const walk = (code: string): boolean => {
      if (code === c.code && seen.size) return true;
      if (seen.has(code)) return false;
      seen.add(code);
      return (byCode.get(code)?.broader ?? []).some(walk);
    };
    if (walk(c.code)) problems.push(`concept ${c.code} is broader than itself`);
  }
  return problems;
}

export type TechmarketReference = { sectors: SectorDef[]; concepts: ConceptDef[] };

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(path.join(TECHMARKET_REFERENCE_DIR, file), 'utf8')));
  if (!parsed.success) throw new TechmarketReferenceError(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

let cached: TechmarketReference | undefined;

/** The sectors and concepts, validated and cross-checked once per process. */
export function techmarketReference(): TechmarketReference {
  if (cached) return cached;
  const { sectors } = readJson('sectors.json', SectorsFile);
  const { concepts } = readJson('concepts.json', ConceptsFile);
  const problems = checkReference(sectors, concepts);
  if (problems.length) throw new TechmarketReferenceError(problems.join('\n'));
  cached = { sectors, concepts };
  return cached;
}

/** The taxonomy as the API gives it (contract `Taxonomy`). */
export function sectorTaxonomy(): { sectors: { code: string; names: { en: string; zh: string; ur: string }; parent: string | null }[] } {
  return { sectors: techmarketReference().sectors.map((s) => ({ code: s.code, names: s.names, parent: s.parent })) };
}

let roots: Map<string, string> | undefined;
/** The top-level sector a sector falls under (itself at the top); null for a code the taxonomy lacks. */
export function rootSector(code: string): string | null {
  if (!roots) {
    const parent = new Map(techmarketReference().sectors.map((s) => [s.code, s.parent]));
    roots = new Map();
    for (const code of parent.keys()) {
      let at = code;
      for (let p = parent.get(at); p; p = parent.get(at)) at = p;
      roots.set(code, at);
    }
  }
  return roots.get(code) ?? null;
}

/** same: one sector; related: under one top-level sector (semiconductors and cloud computing, AI and electronic information). */
export function sectorRelation(a: string | null, b: string | null): 'same' | 'related' | null {
  if (!a || !b) return null;
  if (a === b) return 'same';
  const ra = rootSector(a);
  return ra !== null && ra === rootSector(b) ? 'related' : null;
}
