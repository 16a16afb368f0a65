import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { EligibilityResult, InstrumentKind } from '../../../../shared/contracts/funding';
import type { Language } from '../../../../shared/roles';
import type { Tx } from '../../../platform/audit/audit';
import type { Db } from '../../../db/client';
import { enterprises } from '../../registry/registry.tables';
import { acceptanceFacts } from '../awards/acceptance';
import { acceptanceChecks } from '../awards/awards.tables';
import { callYear } from '../calls/call-rules';
import type { CallRow } from '../calls/calls.service';
import { type Evaluation, evaluate, explain } from '../eligibility/evaluate';
import { factsFromEnterprise } from '../eligibility/facts';
import { referencedFacts } from '../eligibility/rules';
import { type Answers, factsFromAnswers } from './form';
import { fundingApplications } from './applications.tables';

type Reader = Db | Tx;

/** An application that counts for "one application per enterprise per call": submitted and not withdrawn. */
export const COUNTED_STATUSES = ['submitted', 'info_requested', 'accepted', 'rejected'] as const;

/**
 * The facts about an enterprise's past project acceptance checks (the awards half of issue 4 keeps them in
 * `acceptance_checks`): the year of its latest failed check, or null when none is on record.
 */
export async function pastAcceptanceFacts(db: Reader, enterpriseId: string): Promise<{ lastFailedAcceptanceYear: number | null }> {
  const rows = await db
    .select({ outcome: acceptanceChecks.outcome, decidedOn: acceptanceChecks.decidedOn })
    .from(acceptanceChecks)
    .where(and(eq(acceptanceChecks.enterpriseId, enterpriseId), eq(acceptanceChecks.outcome, 'failed')));
  return acceptanceFacts(rows);
}

/** The enterprise's registry profile as eligibility facts (only what the registry knows). */
export async function registryFacts(db: Reader, enterpriseId: string): Promise<Record<string, unknown> | null> {
  const [e] = await db
    .select({
      employees: enterprises.employees,
      technicalStaff: enterprises.technicalStaff,
      domesticOwnershipPct: enterprises.domesticOwnershipPct,
      sector: enterprises.sector,
      country: enterprises.country,
      foundedOn: enterprises.foundedOn,
      certifiedHighTechOn: enterprises.certifiedHighTechOn,
      tenancyStatus: enterprises.tenancyStatus,
    })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return e ? factsFromEnterprise(e) : null;
}

/** The enterprise's other counted applications to this call (not the one being evaluated). */
export async function otherApplicationsThisCall(db: Reader, callId: string, enterpriseId: string, exceptId: string | null): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(fundingApplications)
    .where(
      and(
        eq(fundingApplications.callId, callId),
        eq(fundingApplications.enterpriseId, enterpriseId),
        inArray(fundingApplications.status, [...COUNTED_STATUSES]),
        exceptId ? ne(fundingApplications.id, exceptId) : undefined,
      ),
    );
  return n;
}

export type FactSources = {
  registry: Record<string, unknown> | null;
  answers: Answers;
  instrument: InstrumentKind | null;
  requestedAmount: number | null;
  applicationsThisCall?: number;
  pastAcceptance?: { lastFailedAcceptanceYear: number | null };
};

/**
 * The facts the call's rules are evaluated on, by precedence: the registry profile first (prefill), then
 * the applicant's own answers (a declared value overrides the profile, and the officer sees both), then
 * the facts only the system knows (the call's year, the enterprise's applications and acceptance record),
 * which nobody can override.
 */
export function assembleFacts(call: Pick<CallRow, 'form' | 'closesAt' | 'timeZone' | 'currency'>, sources: FactSources) {
  const fromAnswers = factsFromAnswers(call.form, sources.answers);
  const facts: Record<string, unknown> = { ...(sources.registry ?? {}), ...fromAnswers };
  if (sources.instrument) facts.instrument = sources.instrument;
  if (sources.requestedAmount !== null) {
    facts.requestedAmount = sources.requestedAmount;
    if (sources.instrument === 'grant' && call.currency === 'USD') facts.requestedGrantUsd = sources.requestedAmount;
  }
  facts.callYear = callYear(call.closesAt, call.timeZone);
  if (sources.applicationsThisCall !== undefined) facts.applicationsThisCall = sources.applicationsThisCall;
  if (sources.pastAcceptance) Object.assign(facts, sources.pastAcceptance);
  const fromRegistry = Object.keys(sources.registry ?? {}).filter((k) => !(k in fromAnswers));
  return { facts, fromRegistry };
}

/** Reads everything the call's rules may need about this enterprise, evaluates, and returns both. */
export async function evaluateForEnterprise(
  db: Reader,
  call: CallRow,
  input: { enterpriseId: string | null; applicationId: string | null; answers: Answers; instrument: InstrumentKind | null; requestedAmount: number | null },
): Promise<{ evaluation: Evaluation; facts: Record<string, unknown>; fromRegistry: string[] }> {
  const needed = new Set(call.eligibilityRules.flatMap((r) => referencedFacts(r.test)));
  let registry: Record<string, unknown> | null = null;
  let applicationsThisCall: number | undefined;
  let pastAcceptance: { lastFailedAcceptanceYear: number | null } | undefined;
  if (input.enterpriseId) {
    registry = await registryFacts(db, input.enterpriseId);
    if (needed.has('applicationsThisCall')) applicationsThisCall = await otherApplicationsThisCall(db, call.id, input.enterpriseId, input.applicationId);
    if (needed.has('lastFailedAcceptanceYear')) pastAcceptance = await pastAcceptanceFacts(db, input.enterpriseId);
  }
  const { facts, fromRegistry } = assembleFacts(call, {
    registry,
    answers: input.answers,
    instrument: input.instrument,
    requestedAmount: input.requestedAmount,
    applicationsThisCall,
    pastAcceptance,
  });
  return { evaluation: evaluate(call.eligibilityRules, facts), facts, fromRegistry };
}

export function explainedResult(e: { evaluation: Evaluation; facts: Record<string, unknown>; fromRegistry: string[] }, lang: Language): EligibilityResult {
  const x = explain(e.evaluation, lang);
  return { verdict: x.verdict, verdictText: x.verdictText, rules: x.rules, facts: e.facts, fromRegistry: e.fromRegistry };
}
