import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../../../shared/contracts/registry';
import { DEFAULT_RULES, RULE_TEMPLATES } from './default-rules';
import { evaluate, explain, type Facts } from './evaluate';
import { COMPARISONS, MAX_DEPTH, referencedFacts, Rule, type Test } from './rules';

/**
 * Properties of the engine: evaluation is total (it never throws, whatever the facts), and a missing fact
 * never makes a pass: an outcome reached without a fact stays the same whatever value the fact later takes.
 */

const NAMES = ['employees', 'technicalStaff', 'domesticOwnershipPct', 'sector', 'doesRnd', 'callYear', 'lastFailedAcceptanceYear', 'a', 'b'];
const factName = fc.oneof(fc.constantFrom(...NAMES), fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,8}$/));
const plausible = fc.oneof(
  fc.integer({ min: -10, max: 3000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom(...SECTORS, 'tenant', ''),
  fc.constant(null),
  fc.string({ maxLength: 5 }),
);
const value = fc.oneof(plausible, fc.anything());

const leaf: fc.Arbitrary<Test> = fc.oneof(
  fc.record({ op: fc.constantFrom(...COMPARISONS), fact: factName, value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) }),
  fc.record({ op: fc.constantFrom(...COMPARISONS), ratio: fc.tuple(factName, factName), value: fc.double({ noNaN: true, min: 0, max: 2 }) }),
  fc.record({ op: fc.constant('eq' as const), fact: factName, value: fc.oneof(fc.boolean(), fc.integer(), fc.constantFrom(...SECTORS)) }),
  fc.record({
    op: fc.constant('in' as const),
    fact: factName,
    values: fc.array(fc.oneof(fc.constantFrom(...SECTORS), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ op: fc.constant('not_within_years' as const), fact: factName, years: fc.integer({ min: 0, max: 5 }), asOf: factName }),
);
const { test: testArb } = fc.letrec<{ test: Test }>((tie) => ({
  test: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: MAX_DEPTH - 1 },
    leaf,
    fc.record({ op: fc.constantFrom('all' as const, 'any' as const), tests: fc.array(tie('test'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ op: fc.constant('not' as const), test: tie('test') }),
  ),
}));
const ruleArb = testArb.map((test): Rule => ({ id: 'generated', source: 'property test', label: { en: 'g', zh: 'g', ur: 'g' }, test }));

const factsArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.dictionary(factName, value, { maxKeys: 8 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 8 }),
  fc.record(Object.fromEntries(NAMES.map((n) => [n, plausible])), { requiredKeys: [] }),
);

const ALL_RULES = [...DEFAULT_RULES, ...RULE_TEMPLATES];
const without = (facts: Record<string, unknown>, name: string) => Object.fromEntries(Object.entries(facts).filter(([k]) => k !== name));

describe('evaluation is total', () => {
  it('generated rules are valid rule data', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        expect(Rule.safeParse(rule).success).toBe(true);
      }),
    );
  });

  it('never throws, for any facts whatever, and explains itself in every language', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 3 }), fc.oneof(factsArb, fc.anything() as fc.Arbitrary<Facts>), (generated, facts) => {
        const rules = [...ALL_RULES, ...generated];
        const e = evaluate(rules, facts);
        expect(e.results).toHaveLength(rules.length);
        for (const r of e.results) {
          expect(['pass', 'fail', 'unknown']).toContain(r.outcome);
          expect(r.reason.key).toMatch(/^eligibility\.reason\.[a-z_]+$/);
          expect(r.reason.key).not.toBe('eligibility.reason.bad_test');
          if (r.outcome !== 'unknown') expect(r.missingFacts).toEqual([]);
        }
        const verdict = e.results.some((r) => r.outcome === 'fail') ? 'ineligible' : e.results.some((r) => r.outcome === 'unknown') ? 'incomplete' : 'eligible';
        expect(e.verdict).toBe(verdict);
        expect(() => JSON.stringify(e)).not.toThrow();
        // The facts' own words are quoted as they are (a sector typed as "{{" is shown as "{{"): what is left must hold
        // no message key and no placeholder the translation did not fill.
        const quoted = typeof facts === 'object' && facts ? Object.values(facts).filter((v): v is string => typeof v === 'string' && v !== '') : [];
        for (const lang of ['en', 'zh', 'ur'] as const) {
          for (const x of explain(e, lang).rules) {
            expect(typeof x.reason).toBe('string');
            const ours = quoted.reduce((text, v) => text.split(v).join(''), x.reason);
            expect(ours).not.toMatch(/eligibility\.|\{\{/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a missing fact never yields pass', () => {
  it('with none of its facts, a rule is unknown and names only facts it reads', () => {
    fc.assert(
      fc.property(ruleArb, factsArb, (rule, facts) => {
        const read = referencedFacts(rule.test);
        const rest = read.reduce(without, facts);
        const r = evaluate([rule], rest).results[0];
        expect(r.outcome).toBe('unknown');
        expect(r.missingFacts.length).toBeGreaterThan(0);
        for (const f of r.missingFacts) expect(read).toContain(f);
      }),
      { numRuns: 500 },
    );
  });

  it('an outcome reached without a fact holds whatever value the fact takes', () => {
    fc.assert(
      fc.property(ruleArb, factsArb, fc.nat(), fc.array(value, { minLength: 1, maxLength: 5 }), (rule, facts, pick, values) => {
        const read = referencedFacts(rule.test);
        const name = read[pick % read.length];
        const before = evaluate([rule], without(facts, name)).results[0].outcome;
        if (before === 'unknown') return;
        for (const v of values) expect(evaluate([rule], { ...without(facts, name), [name]: v }).results[0].outcome).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('no default rule passes without any one of the facts it reads', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        for (const rule of DEFAULT_RULES) {
          for (const name of referencedFacts(rule.test)) {
            expect(evaluate([rule], without(facts, name)).results[0].outcome, `${rule.id} without ${name}`).not.toBe('pass');
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
