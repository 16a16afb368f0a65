import { describe, expect, it } from 'vitest';
import { compareHolds, NEGATION, nearlyEqual } from './compare';

describe('nearlyEqual', () => {
  it('takes decimal rounding error as equal: 0.1 + 0.2 = 0.3', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(nearlyEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(compareHolds(0.1 + 0.2, '<=', 0.3)).toBe(true);
    expect(compareHolds(0.1 + 0.2, '>', 0.3)).toBe(false);
  });

  it('is relative for large figures (one part in a billion) and absolute near zero', () => {
    expect(nearlyEqual(30_700_000_000, 30_700_000_001)).toBe(true); // 30.7 trillion yuan in thousands, off by one
    expect(nearlyEqual(30_700_000, 30_700_001)).toBe(false);
    expect(nearlyEqual(1e-10, 0)).toBe(true);
    expect(nearlyEqual(1e-6, 0)).toBe(false);
  });
});

describe('compareHolds', () => {
  it.each([
    [1, '<=', 2, true],
    [2, '<=', 2, true],
    [3, '<=', 2, false],
    [1, '<', 2, true],
    [2, '<', 2, false],
    [2, '>=', 2, true],
    [1, '>=', 2, false],
    [3, '>', 2, true],
    [2, '>', 2, false],
    [2, '=', 2, true],
    [2, '=', 3, false],
    [2, '!=', 3, true],
    [2, '!=', 2, false],
  ] as const)('%d %s %d is %s', (a, op, b, holds) => {
    expect(compareHolds(a, op, b)).toBe(holds);
    expect(compareHolds(a, NEGATION[op], b)).toBe(!holds);
  });
});
