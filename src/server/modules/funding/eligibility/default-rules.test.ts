import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../../../shared/contracts/registry';
import { DEFAULT_RULES, RULE_TEMPLATES } from './default-rules';
import { referencedFacts, RuleSet } from './rules';

/**
 * Every rule that cites a seed cites a phrase that is in it. The seeds are PDF and newspaper extractions
 * ("have less \n\nthan 500 people", "30 per-\ncent"), so text is compared in a canonical form: lower case,
 * typographic quotes made plain, and line breaks, spaces and hyphens removed.
 */
const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data/seeds');
const canonical = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\s\u00ad\-‐‑]+/g, '');
const seeds = new Map(readdirSync(SEEDS_DIR).map((f) => [`seeds/${f}`, canonical(readFileSync(path.join(SEEDS_DIR, f), 'utf8'))]));
const SEED_SOURCE = /^(seeds\/\d{3}_[0-9a-f]{16}\.txt)#(.+)$/;

describe('the seed citations', () => {
  it('canonical text joins hyphenated and broken lines', () => {
    expect(canonical('at least 30 per-\ncent of the')).toBe(canonical('at least 30 percent of the'));
    expect(canonical('have less \n\nthan 500 people')).toBe(canonical('have less than 500 people'));
    expect(canonical('“Start-up”')).toBe(canonical('"Startup"'));
  });

  it('every default rule cites a seed and a phrase in it', () => {
    for (const rule of DEFAULT_RULES) expect(rule.source, rule.id).toMatch(SEED_SOURCE);
  });

  for (const rule of [...DEFAULT_RULES, ...RULE_TEMPLATES]) {
    const m = SEED_SOURCE.exec(rule.source);
    if (!m) {
      it(`${rule.id} says it is not from the seeds`, () => {
        expect(rule.source).not.toMatch(/^seeds\//);
        expect(rule.source).toMatch(/not in the seeds/);
      });
      continue;
    }
    it(`${rule.id}: "${m[2]}" occurs in ${m[1]}`, () => {
      expect(seeds.has(m[1]), `${m[1]} is not in data/seeds`).toBe(true);
      expect(seeds.get(m[1])).toContain(canonical(m[2]));
    });
  }

  it('the check would catch a phrase the seed does not contain', () => {
    expect(seeds.get('seeds/000_d1407c9116085406.txt')).not.toContain(canonical('have less than 300 people'));
  });
});

describe('the default rule set', () => {
  it('is valid rule data, with templates that can join it', () => {
    expect(RuleSet.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
    expect(RuleSet.parse([...DEFAULT_RULES, ...RULE_TEMPLATES])).toEqual([...DEFAULT_RULES, ...RULE_TEMPLATES]);
  });

  it('lists the registry’s high-tech fields', () => {
    const rnd = DEFAULT_RULES.find((r) => r.id === 'high_tech_rnd')!;
    expect(rnd.test).toEqual({
      op: 'all',
      tests: [
        { op: 'eq', fact: 'doesRnd', value: true },
        { op: 'in', fact: 'sector', values: [...SECTORS] },
      ],
    });
  });

  it('reads the facts an application form asks for', () => {
    expect(referencedFacts(DEFAULT_RULES.map((r) => r.test))).toEqual(['doesRnd', 'sector', 'employees', 'technicalStaff', 'domesticOwnershipPct']);
  });
});
