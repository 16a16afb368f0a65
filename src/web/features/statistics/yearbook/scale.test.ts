import { describe, expect, it } from 'vitest';
import { NO_DATA, quantileClasses, SEQUENTIAL } from './scale';

describe('quantileClasses', () => {
  it('puts about as many values in each class, lightest for the smallest', () => {
    const c = quantileClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(c.ranges).toHaveLength(5);
    expect(c.colorOf(1)).toBe(SEQUENTIAL[0]);
    expect(c.colorOf(10)).toBe(SEQUENTIAL[4]);
    expect(c.ranges[0].from).toBe(1);
    expect(c.ranges[4].to).toBe(10);
  });
  it('shows missing values as no data', () => {
    expect(quantileClasses([1, 2]).colorOf(null)).toBe(NO_DATA);
    expect(quantileClasses([]).ranges).toEqual([]);
  });
  it('copes with fewer distinct values than colours', () => {
    const c = quantileClasses([5, 5, 5, 9]);
    expect(c.ranges.length).toBe(2);
    expect(c.colorOf(5)).toBe(SEQUENTIAL[0]);
    expect(c.colorOf(9)).toBe(SEQUENTIAL[4]);
    expect(quantileClasses([3, 3]).ranges).toHaveLength(1);
  });
});
