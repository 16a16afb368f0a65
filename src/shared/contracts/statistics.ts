import { z } from 'zod';

/**
 * The statistics module's API (issue 5): indicator catalogue, published series, the annual survey and its
 * approval chain, the yearbook, pivots, dashboards, map, rankings, completeness. M&E is in contracts/me.ts.
 */

export const STAT_ENTITY_TYPES = ['enterprise', 'incubator', 'zone'] as const;
export type StatEntityType = (typeof STAT_ENTITY_TYPES)[number];
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const LEVELS = ['incubator', 'zone', 'province', 'national'] as const;
export type Level = (typeof LEVELS)[number];
/** Size classes by year-end employees (the pivot's `size` dimension). */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;

const Text3 = z.object({ en: z.string(), zh: z.string().optional(), ur: z.string().optional() });
export type Text3 = z.infer<typeof Text3>;
const Ref = z.object({ id: z.string(), names: Text3 });

export const Indicator = z.object({
  code: z.string(),
  names: Text3,
  definitions: Text3,
  unit: z.string(),
  valueType: z.string(),
  aggregation: z.enum(['sum', 'average', 'ratio', 'count']),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  scale: z.number().nullable(),
  entityTypes: z.array(z.string()),
  group: z.string().nullable(),
  frascati: z.string().nullable(),
  oslo: z.string().nullable(),
  source: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;

export const SeriesPoint = z.object({
  year: z.number().int().nullable(),
  value: z.number(),
  qualifier: z.string().optional(),
  source: z.string(),
  quote: z.string(),
});
export const Series = z.object({
  code: z.string(),
  names: Text3,
  unit: z.string(),
  indicator: z.string().nullable(),
  scope: z.string(),
  points: z.array(SeriesPoint),
});
export type Series = z.infer<typeof Series>;

export const Period = z.object({
  id: z.uuid(),
  key: z.string(),
  names: Text3,
  calendar: z.enum(['calendar', 'fiscal_jul_jun']),
  country: z.string().nullable(),
  year: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'closed']),
  publishedAt: z.string().nullable(),
  synthetic: z.boolean(),
});
export type Period = z.infer<typeof Period>;

export const PeriodInput = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[A-Za-z0-9_.-]+$/, 'validation.code_chars'),
  names: z.object({ en: z.string().trim().min(1).max(200), zh: z.string().trim().max(200).optional(), ur: z.string().trim().max(200).optional() }),
  calendar: z.enum(['calendar', 'fiscal_jul_jun']),
  /** Entities of this country file in it (ISO code); absent: every country. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'validation.country_code')
    .optional(),
  /** The year the period ends in (FY July 2024 – June 2025 → 2025). */
  year: z.number().int().min(1980).max(2100),
  dueOn: z.iso.date(),
});
export type PeriodInput = z.infer<typeof PeriodInput>;

/** A validation rule as stored on a form (the server's engine parses and checks it: modules/statistics/validation). */
export const FormRule = z.looseObject({ id: z.string(), kind: z.string() });

export const Form = z.object({
  id: z.uuid(),
  period: Period,
  entityType: z.enum(STAT_ENTITY_TYPES),
  indicators: z.array(Indicator),
  required: z.array(z.string()),
  rules: z.array(FormRule),
});
export type Form = z.infer<typeof Form>;
export const FormPatch = z.object({
  indicators: z.array(z.string()).min(1).optional(),
  required: z.array(z.string()).optional(),
  rules: z.array(FormRule).optional(),
});

/** A validation failure, explained in the reader's language. */
export const Finding = z.object({
  ruleId: z.string(),
  kind: z.string(),
  severity: z.enum(['error', 'warning']),
  indicators: z.array(z.string()),
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const ChainStep = z.object({ level: z.enum(LEVELS), scopeId: z.string().nullable(), name: Text3.nullable() });

export const Review = z.object({
  level: z.string(),
  decision: z.enum(['approve', 'return', 'reopen']),
  reason: z.string().nullable(),
  reviewer: z.string().nullable(),
  at: z.string(),
});

export const Values = z.record(z.string(), z.number().nullable());
export type Values = z.infer<typeof Values>;

export const Submission = z.object({
  id: z.uuid(),
  formId: z.uuid(),
  period: Period,
  entityType: z.enum(STAT_ENTITY_TYPES),
  entity: Ref,
  status: z.enum(SUBMISSION_STATUSES),
  chain: z.array(ChainStep),
  /** The index in `chain` of the level now reviewing (= chain.length once approved all the way). */
  step: z.number().int(),
  counted: z.boolean(),
  /** Approved all the way: nobody edits it unless an analyst reopens it. */
  locked: z.boolean(),
  values: Values,
  /** Last year's approved values of the same entity (shown beside each field). */
  lastYear: Values.nullable(),
  findings: z.array(Finding),
  explanation: z.string().nullable(),
  returnedReason: z.string().nullable(),
  reviews: z.array(Review),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  late: z.boolean(),
  synthetic: z.boolean(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), reopen: z.boolean() }),
});
export type Submission = z.infer<typeof Submission>;

export const SubmissionSummary = z.object({
  id: z.uuid(),
  period: z.object({ id: z.uuid(), key: z.string(), year: z.number().int(), names: Text3, dueOn: z.string() }),
  entityType: z.enum(STAT_ENTITY_TYPES),
  entity: Ref,
  status: z.enum(SUBMISSION_STATUSES),
  level: z.enum(LEVELS).nullable(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  errors: z.number().int(),
  warnings: z.number().int(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;

export const SubmissionQuery = z.object({
  periodId: z.uuid().optional(),
  entityType: z.enum(STAT_ENTITY_TYPES).optional(),
  entityId: z.uuid().optional(),
  status: z.enum(SUBMISSION_STATUSES).optional(),
  /** 'mine': returns I file; 'review': returns waiting at a level I approve. */
  view: z.enum(['mine', 'review', 'all']).default('mine'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** What an enterprise member, incubator manager or zone manager can file: entity × open period, with status. */
export const Filing = z.object({
  period: Period,
  formId: z.uuid(),
  entityType: z.enum(STAT_ENTITY_TYPES),
  entity: Ref,
  submission: SubmissionSummary.nullable(),
});
export type Filing = z.infer<typeof Filing>;
export const FilingsQuery = z.object({ q: z.string().max(200).optional(), entityType: z.enum(STAT_ENTITY_TYPES).optional() });

export const StartSubmissionInput = z.object({ formId: z.uuid(), entityId: z.uuid() });
export const SaveValuesInput = z.object({ values: Values, version: z.number().int().optional() });
export const SubmitInput = z.object({ explanation: z.string().trim().max(2000).optional() });
export const ReviewInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), reason: z.string().trim().max(2000).optional() }),
  z.object({ decision: z.literal('return'), reason: z.string().trim().min(3, 'validation.say_what_to_correct').max(2000) }),
]);
export const ReopenInput = z.object({ reason: z.string().trim().min(3).max(2000) });
export const ValidateInput = z.object({ values: Values });
export const ValidationResult = z.object({ findings: z.array(Finding), unchecked: z.array(z.object({ ruleId: z.string(), reason: z.string() })) });

/** The answer of an XLSX upload (dry run or real): the values read, the findings, and rows that could not be read. */
export const UploadResult = z.object({
  dryRun: z.boolean(),
  values: Values,
  problems: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  findings: z.array(Finding),
  saved: z.boolean(),
});

// ── Completeness and timeliness ──────────────────────────────────────────────

export const CompletenessQuery = z.object({
  periodId: z.uuid(),
  entityType: z.enum(STAT_ENTITY_TYPES).default('enterprise'),
  by: z.enum(['zone', 'province']).default('zone'),
});
export const CompletenessRow = z.object({
  key: z.string().nullable(),
  names: Text3,
  expected: z.number().int(),
  started: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  onTime: z.number().int(),
  /** submitted ÷ expected, on time ÷ submitted (0–1). */
  completeness: z.number(),
  timeliness: z.number(),
});
export const Completeness = z.object({ period: Period, by: z.string(), rows: z.array(CompletenessRow), total: CompletenessRow });

// ── Yearbook ─────────────────────────────────────────────────────────────────

export const YEARBOOK_TABLES = ['zones', 'provinces', 'industries', 'years', 'top_zones', 'incubation', 'top_enterprises'] as const;
export type YearbookTableKey = (typeof YEARBOOK_TABLES)[number];

export const YearbookColumn = z.object({
  key: z.string(),
  label: Text3,
  kind: z.enum(['dimension', 'value', 'share', 'growth', 'ratio', 'rank', 'published']),
  unit: z.string().nullable(),
  indicator: z.string().nullable(),
});
export const YearbookRow = z.object({ key: z.string().nullable(), label: Text3, cells: z.array(z.number().nullable()) });
export const PublishedBeside = z.object({
  series: z.string(),
  names: Text3,
  year: z.number().int().nullable(),
  value: z.number(),
  unit: z.string(),
  source: z.string(),
  quote: z.string(),
  computed: z.number().nullable(),
});
export const YearbookTable = z.object({
  key: z.enum(YEARBOOK_TABLES),
  title: Text3,
  year: z.number().int(),
  years: z.array(z.number().int()),
  columns: z.array(YearbookColumn),
  rows: z.array(YearbookRow),
  total: YearbookRow.nullable(),
  published: z.array(PublishedBeside),
  /** Records in the figures not yet approved all the way up (provisional). */
  provisional: z.number().int(),
  records: z.number().int(),
  synthetic: z.boolean(),
  isPublished: z.boolean(),
  chart: z.object({ type: z.enum(['bar', 'line']), column: z.string() }),
});
export type YearbookTable = z.infer<typeof YearbookTable>;
export const YearbookQuery = z.object({
  year: z.coerce.number().int().min(1980).max(2100).optional(),
  indicator: z.string().max(60).optional(),
  n: z.coerce.number().int().min(1).max(100).default(10),
});
export const YearbookExportQuery = YearbookQuery.extend({ format: z.enum(['xlsx', 'csv', 'pdf']), lang: z.enum(['en', 'zh', 'ur']).optional() });
export const YearbookIndex = z.object({
  tables: z.array(z.object({ key: z.enum(YEARBOOK_TABLES), title: Text3, public: z.boolean() })),
  years: z.array(z.object({ year: z.number().int(), published: z.boolean() })),
});

// ── Pivot ────────────────────────────────────────────────────────────────────

export const PIVOT_DIMENSIONS = ['year', 'zone', 'province', 'sector', 'size', 'stage', 'entityType'] as const;
export type PivotDimension = (typeof PIVOT_DIMENSIONS)[number];
export const PivotQuery = z.object({
  indicator: z.string().min(1).max(60),
  rows: z.enum(PIVOT_DIMENSIONS),
  cols: z.enum(PIVOT_DIMENSIONS),
  entityType: z.enum(STAT_ENTITY_TYPES).default('enterprise'),
  yearFrom: z.coerce.number().int().optional(),
  yearTo: z.coerce.number().int().optional(),
  zone: z.string().optional(),
  province: z.string().optional(),
  sector: z.string().optional(),
  size: z.enum(SIZE_CLASSES).optional(),
  stage: z.string().optional(),
});
export type PivotQuery = z.infer<typeof PivotQuery>;
export const PivotHeader = z.object({ key: z.string().nullable(), label: Text3 });
export const Pivot = z.object({
  indicator: Indicator,
  rows: z.array(PivotHeader),
  cols: z.array(PivotHeader),
  cells: z.array(z.array(z.number().nullable())),
  rowTotals: z.array(z.number().nullable()),
  colTotals: z.array(z.number().nullable()),
  total: z.number().nullable(),
  synthetic: z.boolean(),
});
export type Pivot = z.infer<typeof Pivot>;

// ── Dashboards, map, rankings ────────────────────────────────────────────────

export const DashboardQuery = z.object({ year: z.coerce.number().int().optional(), zoneId: z.uuid().optional() });
export const Distribution = z.object({ min: z.number(), p25: z.number(), median: z.number(), p75: z.number(), max: z.number(), n: z.number().int() });
export const DashboardItem = z.object({
  indicator: Indicator,
  national: z.number().nullable(),
  nationalPrevious: z.number().nullable(),
  growth: z.number().nullable(),
  /** The chosen zone's figure, its place among zones (1 = highest) and the percentile, when a zone is chosen. */
  zone: z.number().nullable(),
  rank: z.number().int().nullable(),
  percentile: z.number().nullable(),
  distribution: Distribution.nullable(),
  trend: z.array(z.object({ year: z.number().int(), national: z.number().nullable(), zone: z.number().nullable() })),
});
export const Dashboard = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  zone: Ref.nullable(),
  items: z.array(DashboardItem),
  completeness: z.object({ expected: z.number().int(), submitted: z.number().int(), approved: z.number().int() }).nullable(),
  synthetic: z.boolean(),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const MapQuery = z.object({ indicator: z.string().min(1).max(60), year: z.coerce.number().int().optional() });
export const MapData = z.object({
  indicator: Indicator,
  year: z.number().int(),
  zones: z.array(
    z.object({
      id: z.string(),
      names: Text3,
      province: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      value: z.number().nullable(),
    }),
  ),
  provinces: z.array(z.object({ code: z.string(), names: Text3, value: z.number().nullable() })),
});

export const RankingInput = z.object({
  year: z.number().int().optional(),
  /** Indicator code → weight (≥ 0; normalised to sum 1). Each indicator is min–max scaled across zones first. */
  weights: z.record(z.string(), z.number().min(0).max(100)).refine((w) => Object.values(w).some((v) => v > 0), 'give at least one indicator a weight above 0'),
  limit: z.number().int().min(1).max(500).default(50),
});
export const Ranking = z.object({
  year: z.number().int(),
  weights: z.record(z.string(), z.number()),
  rows: z.array(
    z.object({
      rank: z.number().int(),
      zone: Ref,
      score: z.number(),
      parts: z.record(z.string(), z.number().nullable()),
      values: z.record(z.string(), z.number().nullable()),
    }),
  ),
  synthetic: z.boolean(),
});
