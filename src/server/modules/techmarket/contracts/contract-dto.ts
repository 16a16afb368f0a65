import { sql } from 'drizzle-orm';
import type { ContractKind, ContractStatus, TechContract } from '../../../../shared/contracts/techmarket';
import type { Tx } from '../../../platform/audit/audit';
import type { tmContracts } from '../techmarket.tables';

export type ContractRow = typeof tmContracts.$inferSelect;

export const toTechContract = (r: ContractRow): TechContract => ({
  id: r.id,
  kind: r.kind as ContractKind,
  subtype: r.subtype,
  title: r.title,
  parties: r.parties.map((p) => ({ role: p.role, ownerType: p.ownerType, ownerId: p.ownerId, name: p.name, country: p.country })),
  sellerCountry: r.sellerCountry,
  buyerCountry: r.buyerCountry,
  crossBorder: r.crossBorder,
  region: r.region,
  sector: r.sector,
  amount: Number(r.amount),
  currency: r.currency,
  techIncome: Number(r.techIncome),
  signedOn: r.signedOn,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  year: r.year,
  listingId: r.listingId,
  interestId: r.interestId,
  agency: { id: r.agencyId, name: r.agencyName },
  status: r.status as ContractStatus,
  certificateNo: r.certificateNo,
  reviewNote: r.reviewNote,
  registeredAt: r.registeredAt?.toISOString() ?? null,
  synthetic: r.synthetic,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
});

/** Holds the contract's row until the transaction ends: a review and a correction never interleave. */
export const lockContract = (tx: Tx, id: string) => tx.execute(sql`SELECT 1 FROM tm_contracts WHERE id = ${id} FOR UPDATE`);

/** What the audit log keeps of a contract: its facts, not its timestamps. */
export const auditView = (r: ContractRow) => {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
};
