import { eq } from 'drizzle-orm';
import type { ContractInput } from '../../../../shared/contracts/techmarket';
import type { Tx } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { AppError, forbidden } from '../../../platform/errors';
import { tmInterests, tmListings } from '../techmarket.tables';
import { canSubmitFor } from './access';
import { findAgency, type TechTransferAgency } from './agency';
import { checkContract, contractYear, explainProblems, sidesOf } from './contract-rules';
import { resolveParties } from './parties';

/**
 * Today where the calendar is furthest ahead (UTC+14): a contract signed this morning in Beijing or Lahore is
 * not "in the future" while the server's UTC clock still reads yesterday.
 */
export const latestToday = (now = new Date()) => new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);

/**
 * Everything a submission or a correction checks, inside its transaction, before anything is written: the
 * agency, the parties from the registry, that the actor may act for one of them, the contract rules, and the
 * listing or interest it came from. Returns the columns to store.
 */
export async function prepareContract(ctx: Ctx, tx: Tx, input: ContractInput) {
  const agency: TechTransferAgency = await findAgency(tx, input.agencyId);
  const parties = await resolveParties(tx, input.parties);
  if (!canSubmitFor(ctx.actor, parties, agency.id)) throw forbidden('techContracts.not_a_party');
  const problems = checkContract({ ...input, parties }, latestToday());
  if (problems.length) throw new AppError(422, 'techContracts.invalid', { count: problems.length }, explainProblems(problems, ctx.lang));
  const link = await checkLinks(tx, input.listingId ?? null, input.interestId ?? null);
  return {
    kind: input.kind,
    subtype: input.subtype,
    title: input.title,
    parties,
    ...sidesOf(parties),
    region: agency.province,
    sector: input.sector,
    amount: input.amount.toFixed(2),
    currency: input.currency,
    techIncome: input.techIncome.toFixed(2),
    signedOn: input.signedOn,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    year: contractYear(input.signedOn),
    listingId: link.listingId,
    interestId: link.interestId,
    agencyId: agency.id,
    agencyName: agency.name,
  };
}

/** The market listing or expression of interest the deal came from, if named; an interest brings its listing. */
async function checkLinks(tx: Tx, listingId: string | null, interestId: string | null) {
  const fail = (path: string, code: string) => new AppError(422, `techContracts.${code}`, {}, [{ path, message: '', code: `techContracts.${code}` }]);
  if (listingId) {
    const [listing] = await tx.select({ id: tmListings.id }).from(tmListings).where(eq(tmListings.id, listingId));
    if (!listing) throw fail('listingId', 'listing_not_found');
  }
  if (!interestId) return { listingId, interestId };
  const [interest] = await tx.select({ listingId: tmInterests.listingId }).from(tmInterests).where(eq(tmInterests.id, interestId));
  if (!interest) throw fail('interestId', 'interest_not_found');
  if (listingId && interest.listingId !== listingId) throw fail('interestId', 'interest_other_listing');
  return { listingId: interest.listingId, interestId };
}
