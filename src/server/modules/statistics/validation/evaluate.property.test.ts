import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHolds, NEGATION } from './compare';
import { validateSubmission } from './evaluate';
import { explainFinding, explainUnchecked } from './explain';
import { type Expr, formatExpression, indicatorsOf, parseExpression } from './expression';
import { COMPARE_OPS, ValidationRule } from './rules';

/**
 * Properties of the engine: a compare rule and its negation never both pass (and, when both can be
 * checked, exactly one does); printing an expression and parsing it back gives the same tree; a rule
 * never throws and never fails for a value it could not read; every finding has words in every language.
 */

const CODES = ['rd_expenditure', 'operating_revenue', 'employees', 'employees_degree', 'exports'];
const code = fc.constantFrom(...CODES);
const figure = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.constantFrom(0, 0.1, 0.2, 0.3, 1e-12),
);
const maybe = fc.oneof({ weight: 5, arbitrary: figure }, { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY) });
const valuesArb = fc.dictionary(code, maybe, { maxKeys: CODES.length });

const { expr: exprArb } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.record({ type: fc.constant('indicator' as const), code }),
    fc.record({ type: fc.constant('number' as const), value: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(0.5, 100, 0.001)) }),
    fc.record({ type: fc.constant('negate' as const), argument: tie('expr') }),
    fc.record({
      type: fc.constant('binary' as const),
      op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const),
      left: tie('expr'),
      right: tie('expr'),
    }),
  ),
}));
/** The tree the parser makes: −(number) is folded into the number. */
const normal = (e: Expr): Expr => {
  if (e.type === 'negate') {
    const a = normal(e.argument);
    return a.type === 'number' ? { type: 'number', value: -a.value } : { type: 'negate', argument: a };
  }
  if (e.type === 'binary') return { ...e, left: normal(e.left), right: normal(e.right) };
  return e.type === 'number' && Object.is(e.value, -0) ? { type: 'number', value: 0 } : e;
};
const side = exprArb.map((e) => formatExpression(e));

describe('compare rules and their negation', () => {
  it('never both pass; when both are checked, exactly one passes', () => {
    fc.assert(
      fc.property(side, fc.constantFrom(...COMPARE_OPS), side, valuesArb, (left, op, right, values) => {
        const rule = ValidationRule.parse({ id: 'r', kind: 'compare', left, op, right });
        const negated = ValidationRule.parse({ id: 'n', kind: 'compare', left, op: NEGATION[op], right });
        const a = validateSubmission([rule], values, [], 2024);
        const b = validateSubmission([negated], values, [], 2024);
        const passes = (o: typeof a) => o.findings.length === 0 && o.unchecked.length === 0;
        expect(passes(a) && passes(b)).toBe(false);
        // unchecked is a property of the operands, not of the operator
        expect(a.unchecked.map((u) => u.reason)).toEqual(b.unchecked.map((u) => u.reason));
        if (a.unchecked.length === 0) expect(passes(a) !== passes(b)).toBe(true);
      }),
    );
  });

  it('compareHolds: each operator and its negation are complements, also with rounding', () => {
    fc.assert(
      fc.property(figure, figure, fc.constantFrom(...COMPARE_OPS), (a, b, op) => {
        expect(compareHolds(a, op, b)).toBe(!compareHolds(a, NEGATION[op], b));
      }),
    );
  });
});

describe('expressions', () => {
  it('print and parse back to the same tree', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        expect(parseExpression(formatExpression(e))).toEqual(normal(e));
      }),
    );
  });

  it('parsing arbitrary text either succeeds or throws an ExpressionError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^[a-z0-9_ +\-*/().<=>!,^%]{0,30}$/)), (text) => {
        try {
          const e = parseExpression(text);
          for (const c of indicatorsOf(e)) expect(c).toMatch(/^[a-z][a-z0-9_]*$/);
        } catch (err) {
          expect((err as Error).name).toBe('ExpressionError');
          expect((err as Error).message).toMatch(/at (column \d+|the end) of/);
        }
      }),
    );
  });
});

const ruleArb = fc.oneof(
  fc.record({ id: fc.constant('c'), kind: fc.constant('compare'), left: side, op: fc.constantFrom(...COMPARE_OPS), right: side }),
  fc.record({ id: fc.constant('q'), kind: fc.constant('required'), indicators: fc.array(code, { minLength: 1, maxLength: 3 }) }),
  fc.record({
    id: fc.constant('p'),
    kind: fc.constant('requiredPair'),
    when: code,
    whenNonZero: fc.boolean(),
    // biome-ignore lint/suspicious/noThenProperty: `then` is the requiredPair rule's field (issue 5 API); rules are data, never awaited
    then: fc.array(code, { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    id: fc.constant('g'),
    kind: fc.constant('range'),
    indicator: code,
    min: fc.integer({ min: -10, max: 0 }),
    max: fc.integer({ min: 0, max: 1000 }),
  }),
  fc.record({
    id: fc.constant('m'),
    kind: fc.constant('outlierMinMax'),
    indicator: code,
    minRatio: fc.constantFrom(0.2, 0.5),
    maxRatio: fc.constantFrom(2, 5),
  }),
  fc.record({
    id: fc.constant('z'),
    kind: fc.constant('outlierZScore'),
    indicator: code,
    maxZ: fc.constantFrom(1, 3),
    minHistory: fc.integer({ min: 2, max: 4 }),
  }),
);
const historyArb = fc.array(fc.record({ year: fc.integer({ min: 2015, max: 2025 }), values: valuesArb }), { maxLength: 6 });

describe('validateSubmission', () => {
  it('is total, fails only on values it read, and explains everything in three languages', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 4 }), valuesArb, historyArb, (raw, values, history) => {
        const rules = raw.map((r) => ValidationRule.parse(r));
        const out = validateSubmission(rules, values, history, 2024);
        for (const f of out.findings) {
          for (const c of f.indicators) expect(CODES).toContain(c);
          for (const lang of ['en', 'zh', 'ur'] as const) {
            const text = explainFinding(f, lang, (c) => c.replace(/_/g, ' '));
            expect(text).not.toContain('{{');
            expect(text).not.toContain('statistics:');
            expect(text).not.toMatch(/NaN|Infinity|undefined/);
          }
        }
        for (const u of out.unchecked) {
          for (const lang of ['en', 'zh', 'ur'] as const) expect(explainUnchecked(u, lang, (c) => c)).not.toContain('{{');
        }
      }),
    );
  });
});
