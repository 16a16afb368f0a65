import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from '../../../paths';

/**
 * The reference data of the statistics module (issue 5), three JSON files in `data/reference/statistics/`:
 * - `indicators.json`: the indicator catalogue — what the annual Torch-style survey collects from
 *   enterprises, incubators and zones, plus derived ratios — with names and definitions in English,
 *   Chinese and Urdu, and the OECD Frascati / Oslo definition each maps to where one exists;
 * - `published-series.json`: published national figures from the seeds, every point citing its seed and
 *   quoting it verbatim, so the yearbook can show them beside the figures it computes;
 * - `policy-example.json`: an illustrative M&E framework for Pakistan's draft STI policy 2021 (its four
 *   areas come from the seed; indicators, targets and thresholds are examples, marked so; baselines are
 *   measured from the data and targets set relative to them).
 *
 * Money in the catalogue is in CNY thousand (千元), as the Torch survey reports it. A series keeps the unit
 * it is published in (CNY billion, USD billion …); `convertUnit` moves between units of one dimension.
 */

export const STATISTICS_REFERENCE_DIR = path.join(repoRoot, 'data', 'reference', 'statistics');

/** The source of a catalogue indicator that no seed names. */
export const CATALOGUE_SOURCE = 'Torch statistical survey (issue 5 catalogue)';

export const ENTITY_TYPES = ['enterprise', 'incubator', 'zone'] as const;
export const VALUE_TYPES = ['integer', 'decimal', 'grade'] as const;
export const AGGREGATIONS = ['sum', 'average', 'ratio', 'count'] as const;
export const INDICATOR_GROUPS = ['economy', 'people', 'innovation', 'incubation'] as const;
export const QUALIFIERS = ['more_than', 'about', 'cumulative', 'up_to'] as const;
export const POLICY_AREAS = ['basic_human_needs', 'good_governance', 'economic_development', 'quality_of_life'] as const;

/** Units, each with its dimension and its factor to the dimension's base (yuan, dollars, persons …). */
export const UNITS = {
  count: { dimension: 'count', factor: 1 },
  persons: { dimension: 'persons', factor: 1 },
  'CNY thousand': { dimension: 'CNY', factor: 1e3 },
  'CNY billion': { dimension: 'CNY', factor: 1e9 },
  'USD billion': { dimension: 'USD', factor: 1e9 },
  m2: { dimension: 'area', factor: 1 },
  percent: { dimension: 'percent', factor: 1 },
  times: { dimension: 'times', factor: 1 },
  grade: { dimension: 'grade', factor: 1 },
} as const;
export type Unit = keyof typeof UNITS;
export const Unit = z.enum(Object.keys(UNITS) as [Unit, ...Unit[]]);

/** Whether values in the two units can be compared (same dimension). */
export const sameDimension = (a: Unit, b: Unit) => UNITS[a].dimension === UNITS[b].dimension;

/** A value from one unit to another of the same dimension: 745.57 CNY billion is 745,570,000 CNY thousand. */
export function convertUnit(value: number, from: Unit, to: Unit): number {
  if (!sameDimension(from, to)) throw new Error(`cannot convert ${from} to ${to}`);
  return (value * UNITS[from].factor) / UNITS[to].factor;
}

const SEED_FILE = /^seeds\/\d{3}_[0-9a-f]{16}\.txt$/;
const SEED_SOURCE = /^seeds\/\d{3}_[0-9a-f]{16}\.txt#.+$/;

/** `seeds/NNN_xxx.txt#<a phrase of that seed>`. */
export const SeedSource = z.string().regex(SEED_SOURCE, 'seeds/NNN_xxxxxxxxxxxxxxxx.txt#phrase');

/** Splits `seeds/NNN_xxx.txt#phrase` into the file and the phrase; null for anything else. */
export function parseSeedSource(source: string): { file: string; locator: string } | null {
  const hash = source.indexOf('#');
  if (hash < 0 || !SEED_FILE.test(source.slice(0, hash))) return null;
  return { file: source.slice(0, hash), locator: source.slice(hash + 1) };
}

/** Names or definitions in the three languages; Chinese in Han script, Urdu in Arabic script. */
export const Text3 = z.strictObject({
  en: z.string().trim().min(1).max(500),
  zh: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .regex(/\p{Script=Han}/u, 'Chinese text must contain Chinese characters'),
  ur: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .regex(/\p{Script=Arabic}/u, 'Urdu text must be in Urdu (Arabic) script'),
});
export type Text3 = z.infer<typeof Text3>;

/** Stable snake_case codes: `rd_intensity`, `nhz_count`. */
export const Code = z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'snake_case code');
const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case key');
const Year = z.number().int().min(1900).max(2100);

// ── indicators.json ───────────────────────────────────────────────────────────

export const Grade = z.strictObject({ code: z.string().regex(/^[A-Z]$/), rank: z.number().int().min(1), names: Text3 });

export const IndicatorDef = z
  .strictObject({
    code: Code,
    names: Text3,
    definitions: Text3,
    unit: Unit,
    valueType: z.enum(VALUE_TYPES),
    aggregation: z.enum(AGGREGATIONS),
    /** For a ratio: the codes of the summed numerator and denominator; the value is numerator ÷ denominator × scale. */
    numerator: Code.optional(),
    denominator: Code.optional(),
    scale: z.number().positive().optional(),
    /** The returns that carry the indicator. */
    entityTypes: z.array(z.enum(ENTITY_TYPES)).min(1),
    group: z.enum(INDICATOR_GROUPS),
    /** The OECD Frascati Manual 2015 / Oslo Manual 2018 definition it maps to, where one exists. */
    frascati: z.string().min(1).max(300).optional(),
    oslo: z.string().min(1).max(300).optional(),
    /** For a grade: the grades, best first. */
    grades: z.array(Grade).min(2).optional(),
    /** The seed where the indicator is named or used, or CATALOGUE_SOURCE. */
    source: z.union([SeedSource, z.literal(CATALOGUE_SOURCE)]),
    note: z.string().min(1).max(1000).optional(),
  })
  .superRefine((d, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message: `${d.code}: ${message}` });
    const isRatio = d.aggregation === 'ratio';
    if (isRatio !== (d.numerator !== undefined && d.denominator !== undefined)) issue('a ratio has a numerator and a denominator, and only a ratio has them');
    if (!isRatio && (d.numerator !== undefined || d.denominator !== undefined || d.scale !== undefined))
      issue('numerator, denominator and scale are for ratios');
    if (isRatio && d.valueType !== 'decimal') issue('a ratio is decimal');
    if (isRatio && d.numerator === d.denominator) issue('numerator and denominator must differ');
    const isGrade = d.valueType === 'grade';
    if (isGrade !== (d.grades !== undefined)) issue('a grade indicator lists its grades, and only it');
    if (isGrade !== (d.unit === 'grade')) issue("a grade indicator has unit 'grade', and only it");
    if (isGrade && d.aggregation !== 'count') issue('grades are aggregated by counting');
    if (d.grades && new Set(d.grades.map((g) => g.code)).size !== d.grades.length) issue('grade codes repeat');
    if (d.unit === 'percent' && d.scale !== 100) issue('a percentage has scale 100');
    if ((d.unit === 'count' || d.unit === 'persons') && d.valueType !== 'integer') issue('counts and persons are integers');
  });
export type IndicatorDef = z.infer<typeof IndicatorDef>;

export const IndicatorsFile = z.strictObject({
  conventions: z.record(z.string(), z.string()),
  indicators: z.array(IndicatorDef).min(1),
});

// ── published-series.json ─────────────────────────────────────────────────────

/** `national`, `nhz` (all national high-tech zones), `zone:<registry key>`, `region:<name>`. */
export const Scope = z
  .string()
  .regex(/^(national|nhz|zone:[a-z0-9]+(-[a-z0-9]+)*|region:[a-z0-9]+(-[a-z0-9]+)*)$/, 'national | nhz | zone:<key> | region:<name>');

export const SeriesPoint = z.strictObject({
  /** The year the seed gives; null when it gives none. */
  year: Year.nullable(),
  value: z.number().finite(),
  qualifier: z.enum(QUALIFIERS).optional(),
  source: z.string().regex(SEED_FILE, 'seeds/NNN_xxxxxxxxxxxxxxxx.txt'),
  /** A short verbatim excerpt of the seed (whitespace collapsed) that states the figure. */
  quote: z.string().trim().min(3).max(400),
  /** What a reader needs to know: the seed's wording of the year, a discrepancy with another point. */
  note: z.string().min(1).max(500).optional(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const PublishedSeries = z.strictObject({
  code: Code,
  names: Text3,
  unit: Unit,
  /** The catalogue indicator it corresponds to, so the yearbook can show it beside computed figures. */
  indicator: Code.optional(),
  scope: Scope,
  points: z.array(SeriesPoint).min(1),
});
export type PublishedSeries = z.infer<typeof PublishedSeries>;

export const PublishedSeriesFile = z.strictObject({
  conventions: z.record(z.string(), z.string()),
  series: z.array(PublishedSeries).min(1),
});

// ── policy-example.json ───────────────────────────────────────────────────────

/** A policy indicator's scope: a series scope, or `country:<ISO code>` — the survey returns of that country's provinces. */
export const PolicyScope = z.union([Scope, z.string().regex(/^country:[A-Z]{2}$/, 'country:<ISO code>')]);

/** A baseline: a value, or `measured: true` — the value the data give in the baseline year. */
export const PolicyBaseline = z.union([z.strictObject({ year: Year, value: z.number().finite() }), z.strictObject({ year: Year, measured: z.literal(true) })]);

/** A yearly target: a value, a change on the baseline (0.12 = +12 %), or points added to it (0.15 = +0.15). */
export const PolicyTarget = z.union([
  z.strictObject({ year: Year, value: z.number().finite() }),
  z.strictObject({ year: Year, change: z.number().finite().min(-1) }),
  z.strictObject({ year: Year, delta: z.number().finite() }),
]);

/** Whether a target moves away from the baseline in the direction; null when that is not known before the data. */
function movesOn(t: z.infer<typeof PolicyTarget>, b: z.infer<typeof PolicyBaseline>, direction: 'increase' | 'decrease'): boolean | null {
  const sign = direction === 'increase' ? 1 : -1;
  if ('change' in t) return sign * t.change > 0;
  if ('delta' in t) return sign * t.delta > 0;
  return 'value' in b ? sign * (t.value - b.value) > 0 : null;
}

export const PolicyIndicator = z
  .strictObject({
    /** A catalogue indicator code or a published-series code. */
    indicator: Code,
    scope: PolicyScope,
    direction: z.enum(['increase', 'decrease']),
    baseline: PolicyBaseline,
    /** One target a year, from the year after the baseline. */
    targets: z.array(PolicyTarget).min(1),
    /** Fractions of the expected progress below which the indicator is at risk / off track. */
    thresholds: z.strictObject({ atRisk: z.number().gt(0).max(1), offTrack: z.number().gt(0).max(1) }),
    example: z.literal(true),
  })
  .superRefine((t, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message: `${t.indicator}: ${message}` });
    if (t.thresholds.offTrack >= t.thresholds.atRisk) issue('offTrack must be below atRisk');
    t.targets.forEach((target, i) => {
      if (target.year !== t.baseline.year + i + 1) issue(`targets are yearly from ${t.baseline.year + 1}; found ${target.year} at position ${i}`);
    });
    const last = t.targets[t.targets.length - 1];
    if (last && movesOn(last, t.baseline, t.direction) === false) issue(`the last target does not ${t.direction} on the baseline`);
  });
export type PolicyIndicator = z.infer<typeof PolicyIndicator>;

export const PolicyGoal = z.strictObject({
  key: Slug,
  area: z.enum(POLICY_AREAS),
  names: Text3,
  source: SeedSource,
  /** Why the goal is framed so, from a seed. */
  rationale: z.strictObject({ en: z.string().min(1).max(1000), source: SeedSource }).optional(),
  indicators: z.array(PolicyIndicator).min(1),
});
export type PolicyGoal = z.infer<typeof PolicyGoal>;

export const PolicyExample = z.strictObject({
  example: z.literal(true),
  note: Text3,
  remarks: z.strictObject({ en: z.string().min(1).max(2000) }).optional(),
  policy: z.strictObject({ key: Slug, names: Text3, source: SeedSource }),
  goals: z.array(PolicyGoal).min(1),
});
export type PolicyExample = z.infer<typeof PolicyExample>;

// ── loading ───────────────────────────────────────────────────────────────────

export const STATISTICS_REFERENCE_FILES = {
  indicators: 'indicators.json',
  series: 'published-series.json',
  policy: 'policy-example.json',
} as const;

export type StatisticsReference = { indicators: IndicatorDef[]; series: PublishedSeries[]; policy: PolicyExample };

/** Thrown by `readStatisticsReference` with every problem found, one per line. */
export class StatisticsReferenceError extends Error {
  constructor(readonly problems: string[]) {
    super(`statistics reference data has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StatisticsReferenceError';
  }
}

/**
 * Cross-file checks: unique codes; ratios over existing non-ratio indicators; series that name an
 * existing indicator in a unit of its dimension; points of one year that explain themselves; policy
 * indicators that name an indicator or a series, with a unique goal key and at most one goal per area.
 */
export function checkStatisticsReference({ indicators, series, policy }: StatisticsReference): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, IndicatorDef>();
  for (const d of indicators) {
    if (byCode.has(d.code)) problems.push(`indicators.json: duplicate code ${d.code}`);
    byCode.set(d.code, d);
  }
  for (const d of indicators) {
    if (d.aggregation !== 'ratio') continue;
    for (const part of ['numerator', 'denominator'] as const) {
      const code = d[part];
      const target = code === undefined ? undefined : byCode.get(code);
      if (!target) problems.push(`indicators.json: ${d.code}.${part} → ${code} is not an indicator`);
      else if (target.aggregation !== 'sum') problems.push(`indicators.json: ${d.code}.${part} → ${code} is not a summed indicator`);
      else if (!d.entityTypes.every((t) => target.entityTypes.includes(t))) problems.push(`indicators.json: ${d.code} is on returns that ${code} is not on`);
    }
  }

  const seriesCodes = new Set<string>();
  for (const s of series) {
    if (seriesCodes.has(s.code)) problems.push(`published-series.json: duplicate code ${s.code}`);
    if (byCode.has(s.code)) problems.push(`published-series.json: ${s.code} is also an indicator code`);
    seriesCodes.add(s.code);
    if (s.indicator !== undefined) {
      const d = byCode.get(s.indicator);
      if (!d) problems.push(`published-series.json: ${s.code}.indicator → ${s.indicator} is not an indicator`);
      else if (!sameDimension(s.unit, d.unit)) problems.push(`published-series.json: ${s.code} is in ${s.unit}, its indicator ${d.code} in ${d.unit}`);
    }
    const perYear = new Map<number | null, SeriesPoint[]>();
    for (const p of s.points) perYear.set(p.year, [...(perYear.get(p.year) ?? []), p]);
    for (const [year, points] of perYear) {
      if (points.length > 1 && points.some((p) => p.note === undefined))
        problems.push(`published-series.json: ${s.code} has ${points.length} points for ${year ?? 'no year'}; each needs a note`);
    }
  }

  const goalKeys = new Set<string>();
  const areas = new Set<string>();
  for (const g of policy.goals) {
    if (goalKeys.has(g.key)) problems.push(`policy-example.json: duplicate goal ${g.key}`);
    if (areas.has(g.area)) problems.push(`policy-example.json: two goals for area ${g.area}`);
    goalKeys.add(g.key);
    areas.add(g.area);
    for (const t of g.indicators) {
      if (!byCode.has(t.indicator) && !seriesCodes.has(t.indicator))
        problems.push(`policy-example.json: ${g.key} measures ${t.indicator}, which is neither an indicator nor a series`);
      // Published series are given for the scope they are published for; only survey returns have a country.
      if (seriesCodes.has(t.indicator) && t.scope.startsWith('country:'))
        problems.push(`policy-example.json: ${g.key} measures the published series ${t.indicator} for ${t.scope}; series have no country scope`);
    }
  }
  return problems;
}

function readJson(dir: string, file: string): unknown {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
}

/** Reads, parses and cross-checks the three files; throws a `StatisticsReferenceError` listing every problem. */
export function readStatisticsReference(dir: string = STATISTICS_REFERENCE_DIR): StatisticsReference {
  const problems: string[] = [];
  const parse = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    const result = schema.safeParse(readJson(dir, file));
    if (result.success) return result.data;
    for (const i of result.error.issues) problems.push(`${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
    return undefined;
  };
  const indicators = parse(STATISTICS_REFERENCE_FILES.indicators, IndicatorsFile)?.indicators;
  const series = parse(STATISTICS_REFERENCE_FILES.series, PublishedSeriesFile)?.series;
  const policy = parse(STATISTICS_REFERENCE_FILES.policy, PolicyExample);
  if (!indicators || !series || !policy) throw new StatisticsReferenceError(problems);
  const ref = { indicators, series, policy };
  const crossProblems = checkStatisticsReference(ref);
  if (crossProblems.length > 0) throw new StatisticsReferenceError(crossProblems);
  return ref;
}
