import type { Language } from '../../../../shared/roles';
import type { Text3 } from '../statistics.tables';

/**
 * Labels of the coded dimensions the pivot and completeness tables show (the web app's registry catalogue has
 * the same words; the server needs them in the answer, which is read by API clients and exports too).
 */
export const SECTOR_LABELS: Record<string, Required<Text3>> = {
  electronic_information: { en: 'electronic information', zh: '电子信息', ur: 'الیکٹرانک معلومات' },
  biomedicine: { en: 'biomedicine', zh: '生物与新医药', ur: 'بایو میڈیسن' },
  aerospace: { en: 'aerospace', zh: '航空航天', ur: 'ہوا بازی و خلا' },
  new_materials: { en: 'new materials', zh: '新材料', ur: 'نئے مواد' },
  hightech_services: { en: 'high-tech services', zh: '高技术服务', ur: 'ہائی ٹیک خدمات' },
  new_energy: { en: 'new energy and energy saving', zh: '新能源与节能', ur: 'نئی توانائی اور توانائی کی بچت' },
  resources_environment: { en: 'resources and environment', zh: '资源与环境', ur: 'وسائل اور ماحولیات' },
  advanced_manufacturing: { en: 'advanced manufacturing and automation', zh: '先进制造与自动化', ur: 'جدید مینوفیکچرنگ اور آٹومیشن' },
};

/** Size classes by year-end employees (survey/chain.ts `sizeClass`): micro < 10 ≤ small < 100 ≤ medium < 500 ≤ large. */
export const SIZE_LABELS: Record<string, Required<Text3>> = {
  micro: { en: 'micro (under 10 employees)', zh: '微型（10人以下）', ur: 'مائیکرو (10 سے کم ملازمین)' },
  small: { en: 'small (10–99 employees)', zh: '小型（10–99人）', ur: 'چھوٹا (10–99 ملازمین)' },
  medium: { en: 'medium (100–499 employees)', zh: '中型（100–499人）', ur: 'درمیانہ (100–499 ملازمین)' },
  large: { en: 'large (500 employees or more)', zh: '大型（500人及以上）', ur: 'بڑا (500 یا زائد ملازمین)' },
};

export const STAGE_LABELS: Record<string, Required<Text3>> = {
  registered: { en: 'registered', zh: '注册企业', ur: 'رجسٹرڈ' },
  incubated: { en: 'incubated enterprise (tenant)', zh: '在孵企业', ur: 'زیرِ انکیوبیشن ادارہ' },
  graduated: { en: 'graduated enterprise', zh: '毕业企业', ur: 'گریجویٹ ادارہ' },
  certified_high_tech: { en: 'certified high-tech enterprise', zh: '高新技术企业', ur: 'مصدقہ ہائی ٹیک ادارہ' },
  gazelle: { en: 'gazelle enterprise', zh: '瞪羚企业', ur: 'غزال ادارہ (تیز رفتار ترقی)' },
  unicorn: { en: 'unicorn', zh: '独角兽企业', ur: 'یونیکارن' },
  listed: { en: 'listed company', zh: '上市企业', ur: 'لسٹڈ کمپنی' },
};

export const ENTITY_TYPE_LABELS: Record<string, Required<Text3>> = {
  enterprise: { en: 'enterprises', zh: '企业', ur: 'ادارے' },
  incubator: { en: 'incubators', zh: '孵化器', ur: 'انکیوبیٹرز' },
  zone: { en: 'zones', zh: '园区', ur: 'زونز' },
};

/** A row or column for records without the dimension (no sector recorded, outside any zone, …). */
export const NOT_STATED: Required<Text3> = { en: 'not stated', zh: '未填报', ur: 'درج نہیں' };
export const NO_ZONE: Required<Text3> = { en: 'outside any zone', zh: '园区外', ur: 'کسی زون سے باہر' };
export const NO_PROVINCE: Required<Text3> = { en: 'province not stated', zh: '省份未填报', ur: 'صوبہ درج نہیں' };
export const TOTAL: Required<Text3> = { en: 'Total', zh: '合计', ur: 'کل' };

/** A code's label from a table, or the code itself where the table does not know it. */
export function codeLabel(table: Record<string, Text3>, code: string | null): Text3 {
  if (code === null) return NOT_STATED;
  return table[code] ?? { en: code };
}

/** Sort position of a code in a label table (unknown codes after known ones, then alphabetical). */
export function codeOrder(table: Record<string, Text3>): (code: string) => number {
  const keys = Object.keys(table);
  return (code) => {
    const i = keys.indexOf(code);
    return i < 0 ? keys.length : i;
  };
}

/**
 * Messages of the 400 / 404 answers of the analysis routes, in the reader's language (they go in the error's
 * `details`, beside the general message of the code).
 */
const MESSAGES = {
  same_dimension: {
    en: 'Rows and columns must be two different dimensions (both are “{{dim}}”).',
    zh: '行和列必须是两个不同的维度（现在都是“{{dim}}”）。',
    ur: 'قطاریں اور کالم دو مختلف جہتیں ہونی چاہئیں (دونوں “{{dim}}” ہیں)۔',
  },
  unknown_indicator: {
    en: 'There is no indicator “{{code}}” in the catalogue.',
    zh: '指标目录中没有“{{code}}”这个指标。',
    ur: 'فہرست میں “{{code}}” نام کا کوئی اشاریہ نہیں ہے۔',
  },
  indicator_not_collected: {
    en: 'The indicator “{{code}}” is not collected from {{entityType}} (only from: {{types}}).',
    zh: '指标“{{code}}”不向{{entityType}}采集（仅限：{{types}}）。',
    ur: 'اشاریہ “{{code}}” {{entityType}} سے جمع نہیں کیا جاتا (صرف: {{types}})۔',
  },
  year_range: {
    en: 'The first year ({{from}}) is after the last year ({{to}}).',
    zh: '起始年份（{{from}}）晚于截止年份（{{to}}）。',
    ur: 'پہلا سال ({{from}}) آخری سال ({{to}}) کے بعد ہے۔',
  },
  unknown_zone: {
    en: 'There is no zone “{{zone}}” in the registry.',
    zh: '登记库中没有“{{zone}}”这个园区。',
    ur: 'رجسٹری میں “{{zone}}” نام کا کوئی زون نہیں ہے۔',
  },
  zone_out_of_scope: {
    en: 'You can see the dashboard of your own zone(s) only.',
    zh: '您只能查看自己所管理园区的仪表板。',
    ur: 'آپ صرف اپنے زون کا ڈیش بورڈ دیکھ سکتے ہیں۔',
  },
  unknown_period: {
    en: 'There is no reporting period with this id.',
    zh: '没有这个统计期。',
    ur: 'اس شناخت کا کوئی رپورٹنگ دورانیہ نہیں ہے۔',
  },
} satisfies Record<string, Required<Text3>>;

export type MessageKey = keyof typeof MESSAGES;

export function message(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[key][lang] ?? MESSAGES[key].en;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
