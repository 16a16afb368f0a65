import type { ListingTexts } from '../techmarket.tables';
import { listingTerms, tsvectorSql } from '../text/terms';

/** What search and matching read of a listing, recomputed from its texts, keywords and sector on every write. */
export function indexColumns(input: { texts: ListingTexts; keywords: string[]; sector: string }) {
  const { terms, concepts } = listingTerms(input);
  return { concepts, search: tsvectorSql(terms) };
}
