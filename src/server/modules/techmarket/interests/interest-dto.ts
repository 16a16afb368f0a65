import type { Interest } from '../../../../shared/contracts/techmarket';
import type { ListingTexts, tmInterests, tmListings, tmMessages } from '../techmarket.tables';

export type InterestRow = typeof tmInterests.$inferSelect;
export type MessageRow = typeof tmMessages.$inferSelect;
export type InterestListing = Pick<typeof tmListings.$inferSelect, 'id' | 'kind' | 'texts' | 'ownerName'>;

const summaryTexts = (texts: ListingTexts) =>
  Object.fromEntries(Object.entries(texts).flatMap(([lang, t]) => (t ? [[lang, { title: t.title, summary: t.summary }]] : [])));

export function toInterest(row: InterestRow, listing: InterestListing, side: Interest['side'], messages: MessageRow[]): Interest {
  return {
    id: row.id,
    listing: { id: listing.id, kind: listing.kind as Interest['listing']['kind'], texts: summaryTexts(listing.texts), ownerName: listing.ownerName },
    fromListingId: row.fromListingId,
    fromName: row.fromName,
    fromCountry: row.fromCountry,
    fromOwner:
      row.fromOwnerId && (row.fromOwnerType === 'enterprise' || row.fromOwnerType === 'institution') ? { type: row.fromOwnerType, id: row.fromOwnerId } : null,
    status: row.status as Interest['status'],
    declineReason: row.declineReason as Interest['declineReason'],
    declineNote: row.declineNote,
    side,
    messages: messages.map((m) => ({
      id: m.id,
      authorName: m.authorName,
      side: m.side as 'owner' | 'interested',
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const interestLink = (id: string) => `/market/interests/${id}`;
