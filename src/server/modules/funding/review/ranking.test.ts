import { describe, expect, it } from 'vitest';
import { rankApplications } from './ranking';

describe('ranked list with the funding line', () => {
  const inputs = [
    { applicationId: 'a', totals: [4, 4.5], requested: 200_000 },
    { applicationId: 'b', totals: [4.6, 4.6], requested: 250_000 },
    { applicationId: 'c', totals: [3.9], requested: 150_000 },
    { applicationId: 'd', totals: [3], requested: 100_000 },
    { applicationId: 'e', totals: [], requested: 150_000 },
  ];

  it('ranks by mean score and draws the line where the budget runs out', () => {
    const list = rankApplications(inputs, 500_000, 2);
    expect(list.items.map((x) => x.applicationId)).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(list.items.map((x) => x.aboveLine)).toEqual([true, true, false, false, false]);
    expect(list.lineAfterRank).toBe(2);
    expect(list.committed).toBe(450_000);
    expect(list.remaining).toBe(50_000);
    expect(list.items[2].cumulative).toBe(600_000);
    expect(list.incomplete).toBe(3);
  });

  it('keeps the order of merit: a smaller request below the line is not funded', () => {
    // c (150k) does not fit in the 100k left; d (100k) would, but stays below the line.
    const list = rankApplications(inputs, 550_000);
    expect(list.items.filter((x) => x.aboveLine).map((x) => x.applicationId)).toEqual(['b', 'a']);
  });

  it('breaks ties by more reviews, then the lower request, then the id', () => {
    const list = rankApplications(
      [
        { applicationId: 'z', totals: [4], requested: 100 },
        { applicationId: 'y', totals: [4, 4], requested: 300 },
        { applicationId: 'x', totals: [4, 4], requested: 200 },
        { applicationId: 'w', totals: [4, 4], requested: 200 },
      ],
      1_000,
    );
    expect(list.items.map((x) => x.applicationId)).toEqual(['w', 'x', 'y', 'z']);
  });

  it('funds nothing when the budget is smaller than the first request', () => {
    const list = rankApplications(inputs, 100_000);
    expect(list.lineAfterRank).toBe(0);
    expect(list.items.every((x) => !x.aboveLine)).toBe(true);
  });
});
