import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, referencedFacts, Rule, RuleSet, type Test, testDepth } from './rules';

const base = { id: 'r', source: 'seeds/000_d1407c9116085406.txt#x', label: { en: 'a', zh: 'b', ur: 'c' } };
const ok = (test: unknown) => Rule.safeParse({ ...base, test }).success;

describe('the rule schema', () => {
  it('accepts every kind of test of the issue', () => {
    expect(ok({ op: 'lt', fact: 'employees', value: 500 })).toBe(true);
    expect(ok({ op: 'gte', ratio: ['technicalStaff', 'employees'], value: 0.3 })).toBe(true);
    expect(ok({ op: 'gt', fact: 'domesticOwnershipPct', value: 50 })).toBe(true);
    expect(ok({ op: 'in', fact: 'sector', values: ['biomedicine', 'aerospace'] })).toBe(true);
    expect(ok({ op: 'eq', fact: 'doesRnd', value: true })).toBe(true);
    expect(ok({ op: 'lte', fact: 'applicationsThisCall', value: 0 })).toBe(true);
    expect(ok({ op: 'not_within_years', fact: 'lastFailedAcceptanceYear', years: 3, asOf: 'callYear' })).toBe(true);
    expect(
      ok({
        op: 'all',
        tests: [
          { op: 'not', test: { op: 'eq', fact: 'a', value: 'x' } },
          { op: 'any', tests: [{ op: 'lt', fact: 'b', value: 1 }] },
        ],
      }),
    ).toBe(true);
  });

  it('rejects malformed tests', () => {
    expect(ok({ op: 'between', fact: 'employees', value: 5 })).toBe(false);
    expect(ok({ op: 'lt', fact: 'employees', value: '500' })).toBe(false);
    expect(ok({ op: 'lt', fact: 'employees', value: Number.POSITIVE_INFINITY })).toBe(false);
    expect(ok({ op: 'lt', fact: 'employees', ratio: ['a', 'b'], value: 1 })).toBe(false);
    expect(ok({ op: 'lt', fact: '__proto__.x', value: 1 })).toBe(false);
    expect(ok({ op: 'lt', fact: 'messages:x', value: 1 })).toBe(false);
    expect(ok({ op: 'in', fact: 'sector', values: [] })).toBe(false);
    expect(ok({ op: 'all', tests: [] })).toBe(false);
    expect(ok({ op: 'not_within_years', fact: 'y', years: 2.5, asOf: 'callYear' })).toBe(false);
    expect(ok({ op: 'eq', fact: 'a', value: { nested: true } })).toBe(false);
  });

  it('requires the label in all three languages and a source', () => {
    expect(Rule.safeParse({ ...base, label: { en: 'a', zh: 'b' }, test: { op: 'lt', fact: 'a', value: 1 } }).success).toBe(false);
    expect(Rule.safeParse({ ...base, source: ' ', test: { op: 'lt', fact: 'a', value: 1 } }).success).toBe(false);
  });

  it('limits nesting', () => {
    let test: Test = { op: 'lt', fact: 'a', value: 1 };
    for (let i = 1; i < MAX_DEPTH; i++) test = { op: 'not', test };
    expect(testDepth(test)).toBe(MAX_DEPTH);
    expect(ok(test)).toBe(true);
    expect(ok({ op: 'not', test })).toBe(false);
  });

  it('refuses duplicate rule ids in a set', () => {
    const r = { ...base, test: { op: 'lt', fact: 'a', value: 1 } };
    expect(RuleSet.safeParse([r, { ...r, id: 's' }]).success).toBe(true);
    expect(RuleSet.safeParse([r, r]).success).toBe(false);
  });

  it('round-trips through JSON unchanged', () => {
    const rule = Rule.parse({
      ...base,
      note: 'n',
      test: {
        op: 'any',
        tests: [
          { op: 'gte', ratio: ['t', 'e'], value: 0.3 },
          { op: 'eq', fact: 'x', value: false },
        ],
      },
    });
    expect(Rule.parse(JSON.parse(JSON.stringify(rule)))).toEqual(rule);
  });

  it('lists the facts a test reads', () => {
    expect(
      referencedFacts({
        op: 'all',
        tests: [
          { op: 'gte', ratio: ['technicalStaff', 'employees'], value: 0.3 },
          { op: 'lt', fact: 'employees', value: 500 },
          { op: 'not', test: { op: 'not_within_years', fact: 'lastFailedAcceptanceYear', years: 3, asOf: 'callYear' } },
        ],
      }),
    ).toEqual(['technicalStaff', 'employees', 'lastFailedAcceptanceYear', 'callYear']);
  });
});
