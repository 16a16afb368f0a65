import { describe, expect, it } from 'vitest';
import { conceptsOfSectors, withChildSectors } from '../../techmarket/matching/by-sectors';
import { parsePair } from './country-pair';
import { areasOf, scoreHit, WEIGHTS } from './suggestions';

describe('country pair and suggestion rules', () => {
  it('reads a pair of two different country codes, either order', () => {
    expect(parsePair('PK-CN')).toEqual(['PK', 'CN']);
    expect(parsePair('CN-PK')).toEqual(['CN', 'PK']);
    expect(parsePair('PK-PK')).toBeNull();
    expect(parsePair('pk-cn')).toBeNull();
    expect(parsePair('PKCN')).toBeNull();
  });
  it('maps an area to its sectors with the ones below them (seeds/003: semiconductors … biotech are market sectors)', () => {
    expect(withChildSectors(['biomedicine'])).toEqual(expect.arrayContaining(['biomedicine', 'biotech', 'medical_devices', 'surgical_instruments']));
    const [semis, emerging, zones] = areasOf(['semiconductors', 'emerging_technologies', 'zone_construction_management']);
    expect([...semis.all]).toEqual(['semiconductors']);
    expect(emerging.all.has('artificial_intelligence')).toBe(true);
    expect(zones.all.size).toBe(0);
    expect(conceptsOfSectors(['semiconductors']).length).toBeGreaterThan(0);
  });
  it('scores a sector the area names above one below it, adds concepts and a party link, and says why', () => {
    const areas = areasOf(['biotech', 'emerging_technologies']);
    const direct = scoreHit({ sector: 'biotech', concepts: [], links: [] }, areas, []);
    const child = scoreHit({ sector: 'surgical_instruments', concepts: [], links: [] }, areas, []);
    expect(direct.score).toBeGreaterThan(child.score);
    expect(direct.reasons.map((r) => `${r.type}:${r.key}`)).toEqual(['area:biotech', 'area:emerging_technologies', 'sector:biotech']);
    const linked = scoreHit({ sector: null, concepts: [], links: ['p1'] }, areas, [{ id: 'p1', name: '中关村一带一路产业促进会' }]);
    expect(linked.score).toBe(WEIGHTS.party);
    expect(linked.reasons).toEqual([
      { type: 'party', key: 'p1', label: { en: '中关村一带一路产业促进会', zh: '中关村一带一路产业促进会', ur: '中关村一带一路产业促进会' } },
    ]);
    for (const r of direct.reasons) expect(Object.keys(r.label).sort()).toEqual(['en', 'ur', 'zh']);
  });
});
