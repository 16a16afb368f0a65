import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awardLeverage, groupLeverage, LEVERAGE_SOURCE, SEED_REPORTED_LEVERAGE } from './leverage';

describe('leverage', () => {
  it('cites the seed that reports 17 times', () => {
    const [file, phrase] = LEVERAGE_SOURCE.split('#');
    const text = fs.readFileSync(path.join(import.meta.dirname, '../../../../../data', file), 'utf8');
    expect(text).toContain(phrase);
    expect(phrase).toContain(String(SEED_REPORTED_LEVERAGE));
  });

  it('divides the follow-on money an award brought in by the award', () => {
    expect(awardLeverage({ awardId: 'a', currency: 'CNY', amount: 1_000_000, followOn: [5_000_000, 2_500_000] })).toMatchObject({
      followOn: 7_500_000,
      ratio: 7.5,
    });
    expect(awardLeverage({ awardId: 'a', currency: 'CNY', amount: 1_000_000, followOn: [] }).ratio).toBe(0);
    expect(awardLeverage({ awardId: 'a', currency: 'CNY', amount: 0, followOn: [1] }).ratio).toBeNull();
  });

  it('weights a group by money, and never adds currencies together', () => {
    const g = groupLeverage([
      { awardId: 'a', currency: 'CNY', amount: 1_000_000, followOn: [17_000_000] },
      { awardId: 'b', currency: 'CNY', amount: 3_000_000, followOn: [0] },
      { awardId: 'c', currency: 'USD', amount: 200_000, followOn: [400_000] },
    ]);
    expect(g).toEqual([
      { currency: 'CNY', awarded: 4_000_000, followOn: 17_000_000, ratio: 4.25, awards: 2 },
      { currency: 'USD', awarded: 200_000, followOn: 400_000, ratio: 2, awards: 1 },
    ]);
  });
});
