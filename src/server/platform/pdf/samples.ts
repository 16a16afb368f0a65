/**
 * Sample reports in the three languages, with names in all three scripts mixed
 * in (synthetic data). Used by the tests and for looking at rendered pages.
 */
import { isolate } from './text-layout';
import type { ReportBlock, ReportDoc } from './types';

const ZONES: { zh: string; en: string; ur: string; country: { en: string; zh: string; ur: string } }[] = [
  { zh: '中关村科技园区', en: 'Zhongguancun Science Park', ur: 'ژونگ گوان چون سائنس پارک', country: { en: 'China', zh: '中国', ur: 'چین' } },
  { zh: '张江高科技园区', en: 'Zhangjiang Hi-Tech Park', ur: 'ژانگ جیانگ ہائی ٹیک پارک', country: { en: 'China', zh: '中国', ur: 'چین' } },
  { zh: '拉合尔科技园', en: 'Lahore Technology Park', ur: 'لاہور ٹیکنالوجی پارک', country: { en: 'Pakistan', zh: '巴基斯坦', ur: 'پاکستان' } },
  {
    zh: '伊斯兰堡国家科技园',
    en: 'National Science and Technology Park (NSTP), Islamabad',
    ur: 'نیشنل سائنس اینڈ ٹیکنالوجی پارک، اسلام آباد',
    country: { en: 'Pakistan', zh: '巴基斯坦', ur: 'پاکستان' },
  },
  { zh: '深圳湾科技生态园', en: 'Shenzhen Bay Eco-Technology Park', ur: 'شینزین بے ایکو ٹیکنالوجی پارک', country: { en: 'China', zh: '中国', ur: 'چین' } },
  {
    zh: '卡拉奇软件科技园',
    en: 'Karachi Software Technology Park',
    ur: 'کراچی سافٹ ویئر ٹیکنالوجی پارک',
    country: { en: 'Pakistan', zh: '巴基斯坦', ur: 'پاکستان' },
  },
];

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A zone name as each language's report shows it: the report's own script plus, in turn, the others. */
function zoneName(lang: ReportDoc['lang'], i: number): string {
  const z = ZONES[i % ZONES.length];
  const k = Math.floor(i / ZONES.length);
  const suffix = k === 0 ? '' : ` ${k + 1}`;
  // Mix scripts on purpose: every third row keeps the Chinese name, every third the Urdu one.
  if (i % 3 === 0) return `${z.zh}${suffix}`;
  if (i % 3 === 1) return lang === 'ur' ? `${z.ur}${suffix}` : `${z.en}${suffix}`;
  return lang === 'ur' ? `${z.en}${suffix}` : `${z.ur}${suffix}`;
}

function rows(lang: ReportDoc['lang'], n: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const z = ZONES[i % ZONES.length];
    const enterprises = 40 + ((i * 137) % 400);
    const funding = 5 + ((i * 7919) % 12_000) / 10;
    out.push([zoneName(lang, i), z.country[lang], fmt(enterprises), fmt(funding, 1)]);
  }
  return out;
}

const TEXT = {
  en: {
    title: 'Innovation zones — annual summary 2024',
    subtitle: 'Registry extract · synthetic data',
    intro:
      'This report summarises the registered innovation zones, their incubators and the enterprises they host. Names appear in their original script: 中关村科技园区, لاہور ٹیکنالوجی پارک and Zhangjiang Hi-Tech Park. There are 1,284 enterprises in all, 12.5% more than the year before.',
    kv: [
      ['Zones', '12'],
      ['Enterprises', '1,284'],
      ['Period', '2024-01-01 – 2024-12-31'],
      ['Source', 'Seedbed registry (synthetic data), extract of 15 January 2025'],
    ],
    heading1: 'Enterprises per zone',
    heading2: 'All zones',
    columns: ['Zone', 'Country', 'Enterprises', 'Funding (USD m)'],
    caption: 'Table 1. Registered zones, enterprises hosted and funding received in 2024.',
    barsTitle: 'Enterprises hosted, by zone',
    closing: 'Figures are synthetic and serve only to show the layout of the report.',
    footer: 'Source: Seedbed registry · SYNTHETIC DATA · generated 2025-01-15 10:30 UTC',
  },
  zh: {
    title: '创新园区年度概要 2024',
    subtitle: '登记册摘录 · 合成数据',
    intro:
      '本报告汇总了已登记的创新园区、孵化器及其在孵企业。名称保留原文：中关村科技园区、لاہور ٹیکنالوجی پارک 和 Zhangjiang Hi-Tech Park。企业共 1,284 家，比上年增长 12.5%。',
    kv: [
      ['园区数', '12'],
      ['企业数', '1,284'],
      ['统计期', '2024-01-01 至 2024-12-31'],
      ['来源', 'Seedbed 登记册（合成数据），2025 年 1 月 15 日摘录'],
    ],
    heading1: '各园区企业数',
    heading2: '全部园区',
    columns: ['园区', '国家', '企业数', '资金（百万美元）'],
    caption: '表 1. 已登记园区、在孵企业数及 2024 年获得的资金。',
    barsTitle: '各园区在孵企业',
    closing: '数据为合成数据，仅用于展示报告版式。',
    footer: '来源：Seedbed 登记册 · 合成数据 · 生成于 2025-01-15 10:30 UTC',
  },
  ur: {
    title: 'اختراعی زونز کا سالانہ خلاصہ 2024',
    subtitle: 'رجسٹری سے اقتباس · مصنوعی ڈیٹا',
    intro:
      // Each left-to-right name is isolated; without that the bidi algorithm would join the two, comma and all, into one left-to-right run.
      `یہ رپورٹ رجسٹرڈ اختراعی زونز، ان کے انکیوبیٹرز اور ان میں موجود کاروباری اداروں کا خلاصہ پیش کرتی ہے۔ نام اپنی اصل تحریر میں دیے گئے ہیں: ${isolate('中关村科技园区')}، ${isolate('Zhangjiang Hi-Tech Park')} اور لاہور ٹیکنالوجی پارک۔ کل 1,284 ادارے ہیں، جو پچھلے سال سے 12.5% زیادہ ہیں۔`,
    kv: [
      ['زونز', '12'],
      ['کاروباری ادارے', '1,284'],
      ['مدت', '2024-01-01 تا 2024-12-31'],
      ['ماخذ', 'Seedbed رجسٹری (مصنوعی ڈیٹا)، 15 جنوری 2025 کا اقتباس'],
    ],
    heading1: 'فی زون کاروباری ادارے',
    heading2: 'تمام زونز',
    columns: ['زون', 'ملک', 'ادارے', 'فنڈنگ (ملین ڈالر)'],
    caption: 'جدول 1۔ رجسٹرڈ زونز، ان میں موجود ادارے اور 2024 میں ملنے والی فنڈنگ۔',
    barsTitle: 'ہر زون میں کاروباری ادارے',
    closing: 'اعداد و شمار مصنوعی ہیں اور صرف رپورٹ کی ترتیب دکھانے کے لیے ہیں۔',
    footer: 'ماخذ: Seedbed رجسٹری · مصنوعی ڈیٹا · تیار کردہ 2025-01-15 10:30 UTC',
  },
};

/** A sample report; `tableRows` sets the length of the zone table (about 30 rows a page). */
export function sampleReport(lang: ReportDoc['lang'], tableRows = 24): ReportDoc {
  const t = TEXT[lang];
  const barItems = ZONES.map((_, i) => {
    const value = 40 + ((i * 137) % 400);
    return { label: zoneName(lang, i), value, display: fmt(value) };
  });
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: t.intro },
    { kind: 'keyValues', items: t.kv.map(([label, value]) => ({ label, value })) },
    { kind: 'heading', text: t.heading1 },
    { kind: 'bars', title: t.barsTitle, items: barItems },
    { kind: 'heading', text: t.heading2 },
    {
      kind: 'table',
      caption: t.caption,
      columns: [{ label: t.columns[0] }, { label: t.columns[1] }, { label: t.columns[2], align: 'end' }, { label: t.columns[3], align: 'end' }],
      rows: rows(lang, tableRows),
    },
    { kind: 'paragraph', text: t.closing },
  ];
  return { lang, title: t.title, subtitle: t.subtitle, blocks, footer: t.footer };
}
