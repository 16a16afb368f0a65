import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';

type Registered = {
  year: number;
  kind: string;
  region: string | null;
  sector: string;
  sellerCountry: string;
  buyerCountry: string;
  currency: string;
  crossBorder: boolean;
  synthetic: boolean;
  amount: string;
  techIncome: string;
};

/**
 * Counts a contract just registered into its cell of tm_contract_rollups, in the registering transaction.
 * Only registration adds: a registered contract is locked and never leaves the count.
 */
export async function addToRollups(tx: Tx, c: Registered): Promise<void> {
  await tx.execute(sql`
    INSERT INTO tm_contract_rollups (year, kind, region, sector, seller_country, buyer_country, currency, cross_border, synthetic, count, amount, tech_income)
    VALUES (${c.year}, ${c.kind}, ${c.region ?? ''}, ${c.sector}, ${c.sellerCountry}, ${c.buyerCountry}, ${c.currency}, ${c.crossBorder}, ${c.synthetic}, 1, ${c.amount}, ${c.techIncome})
    ON CONFLICT (year, kind, region, sector, seller_country, buyer_country, currency, cross_border, synthetic)
    DO UPDATE SET count = tm_contract_rollups.count + 1,
                  amount = tm_contract_rollups.amount + EXCLUDED.amount,
                  tech_income = tm_contract_rollups.tech_income + EXCLUDED.tech_income`);
}

/** The registered contracts summed afresh, cell by cell (the migration's backfill and the tests' check). */
export const recomputedCellsSql = sql`
  SELECT year, kind, coalesce(region, '') AS region, sector, seller_country, buyer_country, currency, cross_border, synthetic,
         count(*)::int AS count, sum(amount) AS amount, sum(tech_income) AS tech_income
    FROM tm_contracts WHERE status = 'registered'
   GROUP BY year, kind, coalesce(region, ''), sector, seller_country, buyer_country, currency, cross_border, synthetic`;

/** Cells where the rollups and a recomputation from the contracts disagree (empty when they agree). */
export async function rollupDifferences(db: Db | Tx): Promise<unknown[]> {
  return queryRows(
    db,
    sql`WITH fresh AS (${recomputedCellsSql}),
             kept AS (SELECT year, kind, region, sector, seller_country, buyer_country, currency, cross_border, synthetic, count, amount, tech_income FROM tm_contract_rollups)
        (SELECT 'missing' AS problem, * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) a)
        UNION ALL
        (SELECT 'extra' AS problem, * FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) b)`,
  );
}
