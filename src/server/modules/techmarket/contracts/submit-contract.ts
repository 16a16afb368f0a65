import { ContractInput, type TechContract } from '../../../../shared/contracts/techmarket';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { tmContracts } from '../techmarket.tables';
import { auditView, toTechContract } from './contract-dto';
import { parseInput, requirePermission } from './guard';
import { prepareContract } from './prepare-contract';
import { tellReviewers } from '../reviewers';

/**
 * A party (or the agency on its behalf) submits a technology contract to a technology transfer agency for
 * registration (issue 6). Permission → parse → one transaction (checks, insert, audit); any failure leaves
 * nothing written. `synthetic` is for the demo content only, never the API.
 */
export async function submitContract(ctx: Ctx, raw: unknown, opts: { synthetic?: boolean } = {}): Promise<TechContract> {
  const actor = requirePermission(ctx, 'techmarket.contracts.submit');
  const input = parseInput(ctx, ContractInput, raw);
  return withTransaction(ctx, async (tx, audit) => {
    const values = await prepareContract(ctx, tx, input);
    const [row] = await tx
      .insert(tmContracts)
      .values({ ...values, status: 'submitted', submittedBy: actor.userId, synthetic: opts.synthetic ?? false })
      .returning();
    await audit({ action: 'techmarket.contract.submit', entityType: 'tm_contract', entityId: row.id, after: auditView(row) });
    if (!row.synthetic)
      await tellReviewers(tx, actor, { agencyId: row.agencyId }, 'techmarket_contract_waiting', { title: row.title }, `/market/contracts/${row.id}`);
    return toTechContract(row);
  });
}
