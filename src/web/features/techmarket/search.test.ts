import { describe, expect, it } from 'vitest';
import { activeFilters, parseMarketSearch } from './search';

describe('parseMarketSearch', () => {
  it('keeps what the API takes', () => {
    expect(
      parseMarketSearch({
        q: ' solar ',
        kind: 'offer',
        sector: 'new_energy',
        country: 'cn',
        language: 'zh',
        trlMin: '4',
        trlMax: 7,
        dealForm: 'licence',
        offset: '20',
      }),
    ).toEqual({
      q: 'solar',
      kind: 'offer',
      sector: 'new_energy',
      country: 'CN',
      language: 'zh',
      trlMin: 4,
      trlMax: 7,
      dealForm: 'licence',
      offset: 20,
    });
  });
  it('drops what it would refuse', () => {
    expect(parseMarketSearch({ kind: 'gift', country: 'China', language: 'fr', trlMin: 0, trlMax: '10', dealForm: 'x', offset: -1 })).toEqual({
      q: undefined,
      kind: undefined,
      sector: undefined,
      country: undefined,
      language: undefined,
      trlMin: undefined,
      trlMax: undefined,
      dealForm: undefined,
      offset: undefined,
    });
  });
  it('puts a reversed readiness range the right way round', () => {
    const s = parseMarketSearch({ trlMin: 8, trlMax: 3 });
    expect([s.trlMin, s.trlMax]).toEqual([3, 8]);
  });
});

describe('activeFilters', () => {
  it('counts filters, the readiness range once, the words not at all', () => {
    expect(activeFilters({ q: 'x', kind: 'need', trlMin: 2, trlMax: 5 })).toBe(2);
    expect(activeFilters({})).toBe(0);
  });
});
