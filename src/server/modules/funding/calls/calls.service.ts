import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Call, CallInput, CallListQuery, CallPatch, CallStatus, CallSummary, Program, ProgramInput } from '../../../../shared/contracts/funding';
import { type Tx, withTransaction, writeAudit } from '../../../platform/audit/audit';
import { type Actor, type Ctx, requireScope } from '../../../platform/context';
import { AppError, conflict, notFound } from '../../../platform/errors';
import { fundingApplications } from '../applications/applications.tables';
import { callPhase, canTransition } from './call-rules';
import { fundingCalls, fundingPrograms } from './calls.tables';
import { fundingNow } from './clock';

export type CallRow = typeof fundingCalls.$inferSelect;
export type ProgramRow = typeof fundingPrograms.$inferSelect;

/** Program officers (any scope) and admins see drafts and manage calls; scoped officers only their programs' calls. */
export const isOfficer = (actor: Actor | null) => !!actor?.roles.some((g) => g.role === 'admin' || g.role === 'program_officer');
export const requireProgramOfficer = (ctx: Ctx, programId: string) => requireScope(ctx, 'program_officer', 'program', programId);

export const toProgramDto = (p: ProgramRow): Program => ({
  id: p.id,
  key: p.key,
  names: p.names,
  description: p.description ?? null,
  source: p.source,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export function toCallDto(c: CallRow, program: Pick<ProgramRow, 'id' | 'names'>, now = fundingNow()): Call {
  return {
    id: c.id,
    key: c.key,
    program: { id: program.id, names: program.names },
    names: c.names,
    description: c.description ?? null,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    timeZone: c.timeZone,
    budget: Number(c.budget),
    currency: c.currency,
    instruments: c.instruments,
    eligibilityRules: c.eligibilityRules,
    form: c.form,
    rubric: c.rubric,
    reviewersPerApplication: c.reviewersPerApplication,
    reviewerLoadMin: c.reviewerLoadMin,
    reviewerLoadMax: c.reviewerLoadMax,
    blindReview: c.blindReview,
    seniorReviewerRequired: c.seniorReviewerRequired,
    status: c.status,
    phase: callPhase(c, now),
    serverTime: now.toISOString(),
    source: c.source,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

// ── Programs ─────────────────────────────────────────────────────────────────

export async function listPrograms(ctx: Ctx): Promise<{ items: Program[]; total: number }> {
  const rows = await ctx.database.db.select().from(fundingPrograms).orderBy(asc(fundingPrograms.createdAt));
  return { items: rows.map(toProgramDto), total: rows.length };
}

export async function createProgram(ctx: Ctx, input: ProgramInput, opts: { source?: string } = {}): Promise<Program> {
  requireScope(ctx, 'program_officer', 'program', '*');
  return withTransaction(ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(fundingPrograms)
      .values({ ...input, source: input.source ?? opts.source ?? null })
      .returning();
    await audit({ action: 'funding.program.create', entityType: 'funding_program', entityId: row.id, after: row });
    return toProgramDto(row);
  });
}

// ── Calls ────────────────────────────────────────────────────────────────────

async function programOf(db: Ctx['database']['db'] | Tx, programId: string): Promise<ProgramRow> {
  const [p] = await db.select().from(fundingPrograms).where(eq(fundingPrograms.id, programId));
  if (!p) throw new AppError(422, 'funding.calls.program_not_found', {}, [{ path: 'programId', message: '' }]);
  return p;
}

/** A call as its reader may see it: drafts exist only for officers. */
export async function findCall(ctx: Ctx, id: string): Promise<{ call: CallRow; program: ProgramRow }> {
  const [row] = await ctx.database.db
    .select({ call: fundingCalls, program: fundingPrograms })
    .from(fundingCalls)
    .innerJoin(fundingPrograms, eq(fundingPrograms.id, fundingCalls.programId))
    .where(eq(fundingCalls.id, id));
  if (!row || (row.call.status === 'draft' && !isOfficer(ctx.actor))) throw notFound();
  return row;
}

export async function getCall(ctx: Ctx, id: string): Promise<Call> {
  const { call, program } = await findCall(ctx, id);
  return toCallDto(call, program);
}

export async function listCalls(ctx: Ctx, query: z.output<typeof CallListQuery>): Promise<{ items: CallSummary[]; total: number }> {
  const officer = isOfficer(ctx.actor);
  const now = fundingNow();
  const where: SQL[] = [];
  if (!officer) where.push(ne(fundingCalls.status, 'draft'));
  if (query.status) where.push(eq(fundingCalls.status, query.status));
  if (query.programId) where.push(eq(fundingCalls.programId, query.programId));
  if (query.phase === 'accepting') where.push(sql`${fundingCalls.status} = 'open' and ${fundingCalls.opensAt} <= ${now} and ${fundingCalls.closesAt} > ${now}`);
  if (query.phase === 'upcoming') where.push(sql`(${fundingCalls.status} = 'draft' or (${fundingCalls.status} = 'open' and ${fundingCalls.opensAt} > ${now}))`);
  if (query.phase === 'ended') where.push(sql`(${fundingCalls.status} not in ('draft', 'open') or ${fundingCalls.closesAt} <= ${now})`);
  const condition = where.length ? and(...where) : undefined;
  const db = ctx.database.db;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ call: fundingCalls, program: fundingPrograms })
      .from(fundingCalls)
      .innerJoin(fundingPrograms, eq(fundingPrograms.id, fundingCalls.programId))
      .where(condition)
      .orderBy(desc(fundingCalls.closesAt), asc(fundingCalls.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(fundingCalls).where(condition),
  ]);
  const counts = new Map<string, number>();
  if (officer && rows.length) {
    const byCall = await db
      .select({ callId: fundingApplications.callId, n: count() })
      .from(fundingApplications)
      .where(
        and(
          inArray(
            fundingApplications.callId,
            rows.map((r) => r.call.id),
          ),
          ne(fundingApplications.status, 'draft'),
        ),
      )
      .groupBy(fundingApplications.callId);
    for (const r of byCall) counts.set(r.callId, r.n);
  }
  return {
    items: rows.map(({ call, program }) => {
      const dto = toCallDto(call, program, now);
      return {
        id: dto.id,
        key: dto.key,
        program: dto.program,
        names: dto.names,
        opensAt: dto.opensAt,
        closesAt: dto.closesAt,
        timeZone: dto.timeZone,
        budget: dto.budget,
        currency: dto.currency,
        instruments: dto.instruments,
        status: dto.status,
        phase: dto.phase,
        ...(officer ? { applicationCount: counts.get(call.id) ?? 0 } : {}),
      };
    }),
    total,
  };
}

type ParsedCallInput = z.output<typeof CallInput>;
type ParsedCallPatch = z.output<typeof CallPatch>;

const callValues = (input: ParsedCallPatch) => {
  const { opensAt, closesAt, ...rest } = input;
  return { ...rest, ...(opensAt ? { opensAt: new Date(opensAt) } : {}), ...(closesAt ? { closesAt: new Date(closesAt) } : {}) };
};

export async function createCall(ctx: Ctx, input: ParsedCallInput, opts: { tx?: Tx; source?: string; status?: CallStatus } = {}): Promise<Call> {
  const actor = requireProgramOfficer(ctx, input.programId);
  const work = async (tx: Tx, audit: (e: { action: string; entityType: string; entityId: string; after: unknown }) => Promise<void>) => {
    const program = await programOf(tx, input.programId);
    const [row] = await tx
      .insert(fundingCalls)
      .values({
        ...callValues(input),
        programId: input.programId,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        status: opts.status ?? 'draft',
        source: opts.source ?? null,
        createdBy: actor.via === 'system' ? null : actor.userId,
      } as typeof fundingCalls.$inferInsert)
      .returning();
    await audit({ action: 'funding.call.create', entityType: 'funding_call', entityId: row.id, after: row });
    return toCallDto(row, program);
  };
  const tx = opts.tx;
  return tx ? work(tx, (e) => writeAudit(tx, ctx, e)) : withTransaction(ctx, work);
}

/** Fields that change what applicants answer or how they are judged: frozen once a call has submissions. */
const FROZEN_AFTER_SUBMISSIONS = ['form', 'eligibilityRules', 'instruments', 'currency'] as const;

export async function updateCall(ctx: Ctx, id: string, patch: ParsedCallPatch): Promise<Call> {
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(fundingCalls).where(eq(fundingCalls.id, id)).for('update');
    if (!before) throw notFound();
    requireProgramOfficer(ctx, before.programId);
    if (before.status === 'results_published' || before.status === 'cancelled') throw conflict('funding.calls.not_editable', { status: before.status });
    const values = callValues(patch);
    const opensAt = values.opensAt ?? before.opensAt;
    const closesAt = values.closesAt ?? before.closesAt;
    if (closesAt <= opensAt) throw new AppError(422, 'funding.calls.window_invalid', {}, [{ path: 'closesAt', message: '' }]);
    if (values.reviewerLoadMin !== undefined || values.reviewerLoadMax !== undefined) {
      if ((values.reviewerLoadMin ?? before.reviewerLoadMin) > (values.reviewerLoadMax ?? before.reviewerLoadMax)) {
        throw new AppError(422, 'funding.calls.load_invalid', {}, [{ path: 'reviewerLoadMax', message: '' }]);
      }
    }
    const touchesFrozen = FROZEN_AFTER_SUBMISSIONS.filter((k) => k in patch);
    if (touchesFrozen.length) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(fundingApplications)
        .where(and(eq(fundingApplications.callId, id), ne(fundingApplications.status, 'draft')));
      if (n > 0) throw conflict('funding.calls.frozen_after_submissions', { fields: touchesFrozen.join(', '), count: n });
    }
    const [row] = await tx.update(fundingCalls).set(values).where(eq(fundingCalls.id, id)).returning();
    await audit({ action: 'funding.call.update', entityType: 'funding_call', entityId: id, before, after: row });
    const program = await programOf(tx, row.programId);
    return toCallDto(row, program);
  });
}

export async function setCallStatus(ctx: Ctx, id: string, status: CallStatus): Promise<Call> {
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(fundingCalls).where(eq(fundingCalls.id, id)).for('update');
    if (!before) throw notFound();
    requireProgramOfficer(ctx, before.programId);
    if (before.status === status) return toCallDto(before, await programOf(tx, before.programId));
    if (!canTransition(before.status, status)) throw conflict('funding.calls.bad_transition', { from: before.status, to: status });
    const [row] = await tx.update(fundingCalls).set({ status }).where(eq(fundingCalls.id, id)).returning();
    await audit({ action: `funding.call.${status}`, entityType: 'funding_call', entityId: id, before: { status: before.status }, after: { status } });
    return toCallDto(row, await programOf(tx, row.programId));
  });
}

/** Only a draft call nobody has applied to may be deleted; others are cancelled. */
export async function deleteCall(ctx: Ctx, id: string): Promise<void> {
  await withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(fundingCalls).where(eq(fundingCalls.id, id)).for('update');
    if (!before) throw notFound();
    requireProgramOfficer(ctx, before.programId);
    const [{ n }] = await tx.select({ n: count() }).from(fundingApplications).where(eq(fundingApplications.callId, id));
    if (before.status !== 'draft' || n > 0) throw conflict('funding.calls.not_deletable');
    await tx.delete(fundingCalls).where(eq(fundingCalls.id, id));
    await audit({ action: 'funding.call.delete', entityType: 'funding_call', entityId: id, before });
  });
}
