import { describe, expect, it } from 'vitest';
import { conceptTerms, type MatchReason, orderReasons, reasonMessage, relativeScore, termOf } from './reasons';

const labels = { en: 'solar inverter', zh: '光伏逆变器', ur: 'سولر انورٹر' };
const label = {
  sector: (c: string) => `S:${c}`,
  country: (c: string) => `C:${c}`,
  dealForms: (f: string[]) => f.join(' & '),
};

describe('conceptTerms', () => {
  it('shows the reader’s label with the other listing’s term beside it', () => {
    expect(conceptTerms(labels, 'en', ['zh'])).toEqual({ main: { text: 'solar inverter', lang: 'en' }, others: [{ text: '光伏逆变器', lang: 'zh' }] });
    expect(conceptTerms(labels, 'ur', ['zh', 'en'])).toEqual({
      main: { text: 'سولر انورٹر', lang: 'ur' },
      others: [
        { text: '光伏逆变器', lang: 'zh' },
        { text: 'solar inverter', lang: 'en' },
      ],
    });
  });
  it('falls back to English when the dictionary has no label in the reader’s language', () => {
    expect(conceptTerms({ en: 'drip irrigation', zh: '滴灌' }, 'ur', ['zh', 'ur'])).toEqual({
      main: { text: 'drip irrigation', lang: 'en' },
      others: [{ text: '滴灌', lang: 'zh' }],
    });
  });
  it('repeats no term and invents none', () => {
    expect(conceptTerms({ en: 'AI', zh: 'AI' }, 'en', ['zh', 'zh'])).toEqual({ main: { text: 'AI', lang: 'en' }, others: [] });
    expect(conceptTerms({}, 'en', ['zh']).others).toEqual([]);
  });
});

describe('reasonMessage', () => {
  it('says sector, readiness, country and deal forms as sentences', () => {
    expect(reasonMessage({ type: 'sector', sector: 'new_energy', related: false, weight: 1 }, label)).toEqual({
      key: 'sectorSame',
      values: { sector: 'S:new_energy' },
    });
    expect(reasonMessage({ type: 'sector', sector: 'new_energy', related: true, weight: 1 }, label).key).toBe('sectorRelated');
    expect(reasonMessage({ type: 'readiness', offerTrl: 7, needTrl: 5, fits: true, weight: 1 }, label)).toEqual({
      key: 'readinessFits',
      values: { offer: 7, need: 5 },
    });
    expect(reasonMessage({ type: 'readiness', offerTrl: 3, needTrl: 6, fits: false, weight: 1 }, label).key).toBe('readinessBelow');
    expect(reasonMessage({ type: 'readiness', offerTrl: null, needTrl: 6, fits: false, weight: 1 }, label)).toEqual({
      key: 'readinessUnknown',
      values: { trl: 6 },
    });
    expect(reasonMessage({ type: 'country', from: 'CN', to: 'PK', crossBorder: true, weight: 1 }, label)).toEqual({
      key: 'crossBorder',
      values: { from: 'C:CN', to: 'C:PK' },
    });
    expect(reasonMessage({ type: 'country', from: 'PK', to: 'PK', crossBorder: false, weight: 1 }, label)).toEqual({
      key: 'sameCountry',
      values: { country: 'C:PK' },
    });
    expect(reasonMessage({ type: 'dealForm', forms: ['licence', 'service'], weight: 1 }, label)).toEqual({
      key: 'dealForms',
      values: { forms: 'licence & service', count: 2 },
    });
  });
});

describe('orderReasons', () => {
  it('puts shared concepts first, strongest first, countries last, and drops a term that repeats a concept', () => {
    const reasons: MatchReason[] = [
      { type: 'country', from: 'CN', to: 'PK', crossBorder: true, weight: 0.1 },
      { type: 'concept', concept: 'a', labels: { en: 'weak' }, weight: 0.2 },
      { type: 'term', term: 'Solar Inverter', weight: 0.3 },
      { type: 'sector', sector: 'x', related: false, weight: 0.5 },
      { type: 'concept', concept: 'b', labels, weight: 0.9 },
    ];
    expect(orderReasons(reasons).map((r) => (r.type === 'concept' ? r.concept : r.type))).toEqual(['b', 'a', 'sector', 'country']);
  });
});

describe('termOf and relativeScore', () => {
  it('reads a term’s language from its script', () => {
    expect(termOf('逆变器')).toEqual({ text: '逆变器', lang: 'zh' });
  });
  it('scales a score against the best one, within 0–1', () => {
    expect(relativeScore(0.3, 0.6)).toBe(0.5);
    expect(relativeScore(5, 0)).toBe(0);
    expect(relativeScore(2, 1)).toBe(1);
  });
});
