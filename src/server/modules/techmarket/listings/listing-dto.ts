import type { Listing, ListingStatus, ListingSummary } from '../../../../shared/contracts/techmarket';
import type { ListingTexts } from '../techmarket.tables';
import type { tmListings } from '../techmarket.tables';

export type ListingRow = typeof tmListings.$inferSelect;
export type ListingAccess = Listing['access'];

/** A published listing past its expiry is expired whether or not the sweep has marked it yet. */
export function effectiveStatus(row: Pick<ListingRow, 'status' | 'expiresAt'>, now = new Date()): ListingStatus {
  if (row.status === 'published' && row.expiresAt && row.expiresAt <= now) return 'expired';
  return row.status as ListingStatus;
}

const summaryTexts = (texts: ListingTexts) =>
  Object.fromEntries(Object.entries(texts).flatMap(([lang, t]) => (t ? [[lang, { title: t.title, summary: t.summary }]] : [])));

const detailTexts = (texts: ListingTexts) => Object.fromEntries(Object.entries(texts).flatMap(([lang, t]) => (t?.details ? [[lang, t.details]] : [])));

export function toSummary(row: ListingRow, now = new Date()): ListingSummary {
  return {
    id: row.id,
    kind: row.kind as ListingSummary['kind'],
    status: effectiveStatus(row, now),
    texts: summaryTexts(row.texts),
    languages: row.languages,
    owner: { type: row.ownerType as 'enterprise' | 'institution', id: row.ownerId, name: row.ownerName, country: row.country },
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

/** What details a reader gets follows from their access: the owner, moderators and approved requesters. */
const SEES_DETAILS: ReadonlySet<ListingAccess> = new Set(['owner', 'moderator', 'approved']);

export function toListing(row: ListingRow, access: ListingAccess, now = new Date()): Listing {
  const owns = access === 'owner' || access === 'moderator';
  return {
    ...toSummary(row, now),
    details: SEES_DETAILS.has(access) ? detailTexts(row.texts) : null,
    access,
    moderationNote: owns ? row.moderationNote : null,
    concepts: row.concepts,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
