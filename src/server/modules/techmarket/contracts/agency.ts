import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { AppError } from '../../../platform/errors';
import { institutions, type Names } from '../../registry/registry.tables';

/** A technology transfer agency (技术转移机构) of the registry, as the contracts it registers need it. */
export type TechTransferAgency = { id: string; names: Names; name: string; country: string; province: string | null; shortCode: string };

/**
 * China Technology Market Management & Promotion Center is a `ministry_agency` in the registry, yet it is the
 * body that managed the national technology market before MOST folded it into the Torch Center (seeds/001:
 * "integrating the former Torch Center, the Innofund Administrative Center, and China Technology Market
 * Management & Promotion Center"). It is the national point of registration where no provincial agency
 * fits (a cross-border contract of a party outside China, for instance), so it registers contracts too.
 */
export const NATIONAL_MARKET_CENTER_KEY = 'inst:china-technology-market-center';

const isAgency: SQL = or(eq(institutions.kind, 'tech_transfer_agency'), eq(institutions.key, NATIONAL_MARKET_CENTER_KEY))!;

type Row = Pick<typeof institutions.$inferSelect, 'id' | 'key' | 'names' | 'nativeName' | 'abbreviation' | 'country' | 'province'>;
const columns = {
  id: institutions.id,
  key: institutions.key,
  names: institutions.names,
  nativeName: institutions.nativeName,
  abbreviation: institutions.abbreviation,
  country: institutions.country,
  province: institutions.province,
};

const STOP_WORDS = new Set(['and', 'of', 'the', 'for', 'with', 'in', 'inst']);
const initials = (words: string[]) =>
  words
    .filter((w) => w && !STOP_WORDS.has(w.toLowerCase()))
    .map((w) => w[0])
    .join('')
    .toUpperCase();

/**
 * The agency's part of a certificate number: its abbreviation (ICTC), else the initials of its reference key
 * (inst:zhejiang-st-exchange-center → ZSEC), else of its English name; letters and digits only, at most 8.
 */
export function agencyShortCode(a: Pick<Row, 'id' | 'key' | 'abbreviation' | 'names'>): string {
  const clean = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const fromAbbreviation = a.abbreviation ? clean(a.abbreviation) : '';
  const fromKey = a.key ? initials(a.key.replace(/^[a-z]+:/, '').split('-')) : '';
  const fromName = initials(a.names.en.split(/[^A-Za-z0-9]+/));
  const code = [fromAbbreviation, fromKey, clean(fromName)].find((c) => c.length >= 2) ?? clean(a.id).slice(0, 6);
  return code.slice(0, 8);
}

/** The name kept as the agency writes it (its native script), else its English name. */
export const nativeNameOf = (r: { names: Names; nativeName: string | null }) => r.nativeName ?? r.names.en;

const toAgency = (r: Row): TechTransferAgency => ({
  id: r.id,
  names: r.names,
  name: nativeNameOf(r),
  country: r.country,
  province: r.province,
  shortCode: agencyShortCode(r),
});

/** The agency asked to register a contract; a 422 when the institution is missing or registers no contracts. */
export async function findAgency(db: Db | Tx, id: string): Promise<TechTransferAgency> {
  const [row] = await db
    .select(columns)
    .from(institutions)
    .where(and(eq(institutions.id, id), isAgency));
  if (!row) throw new AppError(422, 'techContracts.not_an_agency', {}, [{ path: 'agencyId', message: '', code: 'techContracts.not_an_agency' }]);
  return toAgency(row);
}

/** Every agency that registers technology contracts, for the submission form. */
export async function listAgencies(db: Db | Tx): Promise<TechTransferAgency[]> {
  const rows = await db.select(columns).from(institutions).where(isAgency);
  return rows.map(toAgency).sort((a, b) => a.names.en.localeCompare(b.names.en));
}
