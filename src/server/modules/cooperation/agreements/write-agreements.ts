import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Agreement, AgreementInput, AgreementPatch } from '../../../../shared/contracts/cooperation';
import { withTransaction } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import type { OrgRef } from '../cooperation.tables';
import { coopAgreementParties, coopAgreements, coopCommitments } from '../cooperation.tables';
import { canManage } from './access';
import { queueCommitmentSweep, sweepMomentFor } from './overdue';
import { resolveOrg } from './parties';
import { checkVersion, E, Problems, unknownUsers } from './problems';
import { agreementView } from './read-agreements';
import { agreementProblems, canMoveStatus, isoDay } from './scorecard';

type Status = Agreement['status'];

/** A new agreement with its parties (from the registry or typed) and commitments, as a draft or published at once. */
export async function createAgreement(
  ctx: Ctx,
  input: z.output<typeof AgreementInput>,
  opts: { key?: string; source?: string; synthetic?: boolean; today?: string } = {},
): Promise<Agreement> {
  const actor = requireActor(ctx);
  if (!canManage(actor)) throw forbidden();
  const today = opts.today ?? isoDay();
  const status: Status = input.publish ? 'published' : 'draft';
  return withTransaction(ctx, async (tx, audit) => {
    const problems = new Problems();
    problems.areas(input.areas);
    problems.addRules(agreementProblems({ status, signedOn: input.signedOn, validFrom: input.validFrom, validUntil: input.validUntil }, today));
    const parties: OrgRef[] = [];
    const seen = new Set<string>();
    for (const [i, p] of input.parties.entries()) {
      const org = await resolveOrg(tx, p.org);
      if (!org) {
        problems.add(`parties.${i}.org`, 'party_not_found');
        continue;
      }
      const same = org.entityId ? `${org.entityType}:${org.entityId}` : `${org.country}:${org.name.toLowerCase()}`;
      if (seen.has(same)) problems.add(`parties.${i}.org`, 'duplicate_party', { name: org.name });
      seen.add(same);
      parties.push(org);
    }
    input.commitments.forEach((c, i) => {
      if (c.owedBy >= input.parties.length) problems.add(`commitments.${i}.owedBy`, 'owed_by_out_of_range', { count: input.parties.length });
    });
    const strangers = await unknownUsers(
      tx,
      input.commitments.map((c) => c.ownerUserId),
    );
    input.commitments.forEach((c, i) => {
      if (c.ownerUserId && strangers.has(c.ownerUserId)) problems.add(`commitments.${i}.ownerUserId`, 'owner_not_found');
    });
    problems.throwIfAny(ctx);

    const [row] = await tx
      .insert(coopAgreements)
      .values({
        key: opts.key ?? null,
        type: input.type,
        title: input.title,
        summary: input.summary ?? {},
        signedOn: input.signedOn ?? null,
        signedYear: input.signedOn ? null : (input.signedYear ?? null),
        signedPlace: input.signedPlace ?? null,
        signedVirtually: input.signedVirtually,
        areas: input.areas,
        stage: input.stage,
        ways: input.ways,
        validFrom: input.validFrom ?? null,
        validUntil: input.validUntil ?? null,
        renewal: input.renewal,
        status,
        internalNotes: input.internalNotes ?? null,
        source: opts.source ?? null,
        synthetic: opts.synthetic ?? false,
        createdBy: actor.via === 'system' ? null : actor.userId,
      })
      .returning();
    const partyRows = await tx
      .insert(coopAgreementParties)
      .values(parties.map((org, position) => ({ agreementId: row.id, position, ...org, signatory: input.parties[position].signatory ?? null })))
      .returning();
    const commitmentRows = input.commitments.length
      ? await tx
          .insert(coopCommitments)
          .values(
            input.commitments.map((c) => ({
              agreementId: row.id,
              deliverable: c.deliverable,
              owedBy: partyRows[c.owedBy].id,
              ownerUserId: c.ownerUserId ?? null,
              dueOn: c.dueOn,
              source: opts.source ?? null,
            })),
          )
          .returning()
      : [];
    await audit({ action: 'cooperation.agreement.create', entityType: 'coop_agreement', entityId: row.id, after: { ...row, parties: partyRows } });
    for (const c of commitmentRows) await audit({ action: 'cooperation.commitment.create', entityType: 'coop_commitment', entityId: c.id, after: c });
    const moments = commitmentRows.filter((c) => c.ownerUserId).map((c) => sweepMomentFor(c.dueOn));
    if (moments.length) await queueCommitmentSweep(tx, new Date(Math.min(...moments.map((d) => d.getTime()))));
    return agreementView(tx, actor, row.id, today);
  });
}

/** Changes an agreement's facts or moves its status (draft → published → terminated); 409 on a stale version. */
export async function updateAgreement(ctx: Ctx, id: string, patch: z.output<typeof AgreementPatch>, today = isoDay()): Promise<Agreement> {
  const actor = requireActor(ctx);
  if (!canManage(actor)) throw forbidden();
  return withTransaction(ctx, async (tx, audit) => {
    const [before] = await tx.select().from(coopAgreements).where(eq(coopAgreements.id, id)).for('update');
    if (!before) throw notFound();
    checkVersion(before, patch.version);
    const { version: _version, ...changes } = patch;
    const status = (changes.status ?? before.status) as Status;
    if (!canMoveStatus(before.status as Status, status)) throw conflict(E('status_move'), { from: before.status, to: status });
    const problems = new Problems();
    problems.areas(changes.areas);
    const after = { ...before, ...changes };
    // Only what this patch touches is judged: an old record (a reference agreement) is not refused for what it already was.
    const touched = agreementProblems({ status, signedOn: after.signedOn, validFrom: after.validFrom, validUntil: after.validUntil }, today).filter((p) =>
      p.rule === 'signed_in_future' ? status !== before.status || 'signedOn' in changes : 'validFrom' in changes || 'validUntil' in changes,
    );
    problems.addRules(touched);
    problems.throwIfAny(ctx);
    const [row] = await tx
      .update(coopAgreements)
      .set({ ...changes, version: sql`${coopAgreements.version} + 1` })
      .where(eq(coopAgreements.id, id))
      .returning();
    await audit({
      action: status !== before.status ? `cooperation.agreement.${status === 'published' ? 'publish' : 'terminate'}` : 'cooperation.agreement.update',
      entityType: 'coop_agreement',
      entityId: id,
      before,
      after: row,
    });
    return agreementView(tx, actor, id, today);
  });
}
