import type { Tx } from '../../../platform/audit/audit';
import { type Ctx, requireActor } from '../../../platform/context';
import { writeAudit } from '../../../platform/audit/audit';
import { notify } from '../../../platform/notifications/notify';
import type { panelDecisions } from '../review/review.tables';
import { type CallForReview, loadApplications } from '../review/sources';
import { awards } from './awards.tables';

/**
 * The awards of a call whose results became final: one per funded application, with the amount the panel
 * decided, the application's instrument (else the call's first), and the enterprise's province and sector
 * as they were. Runs inside the finalising transaction; each award is audited.
 */
export async function createAwardsForFinalResults(tx: Tx, ctx: Ctx, call: CallForReview, funded: (typeof panelDecisions.$inferSelect)[]) {
  const actor = requireActor(ctx);
  const apps = await loadApplications(
    tx,
    funded.map((f) => f.applicationId),
  );
  const made = [];
  for (const d of funded) {
    const app = apps.get(d.applicationId);
    if (!app || d.amount === null) continue;
    const [row] = await tx
      .insert(awards)
      .values({
        programId: call.programId,
        callId: call.id,
        applicationId: app.id,
        enterpriseId: app.enterpriseId,
        title: app.title,
        instrument: app.instrument ?? call.defaultInstrument,
        amount: Number(d.amount),
        currency: d.currency,
        province: app.province,
        sector: app.sector,
        createdBy: actor.via === 'system' ? null : actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) continue;
    await writeAudit(tx, ctx, { action: 'award.create', entityType: 'award', entityId: row.id, after: row });
    await notify(tx, app.applicantId, 'award_made', { title: app.title }, `/funding/awards/${row.id}`);
    made.push(row);
  }
  return made;
}
