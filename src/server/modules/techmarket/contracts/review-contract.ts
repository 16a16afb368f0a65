import { eq } from 'drizzle-orm';
import { ContractReviewInput, type TechContract } from '../../../../shared/contracts/techmarket';
import { translate } from '../../../../shared/i18n';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { notify } from '../../../platform/notifications/notify';
import { addToRollups } from '../stats/rollups';
import { tmContracts } from '../techmarket.tables';
import { canRead, isAgencyOfficer } from './access';
import { findAgency } from './agency';
import { formatCertificateNo, nextCertificateNumber } from './certificate';
import { auditView, lockContract, toTechContract } from './contract-dto';
import { parseInput, requirePermission } from './guard';

const SYSTEM_USER = '00000000-0000-0000-0000-000000000000';
const NOTIFICATION = { register: 'tech_contract_registered', return: 'tech_contract_returned', reject: 'tech_contract_rejected' } as const;
const STATUS = { register: 'registered', return: 'returned', reject: 'rejected' } as const;

/**
 * The agency asked to register a submitted contract decides: register it (it gets its certificate number and
 * is locked), return it with a note for the submitter to correct, or reject it with a note. The number, the
 * decision, the market statistics' rollup, the audit entry and the submitter's notification commit together.
 */
export async function reviewContract(ctx: Ctx, id: string, raw: unknown): Promise<TechContract> {
  const actor = requirePermission(ctx, 'techmarket.contracts.register');
  const input = parseInput(ctx, ContractReviewInput, raw);
  return withTransaction(ctx, async (tx, audit) => {
    await lockContract(tx, id);
    const [row] = await tx.select().from(tmContracts).where(eq(tmContracts.id, id));
    if (!row || !canRead(actor, row)) throw notFound();
    if (!isAgencyOfficer(actor, row.agencyId)) throw forbidden('techContracts.not_agency_officer');
    if (row.status !== 'submitted') {
      throw conflict('techContracts.not_awaiting_review', { status: translate(ctx.lang, `techContracts.statuses.${row.status}`) });
    }
    let certificateNo: string | null = null;
    if (input.decision === 'register') {
      const agency = await findAgency(tx, row.agencyId);
      // Numbered in the year the contract counts in (the year signed), so the number names its statistical year.
      certificateNo = formatCertificateNo(row.year, agency.shortCode, await nextCertificateNumber(tx, agency.id, row.year));
      const [taken] = await tx.select({ id: tmContracts.id }).from(tmContracts).where(eq(tmContracts.certificateNo, certificateNo));
      if (taken) throw conflict('techContracts.certificate_taken', { certificateNo });
    }
    const registered = input.decision === 'register';
    const [updated] = await tx
      .update(tmContracts)
      .set({
        status: STATUS[input.decision],
        certificateNo,
        reviewNote: input.note ?? null,
        registeredBy: registered && actor.via !== 'system' ? actor.userId : null,
        registeredAt: registered ? new Date() : null,
        version: row.version + 1,
      })
      .where(eq(tmContracts.id, id))
      .returning();
    if (registered) await addToRollups(tx, updated);
    await audit({
      action: `techmarket.contract.${input.decision}`,
      entityType: 'tm_contract',
      entityId: id,
      before: { status: row.status, version: row.version },
      after: { status: updated.status, certificateNo, note: input.note ?? null, version: updated.version, contract: auditView(updated) },
    });
    if (row.submittedBy !== SYSTEM_USER) {
      await notify(
        tx,
        row.submittedBy,
        NOTIFICATION[input.decision],
        { title: row.title, agency: row.agencyName, certificateNo: certificateNo ?? '', note: input.note ?? '' },
        `/market/contracts/${id}`,
      );
    }
    return toTechContract(updated);
  });
}
