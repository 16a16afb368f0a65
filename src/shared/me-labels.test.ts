import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './i18n/locales/en/me.json';
import ur from './i18n/locales/ur/me.json';
import zh from './i18n/locales/zh/me.json';
import { baselineLabel, meNumbers, scopeLabel, targetItem, targetLabel, targetsLine } from './me-labels';

const i18n = i18next.createInstance();
i18n.init({
  resources: { en: { me: en }, zh: { me: zh }, ur: { me: ur } },
  ns: ['me'],
  defaultNS: 'me',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const tOf = (lng: string) => i18n.getFixedT(lng, 'me') as unknown as (k: string, o: Record<string, unknown>) => string;

const measured = { year: 2021, measured: true, value: 2_120 };
const relative = { year: 2024, basis: 'change' as const, amount: 0.4, value: 2_968 };

describe('M&E labels', () => {
  it('say a measured baseline is measured, and a relative target what it is relative to (English)', () => {
    const t = tOf('en');
    const f = meNumbers('en');
    expect(baselineLabel(t, f, measured)).toBe('2,120 (measured, 2021)');
    expect(baselineLabel(t, f, { year: 2021, measured: false, value: 900 })).toBe('900 (2021)');
    expect(baselineLabel(t, f, { year: 2021, measured: true, value: null })).toBe('not measured: no data for 2021');
    expect(targetLabel(t, f, relative)).toBe('2,968 (+40% on baseline)');
    expect(targetLabel(t, f, { year: 2024, basis: 'delta', amount: 0.15, value: 1.8 })).toBe('1.8 (+0.15 points on baseline)');
    expect(targetLabel(t, f, { year: 2024, basis: 'value', amount: 3_000, value: 3_000 })).toBe('3,000');
    expect(targetLabel(t, f, { ...relative, value: null })).toBe('— (+40% on baseline; baseline not measured)');
    expect(targetItem(t, f, relative)).toBe('2024: 2,968 (+40% on baseline)');
    expect(targetsLine(t, f, [{ ...relative, year: 2022, amount: 0.1, value: 2_332 }, relative])).toBe(
      'Yearly targets: 2022: 2,332 (+10% on baseline) · 2024: 2,968 (+40% on baseline)',
    );
    expect(scopeLabel(t, f, 'country:PK')).toBe('returns from Pakistan');
    expect(scopeLabel(t, f, 'national')).toBe('all returns (every country)');
    expect(scopeLabel(t, f, 'province:PK-PB')).toBe('province:PK-PB');
  });

  it('read in Chinese and Urdu too, with the country named in that language', () => {
    const zhT = tOf('zh');
    const zhF = meNumbers('zh-Hans');
    expect(baselineLabel(zhT, zhF, measured)).toBe('2,120（2021 年实测）');
    expect(targetLabel(zhT, zhF, relative)).toBe('2,968（较基线 +40%）');
    expect(scopeLabel(zhT, zhF, 'country:PK')).toBe('巴基斯坦的报表');
    const urT = tOf('ur');
    const urF = meNumbers('ur');
    expect(baselineLabel(urT, urF, measured)).toMatch(/ناپی گئی/);
    expect(targetLabel(urT, urF, relative)).toMatch(/بنیادی قدر پر/);
    expect(scopeLabel(urT, urF, 'country:PK')).toMatch(/پاکستان/);
  });
});
