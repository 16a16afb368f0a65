import { describe, expect, it } from 'vitest';
import { chineseWords, highlight, indexTerms, nameScore, pinyinWords, queryTerms, toTsQuery } from './search-text';

describe('search text', () => {
  it('segments Chinese with the dictionary, not per character', () => {
    expect(chineseWords('中关村科技园区')).toEqual(expect.arrayContaining(['中关村', '科技', '园区']));
    expect(chineseWords('中关村科技园区', false)).not.toContain('中');
  });

  it('adds pinyin so Latin queries find Chinese names', () => {
    expect(pinyinWords('中关村科技园区')).toEqual(expect.arrayContaining(['zhongguancun', 'zhong', 'guan', 'cun']));
    const terms = indexTerms({ en: 'Wuhan East Lake Innovation Center', zh: '武汉东湖创业中心' });
    expect(terms).toEqual(expect.arrayContaining(['wuhan', 'east', 'lake', '武汉', '东湖', 'donghu']));
  });

  it('keeps Urdu words whole', () => {
    expect(indexTerms({ en: 'Special Technology Zones Authority', ur: 'اسپیشل ٹیکنالوجی زونز اتھارٹی' })).toContain('ٹیکنالوجی');
  });

  it('builds a safe tsquery with a prefix on the last word', () => {
    expect(toTsQuery(queryTerms('中关村'))).toBe("'中关村':*");
    expect(toTsQuery(queryTerms("Zhongguancun sci"))).toBe("'zhongguancun' & 'sci':*");
    expect(toTsQuery(queryTerms("o'brien & | !"))).toBe("'o' & 'brien':*");
    expect(toTsQuery(queryTerms('!!!'))).toBeNull();
  });

  it('ranks the whole name, then a name starting with the query, then shorter names', () => {
    const park = { en: 'Zhongguancun Science Park', zh: '中关村科技园区' };
    const firm = { en: 'Beijing Zhongguancun Huachuang Software Co., Ltd.', zh: '北京中关村华创软件有限公司' };
    expect(nameScore(park, 'Zhongguancun Science Park')).toBeGreaterThan(nameScore(park, 'zhongguancun') + 1);
    expect(nameScore(park, 'zhongguancun')).toBeGreaterThan(nameScore(firm, 'zhongguancun'));
    expect(nameScore(park, '中关村')).toBeGreaterThan(nameScore(firm, '中关村'));
    expect(nameScore(firm, 'zhongguancum', new Map([['zhongguancun', 0.7]]))).toBeGreaterThan(nameScore(firm, 'zhongguancum'));
  });

  it('marks matched words for highlighting', () => {
    expect(highlight('Zhongguancun Science Park', ['science'])).toEqual([
      { text: 'Zhongguancun ', match: false },
      { text: 'Science', match: true },
      { text: ' Park', match: false },
    ]);
    expect(highlight('中关村科技园区', ['中关村'])[0]).toEqual({ text: '中关村', match: true });
  });
});
