import { describe, expect, it } from 'vitest';
import {
  computeExpression,
  type Expr,
  ExpressionError,
  evaluateExpression,
  formatExpression,
  indicatorsOf,
  parseComparison,
  parseExpression,
} from './expression';

/** The error `fn` throws: an ExpressionError, with its position. */
function error(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return err as ExpressionError;
  }
  throw new Error('expected an ExpressionError');
}

describe('parseExpression', () => {
  it('reads indicator codes, numbers, + - * /, unary minus and parentheses', () => {
    expect(parseExpression('rd_expenditure')).toEqual({ type: 'indicator', code: 'rd_expenditure' });
    expect(parseExpression(' 1.5e3 ')).toEqual({ type: 'number', value: 1500 });
    expect(parseExpression('-5')).toEqual({ type: 'number', value: -5 });
    expect(parseExpression('(exports + technical_income) / operating_revenue * 100')).toEqual({
      type: 'binary',
      op: '*',
      left: {
        type: 'binary',
        op: '/',
        left: { type: 'binary', op: '+', left: { type: 'indicator', code: 'exports' }, right: { type: 'indicator', code: 'technical_income' } },
        right: { type: 'indicator', code: 'operating_revenue' },
      },
      right: { type: 'number', value: 100 },
    });
    expect(parseExpression('-employees')).toEqual({ type: 'negate', argument: { type: 'indicator', code: 'employees' } });
  });

  it('follows arithmetic precedence: * and / before + and -, left to right', () => {
    const values = { a: 10, b: 4, c: 2 };
    expect(evaluateExpression(parseExpression('a - b - c'), values)).toBe(4);
    expect(evaluateExpression(parseExpression('a - (b - c)'), values)).toBe(8);
    expect(evaluateExpression(parseExpression('a + b * c'), values)).toBe(18);
    expect(evaluateExpression(parseExpression('a / b / c'), values)).toBe(1.25);
    expect(evaluateExpression(parseExpression('-a * -b'), values)).toBe(40);
  });

  it('lists the indicators an expression reads, once each, in order', () => {
    expect(indicatorsOf(parseExpression('b + a * b - 3 / c'))).toEqual(['b', 'a', 'c']);
    expect(indicatorsOf(parseExpression('42'))).toEqual([]);
  });

  it('refuses the incomplete comparison "rd_expenditure <= " and says where and why', () => {
    const e = error(() => parseExpression('rd_expenditure <= '));
    expect(e.index).toBe(15);
    expect(e.message).toBe(
      'a comparison ("<=") is not allowed inside an expression: a compare rule takes it as its "op" (at column 16 of "rd_expenditure <= ")',
    );
  });

  it('refuses a function call foo(1)', () => {
    const e = error(() => parseExpression('foo(1)'));
    expect(e.index).toBe(0);
    expect(e.message).toContain('functions such as "foo(…)" are not supported');
    expect(e.message).toContain('column 1');
  });

  it('refuses the power operator a ** 2', () => {
    const e = error(() => parseExpression('a ** 2'));
    expect(e.index).toBe(2);
    expect(e.message).toContain('"**" (power) is not supported: only + - * / and parentheses');
    expect(e.message).toContain('column 3');
  });

  it.each([
    ['', 'expected an expression: a number or an indicator code', 0],
    ['   ', 'expected an expression: a number or an indicator code', 3],
    ['a +', 'expected a number, an indicator code or "(" after "+"', 3],
    ['-', 'expected a number, an indicator code or "(" after "-"', 1],
    ['(a + b', 'missing ")" to close a "("', 6],
    ['a + b)', 'unexpected ")": there is no "(" to close', 5],
    ['()', 'expected an expression inside "( )"', 1],
    ['a b', 'expected an operator (+ - * /) before "b"', 2],
    ['2 (a)', 'expected an operator (+ - * /) before "("', 2],
    ['a % 2', '"%" (remainder) is not supported', 2],
    ['a ^ 2', '"^" (power) is not supported', 2],
    ['a.b', '"." is not allowed: indicator codes are plain names', 1],
    ['a[1]', '"[" is not allowed', 1],
    ['"revenue"', 'text in quotes is not allowed', 0],
    ['1,000 + a', '"," is not allowed: write one formula, and numbers without thousands separators', 1],
    ['a ? b : c', '"?" is not allowed', 2],
    ['true', '"true" is not a number or an indicator code', 0],
    ['this + 1', '"this" is not a number or an indicator code', 0],
    ['Operating_Revenue', '"Operating_Revenue" is not an indicator code: use lower-case letters, digits and _', 0],
    ['收入 + 1', '"收入" is not an indicator code', 0],
    ['+a', 'a leading "+" is not needed', 0],
    ['a = b', 'a comparison ("=") is not allowed inside an expression', 2],
    ['!a', '"!" is not allowed', 0],
    ['3a', '"3a" is neither a number nor an indicator code', 0],
    ['1e', '"1e" needs digits after the exponent', 0],
    ['1.2.3', 'unexpected "." (a number has at most one decimal point)', 3],
  ])('refuses %j: %s', (text, problem, index) => {
    const e = error(() => parseExpression(text));
    expect(e.problem).toContain(problem);
    expect(e.index).toBe(index);
    expect(e.text).toBe(text);
  });

  it('reports the leftmost of two problems', () => {
    expect(error(() => parseExpression('foo(a ** 2)')).problem).toContain('functions');
    expect(error(() => parseExpression('a ** 2 + foo(1)')).problem).toContain('power');
  });

  it('refuses an expression longer than 1000 characters', () => {
    const long = Array.from({ length: 300 }, (_, i) => `a${i}`).join(' + ');
    expect(error(() => parseExpression(long)).problem).toContain('longer than 1000 characters');
  });
});

describe('computeExpression / evaluateExpression', () => {
  const ratio = parseExpression('rd_expenditure / operating_revenue');

  it('computes with the submission values', () => {
    expect(computeExpression(ratio, { rd_expenditure: 30, operating_revenue: 600 })).toEqual({ ok: true, value: 0.05 });
  });

  it('is null, naming every missing indicator, when values are absent, null or not finite', () => {
    expect(computeExpression(ratio, {})).toEqual({ ok: false, reason: 'missing_values', missing: ['rd_expenditure', 'operating_revenue'] });
    expect(computeExpression(ratio, { rd_expenditure: null, operating_revenue: Number.NaN })).toEqual({
      ok: false,
      reason: 'missing_values',
      missing: ['rd_expenditure', 'operating_revenue'],
    });
    expect(evaluateExpression(ratio, { rd_expenditure: 1, operating_revenue: undefined })).toBeNull();
  });

  it('is null with the flag division_by_zero when it divides by zero', () => {
    expect(computeExpression(ratio, { rd_expenditure: 30, operating_revenue: 0 })).toEqual({ ok: false, reason: 'division_by_zero' });
    expect(computeExpression(parseExpression('a / (b - b)'), { a: 0, b: 7 })).toEqual({ ok: false, reason: 'division_by_zero' });
    expect(evaluateExpression(ratio, { rd_expenditure: 30, operating_revenue: 0 })).toBeNull();
  });

  it('reports missing values before a division by zero (filling them in may change the divisor)', () => {
    expect(computeExpression(parseExpression('a / 0 + b'), { a: 1 })).toEqual({ ok: false, reason: 'missing_values', missing: ['b'] });
  });

  it('reads only own values, never object internals', () => {
    expect(computeExpression(parseExpression('constructor + to_string'), {})).toMatchObject({ ok: false, reason: 'missing_values' });
  });
});

describe('formatExpression', () => {
  const round = (text: string) => formatExpression(parseExpression(text));

  it('prints only the parentheses the meaning needs', () => {
    expect(round('((a + b)) - (c)')).toBe('a + b - c');
    expect(round('a - (b - c)')).toBe('a - (b - c)');
    expect(round('a / (b * c)')).toBe('a / (b * c)');
    expect(round('(a + b) * c')).toBe('(a + b) * c');
    expect(round('-a - -b')).toBe('-a - (-b)');
    expect(round('-(a + b) * 2')).toBe('-(a + b) * 2');
    expect(round('a - -5')).toBe('a - (-5)');
  });

  it('prints for people: names and × ÷ −', () => {
    const names: Record<string, string> = { rd_expenditure: 'R&D expenditure', operating_revenue: 'operating revenue' };
    const text = formatExpression(parseExpression('rd_expenditure / operating_revenue * 100 - 1'), { name: (c) => names[c], symbols: 'math' });
    expect(text).toBe('R&D expenditure ÷ operating revenue × 100 − 1');
  });

  it('round-trips: printing then parsing gives the same tree', () => {
    for (const text of ['a - (b - c) / -d', '(a + 2) * (b - 3) / c', '-(a * b) - -4', 'a / b / c']) {
      const expr: Expr = parseExpression(text);
      expect(parseExpression(formatExpression(expr))).toEqual(expr);
    }
  });
});

describe('parseComparison', () => {
  it('splits a typed comparison into a compare rule’s left, op and right', () => {
    expect(parseComparison('rd_expenditure <= operating_revenue')).toEqual({ left: 'rd_expenditure', op: '<=', right: 'operating_revenue' });
    expect(parseComparison('employees_degree<=employees')).toEqual({ left: 'employees_degree', op: '<=', right: 'employees' });
    expect(parseComparison('a == b + c')).toEqual({ left: 'a', op: '=', right: 'b + c' });
    expect(parseComparison('a <> b')).toEqual({ left: 'a', op: '!=', right: 'b' });
  });

  it('says what was expected after "rd_expenditure <= "', () => {
    const e = error(() => parseComparison('rd_expenditure <= '));
    expect(e.message).toBe('expected an expression after "<=" (at the end of "rd_expenditure <= ")');
    expect(e.index).toBe(18);
  });

  it('points into the whole line for a problem on either side', () => {
    const e = error(() => parseComparison('rd_expenditure <= foo(1)'));
    expect(e.index).toBe(18);
    expect(e.problem).toContain('functions');
    expect(error(() => parseComparison('a < b < c')).problem).toContain('only one comparison');
    expect(error(() => parseComparison('a + b')).problem).toContain('expected a comparison');
    expect(error(() => parseComparison('<= b')).problem).toContain('expected an expression before "<="');
  });
});
