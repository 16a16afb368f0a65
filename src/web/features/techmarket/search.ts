import { DEAL_FORMS, LISTING_KINDS } from '../../../shared/contracts/techmarket';
import { isListingLanguage, type ListingLanguage } from './text';

type Kind = (typeof LISTING_KINDS)[number];
type DealForm = (typeof DEAL_FORMS)[number];

/** The market's search, kept in the address so a search can be shared and the back button works. */
export type MarketSearch = {
  q?: string;
  kind?: Kind;
  sector?: string;
  country?: string;
  language?: ListingLanguage;
  trlMin?: number;
  trlMax?: number;
  dealForm?: DealForm;
  offset?: number;
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => ((list as readonly unknown[]).includes(v) ? (v as T) : undefined);
const int = (v: unknown, min: number, max: number) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** Reads the address's search; anything the API would refuse is dropped rather than sent. */
export function parseMarketSearch(s: Record<string, unknown>): MarketSearch {
  const country = str(s.country)?.toUpperCase();
  let trlMin = int(s.trlMin, 1, 9);
  let trlMax = int(s.trlMax, 1, 9);
  if (trlMin !== undefined && trlMax !== undefined && trlMin > trlMax) [trlMin, trlMax] = [trlMax, trlMin];
  const offset = int(s.offset, 0, 10_000);
  return {
    q: str(s.q)?.slice(0, 200),
    kind: oneOf(LISTING_KINDS, s.kind),
    sector: str(s.sector),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    language: isListingLanguage(s.language) ? s.language : undefined,
    trlMin,
    trlMax,
    dealForm: oneOf(DEAL_FORMS, s.dealForm),
    offset: offset || undefined,
  };
}

/** How many filters (besides the words searched) narrow the list: the "clear filters" button says so. */
export function activeFilters(s: MarketSearch): number {
  return [s.kind, s.sector, s.country, s.language, s.dealForm, s.trlMin ?? s.trlMax].filter((v) => v !== undefined).length;
}
