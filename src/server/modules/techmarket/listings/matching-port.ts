import type { z } from 'zod';
import type { EnterpriseMatch, Match } from '../../../../shared/contracts/techmarket';
import type { Db } from '../../../db/client';

// Stand-in until matching/ lands (findMatches, findEnterpriseMatches): no suggestions yet.
export async function findMatches(_db: Db, _listingId: string, _opts: { limit: number }): Promise<z.infer<typeof Match>[]> {
  return [];
}
export async function findEnterpriseMatches(_db: Db, _offerId: string): Promise<z.infer<typeof EnterpriseMatch>[]> {
  return [];
}
