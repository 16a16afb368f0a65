import { describe, expect, it } from 'vitest';
import { checkRules } from './check-rules';

const KNOWN = new Set(['rd_expenditure', 'operating_revenue', 'employees', 'employees_degree', 'exports', 'st_personnel']);
const problems = (rules: unknown) => {
  const r = checkRules(rules, KNOWN);
  return r.ok ? [] : r.problems;
};

describe('checkRules', () => {
  it('accepts well-formed rules and returns them with defaults applied', () => {
    const r = checkRules(
      [
        { id: 'rd_within_revenue', kind: 'compare', left: 'rd_expenditure', op: '<=', right: 'operating_revenue', source: 'seeds/002_*' },
        { id: 'degree_within_employees', kind: 'compare', left: 'employees_degree', op: '<=', right: 'employees * 1' },
        { id: 'core', kind: 'required', indicators: ['employees', 'operating_revenue'] },
        // biome-ignore lint/suspicious/noThenProperty: `then` is the requiredPair rule's field (issue 5 API); rules are data, never awaited
        { id: 'exports_need_revenue', kind: 'requiredPair', when: 'exports', then: ['operating_revenue'] },
        { id: 'employees_nonnegative', kind: 'range', indicator: 'employees', min: 0 },
        { id: 'revenue_vs_last_year', kind: 'outlierMinMax', indicator: 'operating_revenue', minRatio: 0.2, maxRatio: 5 },
        { id: 'employees_vs_history', kind: 'outlierZScore', indicator: 'employees' },
      ],
      KNOWN,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rules.map((x) => x.severity)).toEqual(['error', 'error', 'error', 'error', 'error', 'warning', 'warning']);
    expect(r.rules[3]).toMatchObject({ whenNonZero: false });
    expect(r.rules[6]).toMatchObject({ maxZ: 3, minHistory: 3 });
  });

  it('flags unknown indicator codes with their path, suggesting the near one', () => {
    expect(
      problems([
        { id: 'a', kind: 'compare', left: 'rd_expenditur', op: '<=', right: 'operating_revenue + patents' },
        { id: 'b', kind: 'required', indicators: ['employees', 'tax_paid'] },
        // biome-ignore lint/suspicious/noThenProperty: `then` is the requiredPair rule's field (issue 5 API); rules are data, never awaited
        { id: 'c', kind: 'requiredPair', when: 'export', then: ['operating_revenue', 'employes'] },
        { id: 'd', kind: 'outlierZScore', indicator: 'revenue' },
      ]),
    ).toEqual([
      { path: '0.left', message: 'unknown indicator "rd_expenditur" (did you mean "rd_expenditure"?)' },
      { path: '0.right', message: 'unknown indicator "patents"' },
      { path: '1.indicators.1', message: 'unknown indicator "tax_paid"' },
      { path: '2.when', message: 'unknown indicator "export" (did you mean "exports"?)' },
      { path: '2.then.1', message: 'unknown indicator "employes" (did you mean "employees"?)' },
      { path: '3.indicator', message: 'unknown indicator "revenue"' },
    ]);
  });

  it('flags expressions that do not parse, with the parser’s message', () => {
    expect(problems([{ id: 'x', kind: 'compare', left: 'rd_expenditure', op: '<=', right: 'operating_revenue ** 2' }])).toEqual([
      { path: '0.right', message: '"**" (power) is not supported: only + - * / and parentheses (at column 19 of "operating_revenue ** 2")' },
    ]);
  });

  it('flags malformed rules with a path: wrong kind, missing and mistyped fields, unknown fields', () => {
    const found = problems([
      'not a rule',
      { id: 'k', kind: 'ratio', indicator: 'employees' },
      { id: 'o', kind: 'compare', left: 'employees', op: '=<', right: 'employees_degree' },
      { kind: 'required', indicators: [] },
      { id: 's', kind: 'range', indicator: 'employees', min: 0, severty: 'warning' },
      { id: 'z', kind: 'outlierZScore', indicator: 'employees', maxZ: -1, minHistory: 1 },
    ]);
    const paths = found.map((p) => p.path);
    expect(paths).toEqual(['0', '1.kind', '2.op', '3.id', '3.indicators', '4.severty', '5.maxZ', '5.minHistory']);
    expect(found[1].message).toBe('kind must be one of compare, required, requiredPair, range, outlierMinMax, outlierZScore (got "ratio")');
    expect(found[5].message).toBe('unknown field "severty"');
    for (const p of found) expect(p.message.length).toBeGreaterThan(5);
  });

  it('flags what the schema cannot: no limits, reversed limits, a pair on itself, duplicates, constant comparisons', () => {
    expect(
      problems([
        { id: 'r1', kind: 'range', indicator: 'employees' },
        { id: 'r2', kind: 'range', indicator: 'employees', min: 10, max: 1 },
        { id: 'm', kind: 'outlierMinMax', indicator: 'exports', minRatio: 5, maxRatio: 0.2 },
        // biome-ignore lint/suspicious/noThenProperty: `then` is the requiredPair rule's field (issue 5 API); rules are data, never awaited
        { id: 'p', kind: 'requiredPair', when: 'exports', then: ['exports'] },
        { id: 'q', kind: 'required', indicators: ['employees', 'employees'] },
        { id: 'r1', kind: 'compare', left: '1', op: '<', right: '2' },
      ]),
    ).toEqual([
      { path: '0', message: 'a range needs min, max or both' },
      { path: '1.min', message: 'min (10) is greater than max (1)' },
      { path: '2.minRatio', message: 'minRatio (5) is greater than maxRatio (0.2)' },
      { path: '3.then.0', message: '"exports" is also the "when" indicator: a value cannot require itself' },
      { path: '4.indicators.1', message: '"employees" is listed twice' },
      { path: '5.id', message: 'duplicate rule id "r1" (rule 0 has it)' },
      { path: '5', message: 'compares two numbers: name an indicator on at least one side' },
    ]);
  });

  it('refuses what is not a list', () => {
    expect(problems({ id: 'x' })).toEqual([{ path: '', message: 'expected a list of rules' }]);
    expect(problems(null)).toEqual([{ path: '', message: 'expected a list of rules' }]);
    expect(checkRules([], KNOWN)).toEqual({ ok: true, rules: [] });
  });
});
