import { describe, expect, it } from 'vitest';
import { findConcepts } from './concepts';
import { listingTerms, queryTerms, searchTsquery } from './terms';
import { plainWords } from './words';

const chineseOffer = {
  texts: { zh: { title: '光伏水泵灌溉系统', summary: '采用高效单晶硅太阳能电池板驱动水泵，适用于离网农田滴灌。', details: '秘密工艺参数' } },
  keywords: ['光伏提水'],
  sector: 'solar_energy',
};

describe('listingTerms', () => {
  const { terms, concepts } = listingTerms(chineseOffer);

  it('indexes jieba words, their pinyin, the concepts and the sector', () => {
    expect(terms).toEqual(expect.arrayContaining(['光伏', '水泵', '灌溉', 'guangfu', 'c_solar_pump', 'c_irrigation', 's_solar_energy']));
    expect(concepts).toEqual(expect.arrayContaining(['solar_pump', 'solar_cell', 'solar', 'pump', 'irrigation']));
  });

  it('never indexes the details, which only approved readers see', () => {
    expect(terms.some((t) => t.includes('秘密') || t.includes('参数'))).toBe(false);
  });

  it('drops stop words and single-syllable pinyin', () => {
    expect(terms).not.toContain('的');
    expect(terms).not.toContain('yu');
  });
});

describe('queryTerms', () => {
  it('finds the same concepts from English, Urdu and Chinese', () => {
    const en = queryTerms('solar water pump for drip irrigation');
    const ur = queryTerms('ڈرپ آبپاشی کے لیے سولر پمپ');
    const zh = queryTerms('光伏水泵 滴灌');
    for (const q of [en, ur, zh]) expect(q.concepts).toEqual(expect.arrayContaining(['solar_pump', 'irrigation']));
  });

  it('stems English and folds Urdu spellings, as the index does', () => {
    expect(queryTerms('Photovoltaic cells').terms).toEqual(plainWords('photovoltaic cell'));
    expect(queryTerms('شمسي پينل').concepts).toEqual(queryTerms('شمسی پینل').concepts);
  });

  it('looks for the concepts it names, not the broader ones (listings carry those)', () => {
    expect(queryTerms('solar pump').concepts).toEqual(['solar_pump']);
    expect(queryTerms('solar').concepts).toEqual(['solar']);
    expect(listingTerms({ texts: { en: { title: 'Solar pump', summary: 'A pump.' } }, keywords: [], sector: 'solar_energy' }).terms).toContain('c_solar');
  });

  it('builds all words (last as a prefix) or any concept', () => {
    expect(searchTsquery(queryTerms('surgical instruments'))).toBe("('surgic' & 'instrument':*) | 'c_surgical_instrument'");
    expect(searchTsquery(queryTerms('the of'))).toBeNull();
    expect(searchTsquery(queryTerms("o'brien"))).toBe("'o' & 'brien':*");
  });
});

describe('concepts', () => {
  it('takes the longest term where terms overlap: a solar cell is not a battery', () => {
    expect(findConcepts(['太阳能电池'])).toEqual(['solar_cell', 'solar']);
    expect(findConcepts(['锂电池储能'])).toEqual(['battery', 'energy_storage']);
  });

  it('matches English terms as whole words only', () => {
    expect(findConcepts(['PVC pipes'])).not.toContain('solar_cell');
  });

  it('reads "no grid power" as off-grid, not as a smart grid, in the three languages', () => {
    for (const text of ['A solar pump that needs no grid power', '无需电网的光伏水泵', 'گرڈ کے بغیر چلنے والا سولر پمپ']) {
      expect(findConcepts([text]), text).toContain('off_grid');
      expect(findConcepts([text]), text).not.toContain('smart_grid');
    }
    expect(findConcepts(['智能电网调度'])).toContain('smart_grid');
  });

  it('does not read the formulation of standards as drug making', () => {
    expect(findConcepts(['led the formulation of nearly 70 international standards'])).not.toContain('drug_manufacturing');
    expect(findConcepts(['paediatric drug formulation'])).toContain('drug_manufacturing');
  });
});
