import { eq } from 'drizzle-orm';
import { ContractCorrection, type TechContract } from '../../../../shared/contracts/techmarket';
import { translate } from '../../../../shared/i18n';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { tmContracts } from '../techmarket.tables';
import { canRead, isAdmin, isSubmitterSide } from './access';
import { auditView, lockContract, toTechContract } from './contract-dto';
import { parseInput, requirePermission } from './guard';
import { prepareContract } from './prepare-contract';
import { tellReviewers } from '../reviewers';

/**
 * The submitter corrects a contract the agency has not decided yet — or has returned with a note — and so
 * (re)submits it. Optimistic: the version read must still be the contract's, or the correction is refused
 * (409) and nothing changes. A registered or rejected contract is locked.
 */
export async function correctContract(ctx: Ctx, id: string, raw: unknown): Promise<TechContract> {
  const actor = requirePermission(ctx, 'techmarket.contracts.submit');
  const { version, ...input } = parseInput(ctx, ContractCorrection, raw);
  return withTransaction(ctx, async (tx, audit) => {
    await lockContract(tx, id);
    const [row] = await tx.select().from(tmContracts).where(eq(tmContracts.id, id));
    if (!row || !canRead(actor, row)) throw notFound();
    if (!isSubmitterSide(actor, row) && !isAdmin(actor)) throw forbidden('techContracts.not_submitter');
    if (row.status !== 'submitted' && row.status !== 'returned') {
      throw conflict('techContracts.locked', { status: translate(ctx.lang, `techContracts.statuses.${row.status}`) });
    }
    if (row.version !== version) throw conflict('techContracts.stale_version', { version: row.version });
    const values = await prepareContract(ctx, tx, input);
    const [updated] = await tx
      .update(tmContracts)
      .set({ ...values, status: 'submitted', version: row.version + 1 })
      .where(eq(tmContracts.id, id))
      .returning();
    await audit({
      action: row.status === 'returned' ? 'techmarket.contract.resubmit' : 'techmarket.contract.correct',
      entityType: 'tm_contract',
      entityId: id,
      before: auditView(row),
      after: auditView(updated),
    });
    if (row.status === 'returned')
      await tellReviewers(tx, actor, { agencyId: updated.agencyId }, 'techmarket_contract_waiting', { title: updated.title }, `/market/contracts/${id}`);
    return toTechContract(updated);
  });
}
