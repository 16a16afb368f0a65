import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../../../shared/contracts/registry';
import { Taxonomy } from '../../../../shared/contracts/techmarket';
import { SEEDS_DIR } from '../../registry/reference/reference.schema';
import { parseSeedSource } from '../../statistics/reference/reference-files';
import { buildConceptIndex, namedConcepts } from './concepts';
import { type ConceptDef, checkReference, sectorRelation, sectorTaxonomy, techmarketReference, termKey } from './reference';

const { sectors, concepts } = techmarketReference();

// Locators as the statistics reference reads them: case, spaces and hyphens ignored (the seeds are PDF extractions).
const canonical = (t: string) =>
  t
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00ad\-‐‑–*]+/g, '');
const seedText = new Map(readdirSync(SEEDS_DIR).map((f) => [`seeds/${f}`, canonical(readFileSync(path.join(SEEDS_DIR, f), 'utf8'))]));

describe('sector taxonomy', () => {
  it('is what the API gives, with every registry sector at the top level', () => {
    expect(Taxonomy.safeParse(sectorTaxonomy()).success).toBe(true);
    const top = new Set(sectors.filter((s) => s.parent === null).map((s) => s.code));
    for (const s of SECTORS) expect(top.has(s), s).toBe(true);
    expect(sectors.length).toBeGreaterThanOrEqual(20);
  });

  it('has the fields the seeds name', () => {
    const codes = new Set(sectors.map((s) => s.code));
    for (const c of [
      'semiconductors',
      'cloud_computing',
      'artificial_intelligence',
      'robotics',
      'fintech',
      'blockchain',
      'biotech',
      'surgical_instruments',
      'sports_goods',
      'leather',
      'textiles',
      'agriculture',
      'water',
      'environment',
    ])
      expect(codes.has(c), c).toBe(true);
  });

  it('cites phrases its seeds really have', () => {
    for (const s of sectors) {
      const seed = parseSeedSource(s.source);
      if (!s.source.startsWith('seeds/')) continue;
      expect(seed, s.code).not.toBeNull();
      expect(seedText.get(seed!.file)?.includes(canonical(seed!.locator)), `${s.code}: ${s.source}`).toBe(true);
    }
  });

  it('relates sectors under one top-level field', () => {
    expect(sectorRelation('surgical_instruments', 'surgical_instruments')).toBe('same');
    expect(sectorRelation('cloud_computing', 'artificial_intelligence')).toBe('related');
    expect(sectorRelation('electronic_information', 'semiconductors')).toBe('related');
    expect(sectorRelation('textiles', 'solar_energy')).toBeNull();
  });
});

describe('concept dictionary', () => {
  it('has several hundred concepts, each with terms in English, Chinese (Han) and Urdu (Arabic script)', () => {
    expect(concepts.length).toBeGreaterThanOrEqual(300);
    for (const c of concepts) {
      expect(c.terms.en.length, c.code).toBeGreaterThan(0);
      expect(
        c.terms.zh.every((t) => /^\p{Script=Han}+$/u.test(t)),
        c.code,
      ).toBe(true);
      expect(
        c.terms.ur.every((t) => /\p{Script=Arabic}/u.test(t) && !/\p{Script=Latin}/u.test(t)),
        c.code,
      ).toBe(true);
    }
  });

  it('gives no term to two concepts', () => {
    expect(checkReference(sectors, concepts)).toEqual([]);
    const twice: ConceptDef[] = [
      { code: 'a', terms: { en: ['solar cell'], zh: ['光伏'], ur: ['سولر'] } },
      { code: 'b', terms: { en: ['Solar cells'], zh: ['光伏板'], ur: ['شمسی'] } },
    ];
    expect(checkReference(sectors, twice)).toEqual(['term "Solar cells" (solar cell) is in a and b']);
  });

  it('refuses unknown sectors, unknown and circular broader concepts', () => {
    const bad: ConceptDef[] = [
      { code: 'a', sector: 'nowhere', broader: ['b'], terms: { en: ['x1'], zh: ['甲乙'], ur: ['الف'] } },
      { code: 'b', broader: ['a'], terms: { en: ['x2'], zh: ['丙丁'], ur: ['ب'] } },
      { code: 'c', broader: ['zz'], terms: { en: ['x3'], zh: ['戊己'], ur: ['ج'] } },
    ];
    const problems = checkReference(sectors, bad);
    expect(problems).toContain('concept a: unknown sector nowhere');
    expect(problems).toContain('concept a is broader than itself');
    expect(problems).toContain('concept c: unknown broader concept zz');
  });

  it('finds every term of every concept as that concept', () => {
    const index = buildConceptIndex(concepts);
    for (const c of concepts)
      for (const t of [...c.terms.en, ...c.terms.zh, ...c.terms.ur]) expect(namedConcepts([t], index), `${c.code}: ${t}`).toEqual([c.code]);
  });

  it('keys terms as the text analysis reads them', () => {
    expect(termKey('Solar Cells')).toBe('solar cell');
    expect(termKey('سافٹ ویئر')).toBe(termKey('سافٹویئر'));
    expect(termKey('شمسي')).toBe(termKey('شمسی'));
  });
});
