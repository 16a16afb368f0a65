import { describe, expect, it } from 'vitest';
import { serverI18n } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/roles';
import { validateSubmission } from './evaluate';
import { explainFinding, explainUnchecked } from './explain';
import { FINDING_KEYS, type Finding, UNCHECKED_KEYS } from './findings';
import { ValidationRule } from './rules';

/** Indicator names as the survey's catalogue gives them (Chinese: the Torch survey's terms, GLOSSARY.md). */
const NAMES: Record<Language, Record<string, string>> = {
  en: {
    rd_expenditure: 'R&D expenditure',
    operating_revenue: 'operating revenue',
    employees: 'Year-end employees',
    employees_degree: 'Employees with a college degree or above',
    exports: 'Exports',
  },
  zh: {
    rd_expenditure: '研发经费支出',
    operating_revenue: '营业收入',
    employees: '年末从业人员',
    employees_degree: '大学专科以上学历从业人员',
    exports: '出口总额',
  },
  ur: {
    rd_expenditure: 'تحقیق و ترقی کے اخراجات',
    operating_revenue: 'آپریٹنگ آمدنی',
    employees: 'سال کے آخر میں ملازمین',
    employees_degree: 'کالج ڈگری یا اس سے زیادہ تعلیم والے ملازمین',
    exports: 'برآمدات',
  },
};
const LANGS: Language[] = ['en', 'zh', 'ur'];
const name = (lang: Language) => (code: string) => NAMES[lang][code] ?? '';

const rule = (r: unknown) => ValidationRule.parse(r);
const RD = rule({ id: 'rd_within_revenue', kind: 'compare', left: 'rd_expenditure', op: '<=', right: 'operating_revenue' });
const DEGREE = rule({ id: 'degree', kind: 'compare', left: 'employees_degree', op: '<=', right: 'employees' });
// biome-ignore lint/suspicious/noThenProperty: `then` is the requiredPair rule's field (issue 5 API); rules are data, never awaited
const PAIR = rule({ id: 'pair', kind: 'requiredPair', when: 'employees', then: ['employees_degree'] });
const RATIO = rule({ id: 'ratio', kind: 'outlierMinMax', indicator: 'operating_revenue', minRatio: 0.2, maxRatio: 5 });
const Z = rule({ id: 'z', kind: 'outlierZScore', indicator: 'operating_revenue' });

const only = (rules: ValidationRule[], values: Record<string, number | null>, history: { year: number; values: Record<string, number> }[] = []) => {
  const out = validateSubmission(rules, values, history, 2024);
  expect(out.findings).toHaveLength(1);
  return out.findings[0];
};
const rdTooHigh = () => only([RD], { rd_expenditure: 1_200_000, operating_revenue: 800_000 });
const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;
const LATIN_WORD = /[A-Za-z]{3,}/;

describe('explainFinding', () => {
  it('English: names for codes, grouped numbers', () => {
    expect(explainFinding(rdTooHigh(), 'en', name('en'))).toBe('R&D expenditure (1,200,000) must not exceed operating revenue (800,000).');
    expect(explainFinding(only([DEGREE], { employees: 120, employees_degree: 130 }), 'en', name('en'))).toBe(
      'Employees with a college degree or above (130) must not exceed Year-end employees (120).',
    );
    expect(explainFinding(only([PAIR], { employees: 120 }), 'en', name('en'))).toBe(
      'Employees with a college degree or above is required when Year-end employees is filled.',
    );
  });

  it('Chinese: real Chinese, full-width punctuation, names substituted, numbers formatted', () => {
    const text = explainFinding(rdTooHigh(), 'zh', name('zh'));
    expect(text).toBe('研发经费支出（1,200,000）不得超过营业收入（800,000）。');
    expect(text).toMatch(HAN);
    expect(text).not.toMatch(LATIN_WORD);
    expect(explainFinding(only([PAIR], { employees: 120 }), 'zh', name('zh'))).toBe('已填写年末从业人员时，大学专科以上学历从业人员为必填项。');
  });

  it('Urdu: real Urdu, names substituted, numbers formatted', () => {
    const text = explainFinding(rdTooHigh(), 'ur', name('ur'));
    expect(text).toBe('تحقیق و ترقی کے اخراجات (1,200,000) کی قدر آپریٹنگ آمدنی (800,000) سے زیادہ نہیں ہونی چاہیے۔');
    expect(text).toMatch(ARABIC);
    expect(text).not.toMatch(LATIN_WORD);
    expect(explainFinding(only([PAIR], { employees: 120 }), 'ur', name('ur'))).toBe(
      'جب سال کے آخر میں ملازمین درج ہو تو کالج ڈگری یا اس سے زیادہ تعلیم والے ملازمین درج کرنا بھی لازمی ہے۔',
    );
  });

  it('the min–max outlier vs last year, in three languages', () => {
    const f = only([RATIO], { operating_revenue: 620_000 }, [{ year: 2023, values: { operating_revenue: 50_000 } }]);
    expect(explainFinding(f, 'en', name('en'))).toBe(
      "Operating revenue is 12.4 times last year's (50,000 → 620,000); expected between 0.2 and 5 times. Check the figure or explain it.",
    );
    expect(explainFinding(f, 'zh', name('zh'))).toBe('营业收入为上年的12.4倍（50,000 → 620,000），正常范围为0.2至5倍。请核对数据或说明原因。');
    expect(explainFinding(f, 'ur', name('ur'))).toBe(
      'آپریٹنگ آمدنی پچھلے سال کے مقابلے میں 12.4 گنا ہے (پچھلے سال 50,000، اس سال 620,000)؛ متوقع حد 0.2 سے 5 گنا ہے۔ براہِ کرم عدد کی جانچ کریں یا اس کی وضاحت کریں۔',
    );
  });

  it('the z-score outlier: distance in standard deviations, one decimal, plural by the number shown', () => {
    const history = [2020, 2021, 2022, 2023].map((year, i) => ({ year, values: { operating_revenue: [40_000, 50_000, 60_000, 50_000][i] } }));
    // mean 50,000, s = 8,164.97 → 84,300 is 4.2 s above
    const f = only([Z], { operating_revenue: 84_300 }, history);
    expect(explainFinding(f, 'en', name('en'))).toBe(
      'Operating revenue (84,300) is 4.2 standard deviations above its own average of the earlier years (2020–2023: average 50,000, standard deviation 8,164.97); more than 3 is unusual. Check the figure or explain it.',
    );
    expect(explainFinding(f, 'zh', name('zh'))).toBe(
      '营业收入（84,300）高于本单位以往年度平均值4.2个标准差（2020—2023年：平均值50,000，标准差8,164.97），超过3个标准差即属异常。请核对数据或说明原因。',
    );
    expect(explainFinding(f, 'ur', name('ur'))).toContain('4.2 معیاری انحراف زیادہ ہے');
    const one: Finding = { ...f, key: 'statistics:validation.outlier_zscore_failed.below', params: { ...f.params, z: -1, count: 1, maxZ: 0.5 } };
    expect(explainFinding(one, 'en', name('en'))).toContain('is 1 standard deviation below');
  });

  it('an expression operand: names inside it, × ÷ for people, its computed value; a constant stays a number', () => {
    const share = rule({ id: 's', kind: 'compare', left: 'rd_expenditure / operating_revenue * 100', op: '<', right: '50' });
    const f = only([share], { rd_expenditure: 600, operating_revenue: 1_000 });
    expect(explainFinding(f, 'en', name('en'))).toBe('R&D expenditure ÷ operating revenue × 100 (60) must be less than 50.');
    expect(explainFinding(f, 'zh', name('zh'))).toBe('研发经费支出 ÷ 营业收入 × 100（60）必须小于50。');
  });

  it('shows as many decimals as it takes to tell two figures apart', () => {
    const f = only([RD], { rd_expenditure: 100.004, operating_revenue: 100.002 });
    expect(explainFinding(f, 'en', name('en'))).toBe('R&D expenditure (100.004) must not exceed operating revenue (100.002).');
  });

  it('falls back to the code when a name is unknown, and formats large numbers per locale', () => {
    const f = only([rule({ id: 'r', kind: 'range', indicator: 'patents', max: 1_000_000 })], { patents: 2_500_000.5 });
    expect(explainFinding(f, 'en', () => '')).toBe('Patents (2,500,000.5) must be at most 1,000,000.');
  });
});

describe('explainUnchecked', () => {
  it('says which figures are missing, listed in the language', () => {
    const out = validateSubmission([RD], {}, [], 2024);
    expect(explainUnchecked(out.unchecked[0], 'en', name('en'))).toBe('Not checked yet: R&D expenditure and operating revenue have no values.');
    expect(explainUnchecked(out.unchecked[0], 'zh', name('zh'))).toBe('暂未校验：研发经费支出和营业收入尚未填写。');
    expect(explainUnchecked(out.unchecked[0], 'ur', name('ur'))).toBe('ابھی جانچ نہیں ہو سکی: تحقیق و ترقی کے اخراجات اور آپریٹنگ آمدنی کی قدریں درج نہیں۔');
  });

  it('says why an outlier check had too little history', () => {
    const out = validateSubmission([Z], { operating_revenue: 1 }, [{ year: 2023, values: { operating_revenue: 1 } }], 2024);
    expect(explainUnchecked(out.unchecked[0], 'en', name('en'))).toBe(
      'Operating revenue was not compared with earlier years: 1 earlier year is on record, at least 3 are needed.',
    );
    expect(explainUnchecked(out.unchecked[0], 'zh', name('zh'))).toBe('营业收入未与以往年度比较：仅有1个以往年度的数据，至少需要3个。');
  });

  it('gives a general sentence for an entry written by hand', () => {
    for (const lang of LANGS) expect(explainUnchecked({ ruleId: 'x', reason: 'no_history' }, lang, name(lang)).length).toBeGreaterThan(10);
  });
});

describe('catalogue', () => {
  const i18n = serverI18n();
  const forms = (lang: Language) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

  it('has every message the engine emits, in every language, with its plural forms', () => {
    const missing: string[] = [];
    for (const lang of LANGS) {
      for (const key of [...FINDING_KEYS, ...UNCHECKED_KEYS, 'validation.operand', 'validation.severity.error', 'validation.severity.warning']) {
        const plain = i18n.exists(`statistics:${key}`, { lng: lang, fallbackLng: false });
        const plural = forms(lang).every((f) => i18n.exists(`statistics:${key}_${f}`, { lng: lang, fallbackLng: false }));
        if (!plain && !plural) missing.push(`${lang}: ${key}`);
      }
      for (const reason of ['missing_values', 'no_history', 'zero_divisor']) {
        if (!i18n.exists(`statistics:validation.unchecked.generic.${reason}`, { lng: lang, fallbackLng: false })) missing.push(`${lang}: generic.${reason}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is translated, not copied: no Chinese or Urdu message equals the English one', () => {
    for (const key of FINDING_KEYS.filter((k) => !k.startsWith('validation.outlier_zscore'))) {
      const en = i18n.getFixedT('en')(`statistics:${key}`);
      for (const lang of ['zh', 'ur'] as const) expect(i18n.getFixedT(lang)(`statistics:${key}`), `${lang}: ${key}`).not.toBe(en);
    }
  });
});
