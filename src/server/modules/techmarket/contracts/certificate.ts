import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';

/** TC-2025-ZSEC-0001: the year the contract counts in, the agency's short code, its running number that year. */
export const formatCertificateNo = (year: number, shortCode: string, n: number) => `TC-${year}-${shortCode}-${String(n).padStart(4, '0')}`;

/**
 * The agency's next number for the year, taken in the caller's transaction. The upsert holds the counter's
 * row lock until that transaction ends, so a concurrent registration at the same agency waits and then
 * reads the incremented value: no two contracts get the same number, and a rolled-back registration gives
 * its number back.
 */
export async function nextCertificateNumber(tx: Tx, agencyId: string, year: number): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`INSERT INTO tm_certificate_counters (agency_id, year, last) VALUES (${agencyId}, ${year}, 1)
        ON CONFLICT (agency_id, year) DO UPDATE SET last = tm_certificate_counters.last + 1
        RETURNING last`,
  );
  return Number(row.last);
}
