import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../registry/reference/reference.schema';
import {
  CATALOGUE_SOURCE,
  checkStatisticsReference,
  convertUnit,
  IndicatorDef,
  PolicyExample,
  POLICY_AREAS,
  parseSeedSource,
  PublishedSeries,
  readStatisticsReference,
  STATISTICS_REFERENCE_DIR,
  StatisticsReferenceError,
} from './reference-files';

/**
 * The statistics reference data against its schema and its seeds: the files parse and cross-check, the
 * catalogue has the codes issue 5 asks for, every series point quotes its seed verbatim, every seed
 * locator is a phrase of its seed, and names are in English, Chinese (Han) and Urdu (Arabic script).
 */

// ── seed text ────────────────────────────────────────────────────────────────

/** Whitespace collapsed (the seeds are PDF extractions: columns, line breaks, runs of spaces). */
const collapse = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();
/** Words hyphenated across lines joined: "compa-\nnies" → "companies". */
const joinHyphenation = (text: string) => text.normalize('NFKC').replace(/-[ \t]*\r?\n\s*/g, '');
const noHyphens = (text: string) => text.replace(/-/g, '');

const seedFiles = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));
const seeds = new Map(
  seedFiles.map((f) => {
    const raw = readFileSync(path.join(SEEDS_DIR, f), 'utf8');
    const joined = collapse(joinHyphenation(raw));
    return [`seeds/${f}`, { collapsed: collapse(raw), joined, joinedNoHyphens: noHyphens(joined) }];
  }),
);

/**
 * Whether the seed says `quote` word for word, comparing after collapsing whitespace; a word the seed
 * hyphenates across a line ("high-\ntech") matches with or without its hyphen.
 */
function quotedIn(seed: string, quote: string): boolean {
  const s = seeds.get(seed);
  if (!s) return false;
  const q = collapse(quote);
  return s.collapsed.includes(q) || s.joined.includes(q) || s.joinedNoHyphens.includes(noHyphens(q));
}

/** Locators are looser (like the registry's): case, spaces, hyphens and typographic quotes ignored. */
const canonical = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\s\u00ad\-‐‑*]+/g, '');
const seedCanon = new Map(seedFiles.map((f) => [`seeds/${f}`, canonical(readFileSync(path.join(SEEDS_DIR, f), 'utf8'))]));
const locatorIn = (source: string) => {
  const parsed = parseSeedSource(source);
  return parsed !== null && (seedCanon.get(parsed.file)?.includes(canonical(parsed.locator)) ?? false);
};

const ref = readStatisticsReference();
const { indicators, series, policy } = ref;
const indicatorByCode = new Map(indicators.map((d) => [d.code, d]));
const seriesCodes = new Set(series.map((s) => s.code));

describe('seed text comparison', () => {
  it('collapses whitespace and joins hyphenation, nothing looser', () => {
    const [seed] = [...seeds.keys()].filter((k) => k.startsWith('seeds/000_'));
    expect(seed).toBeDefined();
    // "compa-\nnies." and "Technology \nBusiness \nIncubators" in the seed.
    expect(quotedIn(seed!, 'hosting nearly 60,000 companies.')).toBe(true);
    expect(quotedIn(seed!, 'By 2011, there were a total of 1034 Technology Business Incubators across China')).toBe(true);
    expect(quotedIn(seed!, 'By 2011, there were a total of 1035 Technology Business Incubators across China')).toBe(false);
    expect(quotedIn(seed!, 'by 2011, there were a total of 1034 technology business incubators')).toBe(false);
  });
});

// ── the files ────────────────────────────────────────────────────────────────

describe('the statistics reference files', () => {
  it('parse and cross-check', () => {
    expect(indicators.length).toBeGreaterThan(20);
    expect(series.length).toBeGreaterThan(20);
    expect(policy.goals.length).toBe(4);
  });

  it('reports every problem of a broken copy', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seedbed-stat-ref-'));
    try {
      cpSync(STATISTICS_REFERENCE_DIR, dir, { recursive: true });
      const file = path.join(dir, 'indicators.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.indicators.find((d: { code: string }) => d.code === 'rd_intensity').numerator = 'rd_spending';
      writeFileSync(file, JSON.stringify(data));
      expect(() => readStatisticsReference(dir)).toThrow(StatisticsReferenceError);
      expect(() => readStatisticsReference(dir)).toThrow(/rd_intensity\.numerator → rd_spending is not an indicator/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('indicators.json', () => {
  it('has unique codes, including every code issue 5 names', () => {
    expect(new Set(indicators.map((d) => d.code)).size).toBe(indicators.length);
    const issueCodes = [
      'enterprises',
      'employees',
      'employees_degree',
      'st_personnel',
      'operating_revenue',
      'gross_output',
      'value_added',
      'net_profit',
      'taxes_paid',
      'exports',
      'rd_expenditure',
      'invention_patents_granted',
      'valid_invention_patents',
      'pct_applications',
      'technical_income',
      'returned_scholars',
      'foreign_employees',
      'incubator_space_m2',
      'tenants',
      'graduates',
      'tenant_jobs',
      'investment_received',
      'evaluation_grade',
      'rd_intensity',
      'degree_share',
      'export_share',
    ];
    for (const code of issueCodes) expect(indicatorByCode.has(code), code).toBe(true);
  });

  it('defines the ratios of the issue over existing summed indicators', () => {
    const ratio = (code: string) => {
      const d = indicatorByCode.get(code)!;
      return [d.aggregation, d.numerator, d.denominator, d.scale];
    };
    expect(ratio('rd_intensity')).toEqual(['ratio', 'rd_expenditure', 'operating_revenue', 100]);
    expect(ratio('degree_share')).toEqual(['ratio', 'employees_degree', 'employees', 100]);
    expect(ratio('export_share')).toEqual(['ratio', 'exports', 'operating_revenue', 100]);
    for (const d of indicators.filter((i) => i.aggregation === 'ratio')) {
      for (const part of [d.numerator!, d.denominator!]) {
        expect(indicatorByCode.get(part)?.aggregation, `${d.code} → ${part}`).toBe('sum');
      }
    }
  });

  it('counts enterprises, and keeps money in one unit', () => {
    expect(indicatorByCode.get('enterprises')).toMatchObject({ aggregation: 'count', unit: 'count', valueType: 'integer' });
    const money = indicators.filter((d) => d.unit.startsWith('CNY') || d.unit.startsWith('USD'));
    expect(money.map((d) => d.code).sort()).toEqual(
      [
        'exports',
        'gross_output',
        'investment_received',
        'net_profit',
        'operating_revenue',
        'rd_expenditure',
        'taxes_paid',
        'technical_income',
        'value_added',
      ].sort(),
    );
    for (const d of money) expect(d.unit, d.code).toBe('CNY thousand');
  });

  it('grades incubators A to D', () => {
    const grade = indicatorByCode.get('evaluation_grade')!;
    expect(grade).toMatchObject({ valueType: 'grade', entityTypes: ['incubator'] });
    expect(grade.grades?.map((g) => g.code)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('maps R&D and personnel to the Frascati Manual', () => {
    expect(indicatorByCode.get('rd_expenditure')?.frascati).toMatch(/Frascati Manual 2015 ch\. 4: intramural R&D expenditure/);
    expect(indicatorByCode.get('st_personnel')?.frascati).toMatch(/Frascati Manual 2015 ch\. 5: R&D personnel, headcount/);
  });

  it('cites a phrase of a seed, or says it is the catalogue’s', () => {
    for (const d of indicators) {
      if (d.source === CATALOGUE_SOURCE) continue;
      expect(locatorIn(d.source), `${d.code}: ${d.source}`).toBe(true);
    }
  });

  it('rejects a ratio without its parts and a grade without grades', () => {
    const base = indicators.find((d) => d.code === 'rd_intensity')!;
    expect(IndicatorDef.safeParse({ ...base, numerator: undefined }).success).toBe(false);
    const grade = indicators.find((d) => d.code === 'evaluation_grade')!;
    expect(IndicatorDef.safeParse({ ...grade, grades: undefined }).success).toBe(false);
    expect(IndicatorDef.safeParse({ ...base, names: { ...base.names, ur: 'R&D intensity' } }).success).toBe(false);
    expect(IndicatorDef.safeParse({ ...base, names: { ...base.names, zh: 'R&D intensity' } }).success).toBe(false);
  });
});

describe('published-series.json', () => {
  const points = series.flatMap((s) => s.points.map((p) => ({ series: s, point: p })));

  it('has unique codes, and its indicators are in the catalogue', () => {
    expect(seriesCodes.size).toBe(series.length);
    for (const s of series) if (s.indicator) expect(indicatorByCode.has(s.indicator), `${s.code} → ${s.indicator}`).toBe(true);
  });

  it('every point cites a seed that exists and quotes it word for word', () => {
    for (const { series: s, point } of points) {
      expect(seeds.has(point.source), `${s.code}: ${point.source}`).toBe(true);
      expect(quotedIn(point.source, point.quote), `${s.code} ${point.year}: “${point.quote}” in ${point.source}`).toBe(true);
    }
  });

  it('has the headline figures of the seeds, with their years', () => {
    const value = (code: string, year: number | null) =>
      series
        .find((s) => s.code === code)
        ?.points.filter((p) => p.year === year)
        .map((p) => p.value);
    expect(value('tech_contracts', 2005)).toEqual([260000]);
    expect(value('tech_contract_value', 2005)).toEqual([155.1]);
    expect(value('tech_contract_value', 2017)).toEqual([1140.7]);
    expect(value('tech_contract_value_gdp_share', 2005)).toEqual([0.85]);
    expect(value('tech_contract_value_growth', 2017)).toEqual([15.97]);
    expect(value('incubators', 2016)).toEqual([3255, 7000]);
    expect(value('innofund_applications', null)).toContain(30000);
    expect(value('innofund_funding_cny', null)).toEqual([5.3]);
    expect(value('innofund_projects', null)).toContain(8000);
    expect(value('innofund_leverage', null)).toEqual([17]);
    expect(value('nhz_rd_expenditure', 2018)).toEqual([745.57]);
    expect(value('nhz_rd_intensity', 2018)).toEqual([6.7]);
    expect(value('nhz_degree_share', 2018)).toEqual([57.7]);
    expect(value('nhz_employees', 2018)).toEqual([20910000]);
    expect(value('nhz_count', 2018)).toEqual([169, 168]);
  });

  it('compares with the catalogue in the catalogue’s unit', () => {
    const rd = series.find((s) => s.code === 'nhz_rd_expenditure')!;
    const indicator = indicatorByCode.get(rd.indicator!)!;
    expect(convertUnit(rd.points[0]!.value, rd.unit, indicator.unit)).toBeCloseTo(745_570_000, 3);
    expect(() => convertUnit(1, 'CNY billion', 'USD billion')).toThrow();
  });

  it('rejects a point without a quote or with an unknown qualifier', () => {
    const s = series[0]!;
    const p = s.points[0]!;
    expect(PublishedSeries.safeParse({ ...s, points: [{ ...p, quote: undefined }] }).success).toBe(false);
    expect(PublishedSeries.safeParse({ ...s, points: [{ ...p, qualifier: 'roughly' }] }).success).toBe(false);
    expect(PublishedSeries.safeParse({ ...s, points: [{ ...p, source: 'seeds/nowhere.txt' }] }).success).toBe(false);
  });
});

describe('policy-example.json', () => {
  it('is marked as an example throughout', () => {
    expect(policy.example).toBe(true);
    expect(policy.note.en).toMatch(/^Illustrative framework/);
    for (const g of policy.goals) for (const t of g.indicators) expect(t.example, `${g.key} ${t.indicator}`).toBe(true);
  });

  it('has one goal for each of the four areas the seed names, citing the passage', () => {
    expect(policy.goals.map((g) => g.area).sort()).toEqual([...POLICY_AREAS].sort());
    for (const source of [policy.policy.source, ...policy.goals.flatMap((g) => [g.source, ...(g.rationale ? [g.rationale.source] : [])])]) {
      expect(locatorIn(source), source).toBe(true);
    }
    expect(policy.goals[0]!.source).toMatch(/basic human needs, good governance, economic development and quality of life/);
  });

  it('measures indicators of the catalogue or published series, with yearly targets', () => {
    for (const g of policy.goals) {
      for (const t of g.indicators) {
        expect(indicatorByCode.has(t.indicator) || seriesCodes.has(t.indicator), `${g.key}: ${t.indicator}`).toBe(true);
        expect(t.targets.map((x) => x.year)).toEqual(t.targets.map((_, i) => t.baseline.year + i + 1));
        expect(t.thresholds.offTrack).toBeLessThan(t.thresholds.atRisk);
      }
    }
  });

  it('measures its baselines in 2021 and sets its targets as changes on them, on the returns of Pakistan', () => {
    for (const g of policy.goals) {
      for (const t of g.indicators) {
        expect(t.baseline, `${g.key} ${t.indicator}`).toEqual({ year: 2021, measured: true });
        expect(t.scope, `${g.key} ${t.indicator}`).toBe('country:PK');
        for (const x of t.targets) expect('change' in x || 'delta' in x, `${g.key} ${t.indicator} ${x.year}`).toBe(true);
      }
    }
    expect(policy.note.en).toMatch(/measured/);
    expect(policy.note.en).toMatch(/country:PK/);
    const geography = JSON.parse(readFileSync(path.join(STATISTICS_REFERENCE_DIR, '..', 'geography.json'), 'utf8')) as {
      divisions: { code: string; country: string }[];
    };
    expect(geography.divisions.some((d) => d.country === 'PK')).toBe(true);
  });

  it('measures a published series only for the scope it is published for, never for a country', () => {
    const t = { ...policy.goals[0]!.indicators[0]!, indicator: 'incubator_tenants' };
    const broken = { ...policy, goals: [{ ...policy.goals[0]!, indicators: [t] }] };
    expect(checkStatisticsReference({ indicators, series, policy: broken })).toEqual([
      expect.stringMatching(/published series incubator_tenants for country:PK/),
    ]);
  });

  it('takes a target with exactly one of value, change or delta, moving the way the indicator should', () => {
    const t = policy.goals[0]!.indicators[0]!;
    const withTargets = (targets: unknown[], extra: Record<string, unknown> = {}) =>
      PolicyExample.safeParse({ ...policy, goals: [{ ...policy.goals[0]!, indicators: [{ ...t, ...extra, targets }] }] }).success;
    expect(withTargets([{ year: 2022, change: 0.1 }])).toBe(true);
    expect(withTargets([{ year: 2022, delta: 0.5 }])).toBe(true);
    expect(withTargets([{ year: 2022, value: 5 }])).toBe(true);
    expect(withTargets([{ year: 2022, value: 5, change: 0.1 }])).toBe(false);
    expect(withTargets([{ year: 2022 }])).toBe(false);
    expect(withTargets([{ year: 2022, change: -0.1 }])).toBe(false);
    expect(withTargets([{ year: 2022, change: -0.1 }], { direction: 'decrease' })).toBe(true);
    expect(withTargets([{ year: 2022, value: 5 }], { baseline: { year: 2021, value: 10 } })).toBe(false);
    expect(withTargets([{ year: 2022, change: 0.1 }], { baseline: { year: 2021, value: 10, measured: true } })).toBe(false);
    expect(withTargets([{ year: 2022, change: 0.1 }], { scope: 'country:pk' })).toBe(false);
  });

  it('rejects targets that skip a year and a framework not marked as an example', () => {
    const t = policy.goals[0]!.indicators[0]!;
    const goal = { ...policy.goals[0]!, indicators: [{ ...t, targets: [t.targets[0]!, { ...t.targets[1]!, year: t.targets[0]!.year + 2 }] }] };
    expect(PolicyExample.safeParse({ ...policy, goals: [goal] }).success).toBe(false);
    expect(PolicyExample.safeParse({ ...policy, example: false }).success).toBe(false);
    expect(PolicyExample.safeParse({ ...policy, goals: [{ ...policy.goals[0]!, indicators: [{ ...t, example: false }] }] }).success).toBe(false);
  });
});

describe('names and definitions', () => {
  const texts: [string, { en: string; zh: string; ur: string }][] = [
    ...indicators.flatMap((d): [string, { en: string; zh: string; ur: string }][] => [
      [`indicator ${d.code}`, d.names],
      [`definition ${d.code}`, d.definitions],
      ...(d.grades ?? []).map((g): [string, { en: string; zh: string; ur: string }] => [`grade ${d.code} ${g.code}`, g.names]),
    ]),
    ...series.map((s): [string, { en: string; zh: string; ur: string }] => [`series ${s.code}`, s.names]),
    ['policy', policy.policy.names],
    ['policy note', policy.note],
    ...policy.goals.map((g): [string, { en: string; zh: string; ur: string }] => [`goal ${g.key}`, g.names]),
  ];

  it('are in English, Chinese (Han script) and Urdu (Arabic script)', () => {
    for (const [what, t] of texts) {
      expect(t.en.trim().length, what).toBeGreaterThan(0);
      expect(t.zh, what).toMatch(/\p{Script=Han}/u);
      expect(t.ur, what).toMatch(/\p{Script=Arabic}/u);
      expect(t.ur, what).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
