import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { AppError } from '../../../platform/errors';
import { enterprises, institutions, type Names } from '../../registry/registry.tables';
import type { OwnerType } from './access';

export type OwnerFacts = { name: string; country: string; province: string | null };

/**
 * The registry's row of the organisation a listing is for. The name is kept in the script the listing is first
 * written in when the registry has it (a Chinese university's own name on a Chinese listing), else in English.
 */
export async function readOwner(db: Db | Tx, ownerType: OwnerType, ownerId: string, firstLanguage: string): Promise<OwnerFacts> {
  const table = ownerType === 'enterprise' ? enterprises : institutions;
  const [row] = await db.select({ names: table.names, country: table.country, province: table.province }).from(table).where(eq(table.id, ownerId));
  if (!row) throw new AppError(422, 'techmarket.owner_not_found', { ownerType }, [{ path: 'ownerId', message: '' }]);
  return { name: ownerName(row.names, firstLanguage), country: row.country, province: row.province };
}

export const ownerName = (names: Names, language: string) => (language === 'zh' || language === 'ur' ? names[language] : undefined) ?? names.en;
