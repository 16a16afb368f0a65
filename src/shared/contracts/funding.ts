import { z } from 'zod';
// The eligibility rules are plain zod (no node:*), shared with the server's pure engine.
import { RuleSet } from '../../server/modules/funding/eligibility/rules';

/**
 * Contracts of the seed fund (issue 4): programs, calls and applications. The words are the domain's:
 * a Program has Calls; a Call offers Instruments, states its eligibility rules, its application form and
 * its review rubric; an Application starts as an ApplicationDraft, is submitted with a Receipt, and gets
 * ScreeningDecisions from the program officer.
 */

// ── Shared pieces ─────────────────────────────────────────────────────────────

/** A text in the three interface languages; English is required, the others fall back to it. */
export const Text3 = z.strictObject({
  en: z.string().trim().min(1).max(2000),
  zh: z.string().trim().max(2000).optional(),
  ur: z.string().trim().max(2000).optional(),
});
export type Text3 = z.infer<typeof Text3>;

/** A longer text (descriptions) in the three languages. */
export const LongText3 = z.strictObject({
  en: z.string().trim().max(20_000),
  zh: z.string().trim().max(20_000).optional(),
  ur: z.string().trim().max(20_000).optional(),
});
export type LongText3 = z.infer<typeof LongText3>;

/** Keys of form fields, sections and rubric criteria: identifiers, so they are safe as object keys and facts. */
export const FieldKey = z.string().regex(/^[a-z][A-Za-z0-9_]{0,63}$/, 'validation.field_key');

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai');
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'validation.currency_code');
export const Money = z.number().finite().min(0).max(1e13);

// ── Programs ─────────────────────────────────────────────────────────────────

export const ProgramInput = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/)
    .optional(),
  names: Text3,
  description: LongText3.optional(),
  /** Where the program's rules come from (a seed file, a regulation). */
  source: z.string().trim().max(500).optional(),
});
export type ProgramInput = z.infer<typeof ProgramInput>;

export const Program = z.object({
  id: z.uuid(),
  key: z.string().nullable(),
  names: Text3,
  description: LongText3.nullable(),
  source: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Program = z.infer<typeof Program>;

// ── Calls ────────────────────────────────────────────────────────────────────

export const INSTRUMENT_KINDS = ['grant', 'loan_interest_subsidy', 'equity'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** What a call offers: a kind and the range an applicant may request, in the call's currency. */
export const Instrument = z
  .strictObject({
    kind: z.enum(INSTRUMENT_KINDS),
    min: Money.optional(),
    max: Money.optional(),
    note: Text3.optional(),
  })
  .refine((i) => i.min === undefined || i.max === undefined || i.min <= i.max, { message: 'validation.min_over_max', path: ['max'] });
export type Instrument = z.infer<typeof Instrument>;

export const FIELD_TYPES = ['text', 'longtext', 'number', 'money', 'date', 'select', 'multiselect', 'boolean', 'file'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const Scalar = z.union([z.string().max(200), z.number().finite(), z.boolean()]);

/** A field is shown only when another (earlier) field's answer equals one of these values. */
export const VisibleWhen = z.strictObject({ field: FieldKey, in: z.array(Scalar).min(1).max(50) });
export type VisibleWhen = z.infer<typeof VisibleWhen>;

export const FieldOption = z.strictObject({ value: z.string().trim().min(1).max(100), label: Text3 });

export const FormField = z.strictObject({
  key: FieldKey,
  type: z.enum(FIELD_TYPES),
  label: Text3,
  help: Text3.optional(),
  required: z.boolean().default(false),
  options: z.array(FieldOption).max(200).optional(),
  /** number/money: bounds; text/longtext: length bounds. */
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  /** file: how many files the field takes. */
  maxFiles: z.number().int().min(1).max(20).optional(),
  visibleWhen: VisibleWhen.optional(),
  /** The eligibility fact this answer supplies (e.g. `employees`), prefilled from the registry when known. */
  fact: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/)
    .optional(),
});
export type FormField = z.infer<typeof FormField>;

export const FormSection = z.strictObject({
  key: FieldKey,
  title: Text3,
  description: Text3.optional(),
  fields: z.array(FormField).max(100),
});
export type FormSection = z.infer<typeof FormSection>;

export const ApplicationForm = z.strictObject({ sections: z.array(FormSection).max(30) }).superRefine((form, ctx) => {
  const seen = new Map<string, FormField>();
  form.sections.forEach((section, s) => {
    section.fields.forEach((field, f) => {
      const path = ['sections', s, 'fields', f];
      if (seen.has(field.key)) ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: `duplicate field key ${field.key}` });
      if ((field.type === 'select' || field.type === 'multiselect') && !field.options?.length) {
        ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'validation.choice_needs_options' });
      }
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
        ctx.addIssue({ code: 'custom', path: [...path, 'max'], message: 'validation.min_over_max' });
      }
      if (field.visibleWhen) {
        const target = seen.get(field.visibleWhen.field);
        if (!target) ctx.addIssue({ code: 'custom', path: [...path, 'visibleWhen', 'field'], message: 'validation.earlier_field' });
      }
      seen.set(field.key, field);
    });
  });
});
export type ApplicationForm = z.infer<typeof ApplicationForm>;

export const RubricCriterion = z.strictObject({
  key: FieldKey,
  name: Text3,
  description: Text3.optional(),
  weight: z.number().finite().positive().max(1000),
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;

export const Rubric = z
  .strictObject({
    criteria: z.array(RubricCriterion).max(30),
    scaleMin: z.number().int().min(0).max(100),
    scaleMax: z.number().int().min(1).max(100),
  })
  .superRefine((r, ctx) => {
    if (r.scaleMin >= r.scaleMax) ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'validation.scale_max' });
    const keys = new Set<string>();
    r.criteria.forEach((c, i) => {
      if (keys.has(c.key)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'key'], message: `duplicate criterion key ${c.key}` });
      keys.add(c.key);
    });
  });
export type Rubric = z.infer<typeof Rubric>;

/**
 * A call's life: `draft` (being prepared, not public) → `open` (public; takes applications inside its
 * window) → `closed` (no more applications; review) → `results_published` (the other half of issue 4).
 * `cancelled` ends a call that will not run. Whether an open call takes applications *now* is its phase.
 */
export const CALL_STATUSES = ['draft', 'open', 'closed', 'results_published', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const CALL_PHASES = ['upcoming', 'accepting', 'ended'] as const;
export type CallPhase = (typeof CALL_PHASES)[number];

const CallFields = z.strictObject({
  programId: z.uuid(),
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/)
    .optional(),
  names: Text3,
  description: LongText3.optional(),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  timeZone: TimeZone,
  budget: Money,
  currency: Currency,
  instruments: z.array(Instrument).min(1).max(10),
  eligibilityRules: RuleSet,
  form: ApplicationForm,
  rubric: Rubric,
  reviewersPerApplication: z.number().int().min(1).max(15),
  reviewerLoadMin: z.number().int().min(0).max(10_000),
  reviewerLoadMax: z.number().int().min(1).max(10_000),
  blindReview: z.boolean(),
  seniorReviewerRequired: z.boolean().default(false),
});

const callChecks = (c: Partial<z.infer<typeof CallFields>>, ctx: z.RefinementCtx) => {
  if (c.opensAt && c.closesAt && Date.parse(c.opensAt) >= Date.parse(c.closesAt)) {
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'validation.call_closes_after_opening' });
  }
  if (c.reviewerLoadMin !== undefined && c.reviewerLoadMax !== undefined && c.reviewerLoadMin > c.reviewerLoadMax) {
    ctx.addIssue({ code: 'custom', path: ['reviewerLoadMax'], message: 'validation.load_max_below_min' });
  }
  const kinds = new Set<string>();
  c.instruments?.forEach((i, n) => {
    if (kinds.has(i.kind)) ctx.addIssue({ code: 'custom', path: ['instruments', n, 'kind'], message: `instrument ${i.kind} listed twice` });
    kinds.add(i.kind);
  });
};

export const CallInput = CallFields.superRefine(callChecks);
export type CallInput = z.input<typeof CallInput>;
export const CallPatch = CallFields.omit({ programId: true }).partial().superRefine(callChecks);
export type CallPatch = z.input<typeof CallPatch>;

export const Call = z.object({
  id: z.uuid(),
  key: z.string().nullable(),
  program: z.object({ id: z.uuid(), names: Text3 }),
  names: Text3,
  description: LongText3.nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  timeZone: z.string(),
  budget: z.number(),
  currency: z.string(),
  instruments: z.array(Instrument),
  eligibilityRules: z.array(z.unknown()),
  form: ApplicationForm,
  rubric: Rubric,
  reviewersPerApplication: z.number().int(),
  reviewerLoadMin: z.number().int(),
  reviewerLoadMax: z.number().int(),
  blindReview: z.boolean(),
  seniorReviewerRequired: z.boolean(),
  status: z.enum(CALL_STATUSES),
  /** From the server's clock: before the window, inside it (and open), or past it. */
  phase: z.enum(CALL_PHASES),
  serverTime: z.string(),
  source: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Call = z.infer<typeof Call>;

export const CallSummary = Call.pick({
  id: true,
  key: true,
  program: true,
  names: true,
  opensAt: true,
  closesAt: true,
  timeZone: true,
  budget: true,
  currency: true,
  instruments: true,
  status: true,
  phase: true,
}).extend({ applicationCount: z.number().int().optional() });
export type CallSummary = z.infer<typeof CallSummary>;

export const CallListQuery = z.object({
  /** Public readers see open and past calls; officers may ask for drafts too. */
  status: z.enum(CALL_STATUSES).optional(),
  phase: z.enum(CALL_PHASES).optional(),
  programId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const CallTransition = z.strictObject({ status: z.enum(['open', 'closed', 'cancelled']) });

// ── Eligibility ──────────────────────────────────────────────────────────────

export const OUTCOMES = ['pass', 'fail', 'unknown'] as const;
export const VERDICTS = ['eligible', 'ineligible', 'incomplete'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const ExplainedRule = z.object({
  ruleId: z.string(),
  label: z.string(),
  outcome: z.enum(OUTCOMES),
  outcomeText: z.string(),
  reason: z.string(),
  source: z.string(),
});
export const EligibilityResult = z.object({
  verdict: z.enum(VERDICTS),
  verdictText: z.string(),
  rules: z.array(ExplainedRule),
  /** The facts the rules were evaluated on, and which of them came from the registry profile. */
  facts: z.record(z.string(), z.unknown()),
  fromRegistry: z.array(z.string()),
});
export type EligibilityResult = z.infer<typeof EligibilityResult>;

// ── Applications ─────────────────────────────────────────────────────────────

export const APPLICATION_STATUSES = ['draft', 'submitted', 'info_requested', 'accepted', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const AnswerValue = z.union([z.string().max(20_000), z.number().finite(), z.boolean(), z.array(z.string().max(500)).max(200), z.null()]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export const Answers = z.record(FieldKey, AnswerValue).refine((a) => Object.keys(a).length <= 500, 'at most 500 answers');
export type Answers = z.infer<typeof Answers>;

export const CreateApplicationInput = z.strictObject({ callId: z.uuid(), enterpriseId: z.uuid() });
export type CreateApplicationInput = z.infer<typeof CreateApplicationInput>;

/** What the autosave sends: the whole draft. `version` (from the last read) refuses a stale overwrite. */
export const ApplicationDraft = z.strictObject({
  answers: Answers,
  instrument: z.enum(INSTRUMENT_KINDS).nullable().optional(),
  requestedAmount: Money.nullable().optional(),
  version: z.number().int().min(0).optional(),
});
export type ApplicationDraft = z.infer<typeof ApplicationDraft>;

export const EligibilityCheckInput = z.strictObject({
  enterpriseId: z.uuid().optional(),
  applicationId: z.uuid().optional(),
  answers: Answers.default({}),
  instrument: z.enum(INSTRUMENT_KINDS).nullable().optional(),
  requestedAmount: Money.nullable().optional(),
});
export type EligibilityCheckInput = z.input<typeof EligibilityCheckInput>;

export const Receipt = z.object({
  receiptId: z.uuid(),
  applicationId: z.uuid(),
  callId: z.uuid(),
  submittedAt: z.string(),
  algorithm: z.literal('SHA-256'),
  /** Hex SHA-256 of the canonical JSON of what was submitted (answers, instrument, amount, attachments' hashes). */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Receipt = z.infer<typeof Receipt>;

export const Attachment = z.object({
  id: z.uuid(),
  fieldKey: z.string(),
  fileId: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const SCREENING_KINDS = ['accept', 'reject', 'request_info'] as const;
export type ScreeningKind = (typeof SCREENING_KINDS)[number];

export const ScreeningInput = z
  .strictObject({ kind: z.enum(SCREENING_KINDS), reason: z.string().trim().max(5000).optional() })
  .refine((s) => s.kind === 'accept' || (s.reason && s.reason.length > 0), { message: 'validation.reason_required', path: ['reason'] });
export type ScreeningInput = z.infer<typeof ScreeningInput>;

export const InfoResponseInput = z.strictObject({
  message: z.string().trim().min(1).max(10_000),
  /** Answers the applicant changes in reply (merged into the submitted answers; the receipt is re-issued). */
  answers: Answers.optional(),
});
export type InfoResponseInput = z.infer<typeof InfoResponseInput>;

export const ScreeningDecision = z.object({
  id: z.uuid(),
  kind: z.enum(SCREENING_KINDS),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
});
export type ScreeningDecision = z.infer<typeof ScreeningDecision>;

export const Application = z.object({
  id: z.uuid(),
  call: z.object({ id: z.uuid(), names: Text3, closesAt: z.string(), timeZone: z.string(), currency: z.string(), phase: z.enum(CALL_PHASES) }),
  enterprise: z.object({ id: z.uuid(), names: z.object({ en: z.string(), zh: z.string().optional(), ur: z.string().optional() }) }).nullable(),
  applicant: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  status: z.enum(APPLICATION_STATUSES),
  answers: z.record(z.string(), z.unknown()),
  instrument: z.enum(INSTRUMENT_KINDS).nullable(),
  requestedAmount: z.number().nullable(),
  currency: z.string(),
  version: z.number().int(),
  /** The verdict kept at submission (drafts: null; evaluate live with the eligibility endpoint). */
  eligibility: EligibilityResult.nullable(),
  receipt: Receipt.nullable(),
  attachments: z.array(Attachment),
  screening: z.array(ScreeningDecision),
  submittedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof Application>;

export const ApplicationSummary = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callNames: Text3,
  enterprise: z.object({ id: z.uuid(), names: z.object({ en: z.string(), zh: z.string().optional(), ur: z.string().optional() }) }).nullable(),
  applicantName: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  instrument: z.enum(INSTRUMENT_KINDS).nullable(),
  requestedAmount: z.number().nullable(),
  currency: z.string(),
  verdict: z.enum(VERDICTS).nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationListQuery = z.object({
  callId: z.uuid().optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  verdict: z.enum(VERDICTS).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
