import type { Text3, YearbookTableKey } from '../../../../shared/contracts/statistics';

/**
 * The standard tables of the yearbook (issue 5: "by zone, province or region, industry and year: counts,
 * sums, shares of the national total, growth rates, R&D intensity, top-N lists"), modelled on the Torch
 * yearbook's main tables of national high-tech zones. Each is data: a dimension, value columns, and the
 * derived columns computed from them.
 */
export type Derived = { kind: 'share' | 'growth'; of: string };
export type TableDef = {
  key: YearbookTableKey;
  title: Required<Text3>;
  group: 'zone' | 'province' | 'sector' | 'year' | 'enterprise';
  entityType: 'enterprise' | 'incubator';
  /** Value columns: catalogue codes, measured over the rollup cells of each row. */
  values: string[];
  derived: Derived[];
  /** Sort rows by this column, highest first (none: the dimension's order). */
  sortBy?: string;
  /** Top-N tables take the indicator from the query; the rest are whole lists. */
  top?: boolean;
  /** Readable by the public once the year is published (enterprise-level lists never are). */
  public: boolean;
  chart: { type: 'bar' | 'line'; column: string };
};

const CORE = ['enterprises', 'employees', 'operating_revenue', 'exports', 'rd_expenditure', 'rd_intensity'];

export const TABLES: TableDef[] = [
  {
    key: 'zones',
    title: { en: 'Main indicators of zones', zh: '各园区主要经济指标', ur: 'زونوں کے بنیادی اشاریے' },
    group: 'zone',
    entityType: 'enterprise',
    values: CORE,
    derived: [
      { kind: 'share', of: 'operating_revenue' },
      { kind: 'growth', of: 'operating_revenue' },
    ],
    sortBy: 'operating_revenue',
    public: true,
    chart: { type: 'bar', column: 'operating_revenue' },
  },
  {
    key: 'provinces',
    title: { en: 'Main indicators by province', zh: '分省份主要经济指标', ur: 'صوبوں کے لحاظ سے بنیادی اشاریے' },
    group: 'province',
    entityType: 'enterprise',
    values: CORE,
    derived: [
      { kind: 'share', of: 'operating_revenue' },
      { kind: 'growth', of: 'operating_revenue' },
    ],
    sortBy: 'operating_revenue',
    public: true,
    chart: { type: 'bar', column: 'operating_revenue' },
  },
  {
    key: 'industries',
    title: { en: 'Main indicators by industry', zh: '分行业主要经济指标', ur: 'صنعت کے لحاظ سے بنیادی اشاریے' },
    group: 'sector',
    entityType: 'enterprise',
    values: CORE,
    derived: [
      { kind: 'share', of: 'operating_revenue' },
      { kind: 'growth', of: 'operating_revenue' },
    ],
    sortBy: 'operating_revenue',
    public: true,
    chart: { type: 'bar', column: 'operating_revenue' },
  },
  {
    key: 'years',
    title: { en: 'Main indicators year by year', zh: '历年主要经济指标', ur: 'سال بہ سال بنیادی اشاریے' },
    group: 'year',
    entityType: 'enterprise',
    values: [...CORE, 'degree_share', 'valid_invention_patents'],
    derived: [
      { kind: 'growth', of: 'operating_revenue' },
      { kind: 'growth', of: 'enterprises' },
    ],
    public: true,
    chart: { type: 'line', column: 'operating_revenue' },
  },
  {
    key: 'top_zones',
    title: { en: 'Top zones', zh: '园区排行', ur: 'سرفہرست زون' },
    group: 'zone',
    entityType: 'enterprise',
    values: [],
    derived: [],
    top: true,
    public: true,
    chart: { type: 'bar', column: 'value' },
  },
  {
    key: 'incubation',
    title: { en: 'Technology business incubators by province', zh: '分省份科技企业孵化器', ur: 'صوبوں کے لحاظ سے ٹیکنالوجی بزنس انکیوبیٹر' },
    group: 'province',
    entityType: 'incubator',
    values: ['incubators', 'incubator_space_m2', 'tenants', 'graduates', 'tenant_jobs', 'investment_received'],
    derived: [{ kind: 'share', of: 'tenants' }],
    sortBy: 'tenants',
    public: true,
    chart: { type: 'bar', column: 'tenants' },
  },
  {
    key: 'top_enterprises',
    title: { en: 'Top enterprises', zh: '企业排行', ur: 'سرفہرست ادارے' },
    group: 'enterprise',
    entityType: 'enterprise',
    values: [],
    derived: [],
    top: true,
    public: false,
    chart: { type: 'bar', column: 'value' },
  },
];

export const tableDef = (key: string) => TABLES.find((t) => t.key === key) ?? null;

/** Labels of the columns that are not indicators. */
export const LABELS: Record<string, Required<Text3>> = {
  zone: { en: 'Zone', zh: '园区', ur: 'زون' },
  province: { en: 'Province', zh: '省份', ur: 'صوبہ' },
  sector: { en: 'Industry', zh: '行业', ur: 'صنعت' },
  year: { en: 'Year', zh: '年份', ur: 'سال' },
  enterprise: { en: 'Enterprise', zh: '企业', ur: 'ادارہ' },
  rank: { en: 'Rank', zh: '排名', ur: 'درجہ' },
  share: { en: 'Share of national total: {{name}}', zh: '{{name}}占全国比重', ur: '{{name}}: قومی مجموعے میں حصہ' },
  growth: { en: 'Growth on previous year: {{name}}', zh: '{{name}}比上年增长', ur: '{{name}}: پچھلے سال کے مقابلے میں اضافہ' },
  total: { en: 'National total', zh: '全国合计', ur: 'قومی مجموعہ' },
  incubators: { en: 'Number of incubators', zh: '孵化器数量', ur: 'انکیوبیٹرز کی تعداد' },
  unknown: { en: 'Not stated', zh: '未注明', ur: 'درج نہیں' },
};

export const fill = (label: Required<Text3>, name: Text3): Required<Text3> => ({
  en: label.en.replace('{{name}}', name.en),
  zh: label.zh.replace('{{name}}', name.zh ?? name.en),
  ur: label.ur.replace('{{name}}', name.ur ?? name.en),
});
