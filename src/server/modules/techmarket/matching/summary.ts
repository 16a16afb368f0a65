import type { ListingSummary } from '../../../../shared/contracts/techmarket';
import type { tmListings } from '../techmarket.tables';

/** The columns a suggestion shows: never `details` (they are inside `texts` and dropped here) nor the search vector. */
export type SummaryRow = Omit<typeof tmListings.$inferSelect, 'search'>;

/** A published listing as everyone sees it (contract `ListingSummary`): title and summary per language only. */
export function listingSummary(row: SummaryRow): ListingSummary {
  const texts: ListingSummary['texts'] = {};
  for (const [lang, t] of Object.entries(row.texts)) if (t) texts[lang] = { title: t.title, summary: t.summary };
  return {
    id: row.id,
    kind: row.kind as ListingSummary['kind'],
    status: row.status as ListingSummary['status'],
    texts,
    languages: row.languages,
    owner: { type: row.ownerType as ListingSummary['owner']['type'], id: row.ownerId, name: row.ownerName, country: row.country },
    country: row.country,
    sector: row.sector,
    keywords: row.keywords,
    trl: row.trl,
    dealForms: row.dealForms,
    ip: row.ip ? { type: row.ip.type, number: row.ip.number ?? null, status: row.ip.status } : null,
    budget: row.budget === null ? null : Number(row.budget),
    currency: row.currency,
    deadline: row.deadline,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    synthetic: row.synthetic,
  };
}
