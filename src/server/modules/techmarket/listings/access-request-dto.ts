import type { z } from 'zod';
import type { AccessRequest } from '../../../../shared/contracts/techmarket';
import type { tmAccessRequests } from '../techmarket.tables';

export type AccessRequestRow = typeof tmAccessRequests.$inferSelect;

export const toAccessRequest = (r: AccessRequestRow): z.infer<typeof AccessRequest> => ({
  id: r.id,
  listingId: r.listingId,
  requesterName: r.requesterName,
  organisationName: r.organisationName,
  message: r.message,
  status: r.status as 'pending' | 'approved' | 'declined',
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});
