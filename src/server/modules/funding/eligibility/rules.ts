import { z } from 'zod';

/**
 * Eligibility rules as data (PRODUCT.md module 2; issue 4). A rule set is plain JSON, stored per call of
 * the seed fund, and evaluated by the pure engine in `evaluate.ts`. Each rule names where it comes from
 * (`source`: a seed file and the phrase that states it, or the regulation a call cites), carries its label
 * in the three interface languages, and a `test`: a small expression over named facts.
 *
 * Facts are values the caller supplies under names (`employees`, `sector`, `callYear`, …). A fact that is
 * absent is unknown, and a test on an unknown fact is `unknown`, never `pass`. `null` means "known: none
 * on record" (e.g. no failed acceptance check); only `not_within_years` gives it a meaning, every other
 * test treats it as unknown.
 *
 * Tests:
 * - `{ op: 'lt' | 'lte' | 'gt' | 'gte', fact, value }`: a numeric fact against a number;
 * - `{ op: 'lt' | 'lte' | 'gt' | 'gte', ratio: [numerator, denominator], value }`: a share of two facts (0.3 = 30%);
 * - `{ op: 'eq', fact, value }`: a fact equals a string, number or boolean;
 * - `{ op: 'in', fact, values }`: a fact is one of a list;
 * - `{ op: 'not_within_years', fact, years, asOf }`: the year in `fact` is not within `years` years before the
 *   year in fact `asOf` (a failure in 2021 with `years: 3` bars the call years 2021 to 2024);
 * - `{ op: 'all' | 'any', tests }`, `{ op: 'not', test }`: three-valued (Kleene) combinators.
 */

/** Fact names: identifiers, so they are safe as i18n key segments and never collide with object internals. */
export const FactName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a letter, then letters, digits or _ (at most 64)');
export const COMPARISONS = ['lt', 'lte', 'gt', 'gte'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** How deeply combinators may nest, and how many tests one may hold: rule sets stay small and readable. */
export const MAX_DEPTH = 6;
export const MAX_TESTS = 50;

export type CompareFactTest = { op: Comparison; fact: string; value: number };
export type CompareRatioTest = { op: Comparison; ratio: [string, string]; value: number };
export type EqTest = { op: 'eq'; fact: string; value: string | number | boolean };
export type InTest = { op: 'in'; fact: string; values: (string | number)[] };
export type NotWithinYearsTest = { op: 'not_within_years'; fact: string; years: number; asOf: string };
export type AllTest = { op: 'all'; tests: Test[] };
export type AnyTest = { op: 'any'; tests: Test[] };
export type NotTest = { op: 'not'; test: Test };
export type Test = CompareFactTest | CompareRatioTest | EqTest | InTest | NotWithinYearsTest | AllTest | AnyTest | NotTest;

const Scalar = z.union([z.string().max(200), z.number(), z.boolean()]);

const CompareFact = z.strictObject({ op: z.enum(COMPARISONS), fact: FactName, value: z.number() });
const CompareRatio = z.strictObject({ op: z.enum(COMPARISONS), ratio: z.tuple([FactName, FactName]), value: z.number() });
const Eq = z.strictObject({ op: z.literal('eq'), fact: FactName, value: Scalar });
const In = z.strictObject({
  op: z.literal('in'),
  fact: FactName,
  values: z
    .array(z.union([z.string().max(200), z.number()]))
    .min(1)
    .max(500),
});
const NotWithinYears = z.strictObject({
  op: z.literal('not_within_years'),
  fact: FactName,
  years: z.number().int().min(0).max(100),
  asOf: FactName,
});

export const Test: z.ZodType<Test> = z.lazy(() => z.union([CompareFact, CompareRatio, Eq, In, NotWithinYears, All, Any, Not]));
const All = z.strictObject({ op: z.literal('all'), tests: z.array(Test).min(1).max(MAX_TESTS) });
const Any = z.strictObject({ op: z.literal('any'), tests: z.array(Test).min(1).max(MAX_TESTS) });
const Not = z.strictObject({ op: z.literal('not'), test: Test });

export const LocalisedText = z.strictObject({
  en: z.string().trim().min(1).max(300),
  zh: z.string().trim().min(1).max(300),
  ur: z.string().trim().min(1).max(300),
});

export const Rule = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits, _ . - (at most 64)'),
    /** Where the rule is stated: `seeds/<file>#<phrase>` for the seeds, else the regulation or decision it comes from. */
    source: z.string().trim().min(1).max(500),
    label: LocalisedText,
    /** What an officer should know about the rule that the source does not say (English, for administrators). */
    note: z.string().trim().min(1).max(1000).optional(),
    test: Test,
  })
  .superRefine((rule, ctx) => {
    const depth = testDepth(rule.test);
    if (depth > MAX_DEPTH) ctx.addIssue({ code: 'custom', path: ['test'], message: `nested ${depth} deep; at most ${MAX_DEPTH}` });
  });
export type Rule = z.infer<typeof Rule>;

export const RuleSet = z
  .array(Rule)
  .max(100)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id ${r.id}` });
      seen.add(r.id);
    });
  });
export type RuleSet = z.infer<typeof RuleSet>;

/** 1 for a test on facts, 1 + the deepest child for a combinator. */
export function testDepth(test: Test): number {
  switch (test.op) {
    case 'all':
    case 'any':
      return 1 + Math.max(0, ...test.tests.map(testDepth));
    case 'not':
      return 1 + testDepth(test.test);
    default:
      return 1;
  }
}

/** Every fact a test reads, in order of first use: what a form must ask for. */
export function referencedFacts(tests: Test | readonly Test[]): string[] {
  const out = new Set<string>();
  const visit = (t: Test) => {
    switch (t.op) {
      case 'all':
      case 'any':
        t.tests.forEach(visit);
        return;
      case 'not':
        visit(t.test);
        return;
      case 'not_within_years':
        out.add(t.fact);
        out.add(t.asOf);
        return;
      default:
        if ('ratio' in t) for (const f of t.ratio) out.add(f);
        else out.add(t.fact);
    }
  };
  (Array.isArray(tests) ? tests : [tests]).forEach(visit);
  return [...out];
}
