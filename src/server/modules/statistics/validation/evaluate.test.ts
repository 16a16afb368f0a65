import { describe, expect, it } from 'vitest';
import { validateSubmission } from './evaluate';
import { ValidationRule } from './rules';

/**
 * The survey's cross-checks on the seeds' own figures. seeds/002_* reports, for the national high-tech
 * zones in 2018, 20.91 million employees of whom 57.7% hold a college degree or above ("2091万名从业人员中,
 * 大学专科以上占比57.7%"), and R&D spending of 745.57 billion yuan (7455.7亿元) against an operating revenue
 * of 30.7 trillion yuan in 2017 ("the operating revenue of 156 national hi-tech zones achieved 30.7
 * trillion Yuan"). Money in thousands of yuan, as the survey reports it.
 */
const rules = (list: unknown[]) => list.map((r) => ValidationRule.parse(r));
const run = (list: unknown[], values: Record<string, number | null | undefined>) => validateSubmission(rules(list), values, [], 2018);

const RD_WITHIN_REVENUE = { id: 'rd_within_revenue', kind: 'compare', left: 'rd_expenditure', op: '<=', right: 'operating_revenue', source: 'seeds/002_*' };
const DEGREE_WITHIN_EMPLOYEES = { id: 'degree_within_employees', kind: 'compare', left: 'employees_degree', op: '<=', right: 'employees' };

describe('compare', () => {
  it('passes the seeds’ zone totals: R&D expenditure within operating revenue', () => {
    expect(run([RD_WITHIN_REVENUE], { rd_expenditure: 745_570_000, operating_revenue: 30_700_000_000 })).toEqual({ findings: [], unchecked: [] });
  });

  it('fails R&D expenditure above operating revenue, with both values and the codes to highlight', () => {
    const { findings, unchecked } = run([RD_WITHIN_REVENUE], { rd_expenditure: 1_200_000, operating_revenue: 800_000 });
    expect(unchecked).toEqual([]);
    expect(findings).toEqual([
      {
        ruleId: 'rd_within_revenue',
        kind: 'compare',
        severity: 'error',
        indicators: ['rd_expenditure', 'operating_revenue'],
        key: 'statistics:validation.compare_failed.lte',
        params: { left: 'rd_expenditure', op: '<=', right: 'operating_revenue', leftValue: 1_200_000, rightValue: 800_000 },
        source: 'seeds/002_*',
      },
    ]);
  });

  it('employees with a degree within year-end employees: 57.7% of 20.91 million passes, more than all fails', () => {
    expect(run([DEGREE_WITHIN_EMPLOYEES], { employees: 20_910_000, employees_degree: Math.round(20_910_000 * 0.577) }).findings).toEqual([]);
    expect(run([DEGREE_WITHIN_EMPLOYEES], { employees: 120, employees_degree: 130 }).findings).toMatchObject([
      { ruleId: 'degree_within_employees', key: 'statistics:validation.compare_failed.lte', params: { leftValue: 130, rightValue: 120 } },
    ]);
  });

  it('is unchecked (missing_values), not failed, when an operand is missing: the required rules catch that', () => {
    expect(run([RD_WITHIN_REVENUE], { rd_expenditure: 1_200_000 })).toEqual({
      findings: [],
      unchecked: [
        {
          ruleId: 'rd_within_revenue',
          reason: 'missing_values',
          kind: 'compare',
          indicators: ['operating_revenue'],
          key: 'statistics:validation.unchecked.missing_values',
          params: { count: 1 },
        },
      ],
    });
    expect(run([RD_WITHIN_REVENUE], { rd_expenditure: null, operating_revenue: null }).unchecked[0].indicators).toEqual([
      'rd_expenditure',
      'operating_revenue',
    ]);
  });

  it('is unchecked (division_by_zero) when an expression divides by zero', () => {
    const share = { id: 'rd_share', kind: 'compare', left: 'rd_expenditure / operating_revenue * 100', op: '<=', right: '100' };
    expect(run([share], { rd_expenditure: 5, operating_revenue: 0 }).unchecked).toMatchObject([
      { ruleId: 'rd_share', reason: 'division_by_zero', key: 'statistics:validation.unchecked.zero_divisor' },
    ]);
    expect(run([share], { rd_expenditure: 5, operating_revenue: 10 })).toEqual({ findings: [], unchecked: [] });
    expect(run([share], { rd_expenditure: 50, operating_revenue: 10 }).findings[0].params).toMatchObject({ leftValue: 500, rightValue: 100 });
  });

  it('compares with tolerance: a total equal to the sum of its parts passes "="', () => {
    const total = { id: 'total', kind: 'compare', left: 'a + b', op: '=', right: 'total' };
    expect(run([total], { a: 0.1, b: 0.2, total: 0.3 }).findings).toEqual([]);
    expect(run([total], { a: 0.1, b: 0.2, total: 0.31 }).findings).toHaveLength(1);
  });

  it('keeps a warning a warning', () => {
    expect(run([{ ...DEGREE_WITHIN_EMPLOYEES, severity: 'warning' }], { employees: 1, employees_degree: 2 }).findings[0].severity).toBe('warning');
  });

  it('throws, naming the rule, on an expression that does not parse (checkRules guards forms)', () => {
    expect(() => run([{ id: 'broken', kind: 'compare', left: 'a ** 2', op: '<', right: 'b' }], { a: 1, b: 2 })).toThrow(
      /validation rule "broken": "\*\*" \(power\)/,
    );
  });
});

describe('required', () => {
  const CORE = { id: 'core_figures', kind: 'required', indicators: ['employees', 'operating_revenue'] };

  it('passes when every listed indicator has a value, 0 included', () => {
    expect(run([CORE], { employees: 0, operating_revenue: 1 })).toEqual({ findings: [], unchecked: [] });
  });

  it('fails once per indicator without a value (absent, null, NaN)', () => {
    const { findings, unchecked } = run([CORE], { employees: Number.NaN });
    expect(unchecked).toEqual([]);
    expect(findings.map((f) => [f.indicators, f.key, f.params])).toEqual([
      [['employees'], 'statistics:validation.required_missing', { indicator: 'employees' }],
      [['operating_revenue'], 'statistics:validation.required_missing', { indicator: 'operating_revenue' }],
    ]);
  });
});

describe('requiredPair', () => {
  // biome-ignore lint/suspicious/noThenProperty: `then` is the requiredPair rule's field (issue 5 API); rules are data, never awaited
  const EXPORTS_NEED_REVENUE = { id: 'exports_need_revenue', kind: 'requiredPair', when: 'exports', then: ['operating_revenue'] };

  it('exports filled → operating revenue required', () => {
    expect(run([EXPORTS_NEED_REVENUE], { exports: 500 }).findings).toEqual([
      {
        ruleId: 'exports_need_revenue',
        kind: 'requiredPair',
        severity: 'error',
        indicators: ['operating_revenue', 'exports'],
        key: 'statistics:validation.required_pair_missing.filled',
        params: { indicator: 'operating_revenue', when: 'exports', whenValue: 500 },
      },
    ]);
    expect(run([EXPORTS_NEED_REVENUE], { exports: 500, operating_revenue: 9000 }).findings).toEqual([]);
  });

  it('does not apply when `when` has no value; an exported 0 still counts as filled', () => {
    expect(run([EXPORTS_NEED_REVENUE], { exports: null })).toEqual({ findings: [], unchecked: [] });
    expect(run([EXPORTS_NEED_REVENUE], { exports: 0 }).findings).toHaveLength(1);
  });

  it('with whenNonZero, a 0 does not require the pair', () => {
    // biome-ignore lint/suspicious/noThenProperty: `then` is the requiredPair rule's field (issue 5 API); rules are data, never awaited
    const rdNeedsPersonnel = { id: 'rd_needs_personnel', kind: 'requiredPair', when: 'rd_expenditure', whenNonZero: true, then: ['st_personnel'] };
    expect(run([rdNeedsPersonnel], { rd_expenditure: 0 }).findings).toEqual([]);
    expect(run([rdNeedsPersonnel], { rd_expenditure: 12 }).findings).toMatchObject([
      { key: 'statistics:validation.required_pair_missing.nonzero', params: { indicator: 'st_personnel', when: 'rd_expenditure', whenValue: 12 } },
    ]);
  });
});

describe('range', () => {
  const SHARE = { id: 'degree_share', kind: 'range', indicator: 'degree_share_pct', min: 0, max: 100 };

  it('passes inside, at the limits, fails outside', () => {
    for (const v of [0, 57.7, 100]) expect(run([SHARE], { degree_share_pct: v }).findings).toEqual([]);
    expect(run([SHARE], { degree_share_pct: 120 }).findings).toMatchObject([
      { key: 'statistics:validation.range_failed.between', params: { indicator: 'degree_share_pct', value: 120, min: 0, max: 100 } },
    ]);
  });

  it('with one limit, says which', () => {
    expect(run([{ id: 'r', kind: 'range', indicator: 'employees', min: 0 }], { employees: -3 }).findings[0]).toMatchObject({
      key: 'statistics:validation.range_failed.min',
      params: { value: -3, min: 0 },
    });
    expect(run([{ id: 'r', kind: 'range', indicator: 'employees', max: 10 }], { employees: 11 }).findings[0].key).toBe(
      'statistics:validation.range_failed.max',
    );
  });

  it('is unchecked without a value', () => {
    expect(run([SHARE], {}).unchecked).toMatchObject([{ ruleId: 'degree_share', reason: 'missing_values', indicators: ['degree_share_pct'] }]);
  });
});

describe('validateSubmission', () => {
  it('reports findings in rule order, across kinds', () => {
    const out = run([RD_WITHIN_REVENUE, { id: 'core', kind: 'required', indicators: ['employees'] }, DEGREE_WITHIN_EMPLOYEES], {
      rd_expenditure: 2,
      operating_revenue: 1,
      employees_degree: 3,
    });
    expect(out.findings.map((f) => f.ruleId)).toEqual(['rd_within_revenue', 'core']);
    expect(out.unchecked.map((u) => u.ruleId)).toEqual(['degree_within_employees']);
  });

  it('defaults severities as the schema does: error, except outliers', () => {
    const parsed = rules([RD_WITHIN_REVENUE, { id: 'o', kind: 'outlierMinMax', indicator: 'x', minRatio: 0.5, maxRatio: 2 }]);
    expect(parsed.map((r) => r.severity)).toEqual(['error', 'warning']);
  });
});
