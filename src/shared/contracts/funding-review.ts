import { z } from 'zod';
import { SECTORS } from './registry';

/**
 * Contracts of the seed fund's review and awards (issue 4): the reviewer pool, assignment, scoring, the
 * ranked list, panel decisions, published results, awards, milestones, acceptance, leverage, dashboards.
 * Calls and applications are in `funding.ts`.
 */

const Names = z.object({ en: z.string(), zh: z.string().optional(), ur: z.string().optional() });
const Text = (max: number) => z.string().trim().min(1).max(max);

// ── Reviewer pool ────────────────────────────────────────────────────────────

/** Expertise tags come from the registry's sector taxonomy (China's eight key high-tech fields). */
export const EXPERTISE_TAGS = SECTORS;
export const ExpertiseTag = z.enum(SECTORS);

export const ReviewerInput = z.strictObject({
  name: Text(200),
  email: z.email().max(320).optional(),
  userId: z.uuid().nullable().optional(),
  personId: z.uuid().nullable().optional(),
  organisationId: z.uuid().nullable().optional(),
  organisationName: z.string().trim().max(300).nullable().optional(),
  affiliationIds: z.array(z.uuid()).max(50).default([]),
  expertise: z.string().trim().max(5000).default(''),
  tags: z.array(ExpertiseTag).max(20).default([]),
  senior: z.boolean().default(false),
  minLoad: z.number().int().min(0).max(10_000).nullable().optional(),
  maxLoad: z.number().int().min(0).max(10_000).nullable().optional(),
  active: z.boolean().default(true),
});
export type ReviewerInput = z.input<typeof ReviewerInput>;
export const ReviewerPatch = ReviewerInput.partial();
/** What a reviewer may change about themselves. */
export const ReviewerSelfPatch = ReviewerInput.pick({ expertise: true, tags: true }).partial();

export const ConflictInput = z.strictObject({
  entityId: z.uuid(),
  entityName: z.string().trim().max(300).optional(),
  note: Text(1000),
});

export const ReviewerConflict = z.object({ id: z.uuid(), entityId: z.uuid(), entityName: z.string().nullable(), note: z.string(), createdAt: z.string() });

export const Reviewer = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  affiliationIds: z.array(z.uuid()),
  expertise: z.string(),
  tags: z.array(z.string()),
  senior: z.boolean(),
  minLoad: z.number().int().nullable(),
  maxLoad: z.number().int().nullable(),
  active: z.boolean(),
  synthetic: z.boolean(),
  conflicts: z.array(ReviewerConflict),
  /** Applications assigned to the reviewer now, over all calls. */
  load: z.number().int(),
});
export type Reviewer = z.infer<typeof Reviewer>;

// ── Assignment ───────────────────────────────────────────────────────────────

export const AssignmentRunInput = z.strictObject({
  /** Defaults from the call: reviewers per application, load limits, senior required. */
  k: z.number().int().min(1).max(15).optional(),
  minLoad: z.number().int().min(0).max(10_000).optional(),
  maxLoad: z.number().int().min(1).max(10_000).optional(),
  requireSenior: z.boolean().optional(),
});

export const OverrideInput = z.strictObject({
  applicationId: z.uuid(),
  reviewerId: z.uuid(),
  /** true: force the pair in; false: force it out. */
  include: z.boolean(),
  reason: Text(1000),
});

export const DeclineInput = z.strictObject({ reason: Text(1000) });

export const AffinityReasons = z.object({
  sharedTags: z.array(z.string()),
  sharedTerms: z.array(z.string()),
  textSimilarity: z.number(),
  tagOverlap: z.number(),
});

export const AssignmentPair = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  senior: z.boolean(),
  affinity: z.number(),
  reasons: AffinityReasons,
  origin: z.enum(['optimiser', 'override', 'replacement']),
  status: z.enum(['assigned', 'declined', 'removed']),
  note: z.string().nullable(),
  scored: z.boolean(),
});

export const ConflictReasonDto = z.object({ kind: z.string(), detail: z.string() });

export const AssignmentView = z.object({
  callId: z.uuid(),
  run: z
    .object({
      id: z.uuid(),
      k: z.number().int(),
      minLoad: z.number().int(),
      maxLoad: z.number().int(),
      requireSenior: z.boolean(),
      objective: z.number(),
      bound: z.number(),
      gap: z.number(),
      optimal: z.boolean(),
      overrides: z.array(z.object({ applicationId: z.uuid(), reviewerId: z.uuid(), include: z.boolean() })),
      createdAt: z.string(),
      ms: z.number().optional(),
    })
    .nullable(),
  applications: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      enterpriseName: z.string().nullable(),
      pairs: z.array(AssignmentPair),
      conflicts: z.array(z.object({ reviewerId: z.uuid(), reviewerName: z.string(), reasons: z.array(ConflictReasonDto) })),
    }),
  ),
  /** Applications matching the query (the page is `applications`). */
  total: z.number().int(),
  loads: z.array(z.object({ reviewerId: z.uuid(), name: z.string(), load: z.number().int(), senior: z.boolean() })),
});
export const AssignmentViewQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AssignmentView = z.infer<typeof AssignmentView>;

// ── Reviewing and scoring ────────────────────────────────────────────────────

export const CriterionScoreInput = z.strictObject({
  criterionId: z.string().min(1).max(64),
  score: z.number().finite(),
  comment: z.string().trim().max(5000).optional(),
});

export const ScoreInput = z.strictObject({
  scores: z.array(CriterionScoreInput).max(30),
  comment: z.string().trim().max(10_000).optional(),
  /** false: save a draft; true: submit (complete scores required; no change afterwards). */
  submit: z.boolean().default(false),
});
export type ScoreInput = z.input<typeof ScoreInput>;

export const ReviewScore = z.object({
  scores: z.array(z.object({ criterionId: z.string(), score: z.number(), comment: z.string().optional() })),
  comment: z.string().nullable(),
  total: z.number().nullable(),
  percent: z.number().nullable(),
  status: z.enum(['draft', 'submitted']),
  submittedAt: z.string().nullable(),
});

export const InboxItem = z.object({
  assignmentId: z.uuid(),
  callId: z.uuid(),
  callNames: Names,
  applicationId: z.uuid(),
  title: z.string(),
  /** Hidden (null) when the call's review is blind. */
  enterpriseName: z.string().nullable(),
  blind: z.boolean(),
  affinity: z.number(),
  status: z.enum(['todo', 'draft', 'submitted']),
  closesAt: z.string().nullable(),
});

export const ReviewDetail = z.object({
  assignmentId: z.uuid(),
  call: z.object({ id: z.uuid(), names: Names, blind: z.boolean() }),
  application: z.object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string(),
    /** Hidden (null) when the call's review is blind. */
    enterprise: z.object({ id: z.uuid(), names: Names, province: z.string().nullable(), sector: z.string().nullable() }).nullable(),
    applicantName: z.string().nullable(),
    sector: z.string().nullable(),
    instrument: z.string().nullable(),
    requestedAmount: z.number().nullable(),
    currency: z.string(),
    answers: z.array(z.object({ key: z.string(), label: Names, value: z.unknown() })),
  }),
  rubric: z.object({
    scaleMin: z.number(),
    scaleMax: z.number(),
    criteria: z.array(z.object({ key: z.string(), name: Names, description: Names.nullable(), weight: z.number() })),
  }),
  affinity: z.number(),
  reasons: AffinityReasons,
  score: ReviewScore.nullable(),
});
export type ReviewDetail = z.infer<typeof ReviewDetail>;

// ── Ranking, decisions, results ──────────────────────────────────────────────

export const RankingQuery = z.object({ normalise: z.enum(['true', 'false']).default('false') });

export const RankedItem = z.object({
  applicationId: z.uuid(),
  rank: z.number().int(),
  title: z.string(),
  enterpriseName: z.string().nullable(),
  province: z.string().nullable(),
  sector: z.string().nullable(),
  score: z.number().nullable(),
  reviews: z.number().int(),
  spread: z.object({ min: z.number(), max: z.number() }).nullable(),
  requested: z.number(),
  cumulative: z.number(),
  aboveLine: z.boolean(),
  decision: z.object({ decision: z.enum(['fund', 'reserve', 'reject']), amount: z.number().nullable(), reasons: z.string(), decidedAt: z.string() }).nullable(),
});
export const Ranking = z.object({
  callId: z.uuid(),
  currency: z.string(),
  budget: z.number(),
  committed: z.number(),
  remaining: z.number(),
  lineAfterRank: z.number().int(),
  incomplete: z.number().int(),
  normalised: z.boolean(),
  reviewsRequired: z.number().int(),
  decidedTotal: z.number(),
  resultsStatus: z.enum(['unpublished', 'published', 'final']),
  items: z.array(RankedItem),
});
export type Ranking = z.infer<typeof Ranking>;

export const DecisionInput = z
  .strictObject({
    decision: z.enum(['fund', 'reserve', 'reject']),
    amount: z.number().finite().positive().max(1e13).optional(),
    reasons: Text(5000),
  })
  .refine((d) => d.decision !== 'fund' || d.amount !== undefined, { message: 'validation.funded_needs_amount', path: ['amount'] });
export type DecisionInput = z.infer<typeof DecisionInput>;

export const PublishInput = z.strictObject({
  /** Days during which applicants may object before the results can become final (0: none, where the program's rules allow it). */
  objectionDays: z.number().int().min(0).max(90),
  normalised: z.boolean().default(false),
});

export const PublishedEntry = z.object({
  applicationId: z.uuid(),
  rank: z.number().int().nullable(),
  enterpriseId: z.uuid(),
  enterpriseNames: Names,
  projectTitle: z.string(),
  province: z.string().nullable(),
  sector: z.string().nullable(),
  decision: z.enum(['fund', 'reserve', 'reject']),
  amount: z.number().nullable(),
  score: z.number().nullable(),
});
export const PublishedResults = z.object({
  callId: z.uuid(),
  callNames: Names,
  programNames: Names,
  currency: z.string(),
  budget: z.number(),
  status: z.enum(['published', 'final']),
  publishedAt: z.string(),
  objectionsUntil: z.string(),
  finalisedAt: z.string().nullable(),
  entries: z.array(PublishedEntry),
});
export type PublishedResults = z.infer<typeof PublishedResults>;
export const PublishedResultsSummary = PublishedResults.omit({ entries: true }).extend({ funded: z.number().int(), fundedAmount: z.number() });

export const ObjectionInput = z.strictObject({ applicationId: z.uuid(), text: Text(5000) });
export const ObjectionAnswer = z.strictObject({ status: z.enum(['upheld', 'dismissed']), response: Text(5000) });
export const Objection = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  applicationId: z.uuid(),
  text: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  response: z.string().nullable(),
  createdAt: z.string(),
});

// ── Awards ───────────────────────────────────────────────────────────────────

export const MilestoneInput = z.strictObject({
  title: Text(500),
  dueOn: z.iso.date(),
  disbursement: z.number().finite().min(0).max(1e13),
});
export const MilestoneReportInput = z.strictObject({
  narrative: Text(20_000),
  revenue: z.number().finite().min(0).max(1e15).nullable().optional(),
  jobs: z.number().int().min(0).max(10_000_000).nullable().optional(),
  ipCount: z.number().int().min(0).max(100_000).nullable().optional(),
  /** Other money the award brought in during the period (investment, loans, other grants), in the award's currency. */
  followOn: z.number().finite().min(0).max(1e15).default(0),
  followOnSources: z.string().trim().max(2000).optional(),
});
export type MilestoneReportInput = z.input<typeof MilestoneReportInput>;
export const ReportReviewInput = z.strictObject({ decision: z.enum(['approved', 'rejected']), note: z.string().trim().max(5000).optional() });
export const AcceptanceInput = z.strictObject({
  outcome: z.enum(['passed', 'basically_passed', 'failed']),
  reasons: Text(5000),
  decidedOn: z.iso.date().optional(),
});

export const LeverageFigure = z.object({
  currency: z.string(),
  awarded: z.number(),
  followOn: z.number(),
  ratio: z.number().nullable(),
  awards: z.number().int(),
});

export const MilestoneReport = z.object({
  id: z.uuid(),
  narrative: z.string(),
  revenue: z.number().nullable(),
  jobs: z.number().nullable(),
  ipCount: z.number().nullable(),
  followOn: z.number(),
  followOnSources: z.string().nullable(),
  review: z.enum(['pending', 'approved', 'rejected']),
  reviewNote: z.string().nullable(),
  createdAt: z.string(),
});
export const Milestone = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  title: z.string(),
  dueOn: z.string(),
  disbursement: z.number(),
  state: z.enum(['planned', 'reported', 'approved', 'rejected']),
  disbursedAt: z.string().nullable(),
  report: MilestoneReport.nullable(),
});
export const AwardSummary = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callNames: Names,
  applicationId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseNames: Names,
  title: z.string(),
  instrument: z.string(),
  amount: z.number(),
  currency: z.string(),
  status: z.enum(['active', 'closed']),
  awardedAt: z.string(),
  leverage: z.number().nullable(),
});
export const Award = AwardSummary.extend({
  province: z.string().nullable(),
  sector: z.string().nullable(),
  milestones: z.array(Milestone),
  disbursed: z.number(),
  leverage: z.number().nullable(),
  followOn: z.number(),
  acceptance: z
    .object({ outcome: z.enum(['passed', 'basically_passed', 'failed']), proposed: z.string(), decidedOn: z.string(), reasons: z.string() })
    .nullable(),
  proposal: z.object({
    outcome: z.enum(['passed', 'basically_passed', 'failed']),
    reason: z.object({ key: z.string(), params: z.record(z.string(), z.number()) }),
  }),
  canReport: z.boolean(),
  canManage: z.boolean(),
});
export type Award = z.infer<typeof Award>;

export const LeverageQuery = z.object({ programId: z.uuid().optional(), callId: z.uuid().optional() });
export const LeverageReport = z.object({
  source: z.string(),
  seedReported: z.number(),
  programs: z.array(z.object({ programId: z.uuid(), names: Names, figures: z.array(LeverageFigure) })),
  calls: z.array(z.object({ callId: z.uuid(), names: Names, figures: z.array(LeverageFigure) })),
  awards: z.array(z.object({ awardId: z.uuid(), title: z.string(), enterpriseName: z.string(), figure: LeverageFigure })),
});
export type LeverageReport = z.infer<typeof LeverageReport>;

export const DashboardQuery = z.object({ programId: z.uuid().optional(), callId: z.uuid().optional() });
export const Dashboard = z.object({
  funnel: z.array(z.object({ stage: z.enum(['draft', 'submitted', 'accepted', 'reviewed', 'decided', 'funded', 'awarded']), count: z.number().int() })),
  timeToDecision: z.object({ decisions: z.number().int(), medianDays: z.number().nullable(), meanDays: z.number().nullable(), maxDays: z.number().nullable() }),
  leverage: z.array(LeverageFigure),
  byProvince: z.array(z.object({ province: z.string().nullable(), applications: z.number().int(), awards: z.number().int(), awarded: z.number() })),
  bySector: z.array(z.object({ sector: z.string().nullable(), applications: z.number().int(), awards: z.number().int(), awarded: z.number() })),
  outcomes: z.object({ revenue: z.number(), jobs: z.number(), ipCount: z.number(), followOn: z.number(), reports: z.number().int() }),
});
export type Dashboard = z.infer<typeof Dashboard>;
