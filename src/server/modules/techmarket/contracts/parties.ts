import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ContractPartyInput } from '../../../../shared/contracts/techmarket';
import type { Tx } from '../../../platform/audit/audit';
import { AppError } from '../../../platform/errors';
import type { ContractParty } from '../techmarket.tables';
import { enterprises, institutions } from '../../registry/registry.tables';
import { nativeNameOf } from './agency';

type PartyInput = z.output<typeof ContractPartyInput>;

/**
 * The parties as they are stored: a party that names a registry enterprise or institution takes its name
 * (native script kept) and country from the registry, whatever was typed; the others stay as written.
 * A reference to nothing is a 422 naming the party.
 */
export async function resolveParties(tx: Tx, parties: PartyInput[]): Promise<ContractParty[]> {
  const ids = (type: 'enterprise' | 'institution') => [...new Set(parties.filter((p) => p.ownerId && p.ownerType === type).map((p) => p.ownerId!))];
  const lookup = async (table: typeof enterprises | typeof institutions, list: string[]) =>
    list.length
      ? new Map(
          (
            await tx
              .select({ id: table.id, names: table.names, nativeName: table.nativeName, country: table.country })
              .from(table)
              .where(inArray(table.id, list))
          ).map((r) => [r.id, r] as const),
        )
      : new Map();
  const found = { enterprise: await lookup(enterprises, ids('enterprise')), institution: await lookup(institutions, ids('institution')) };
  const missing: { path: string; message: string; code: string }[] = [];
  const resolved = parties.map((p, i): ContractParty => {
    if (!p.ownerId) return { role: p.role, ownerType: null, ownerId: null, name: p.name, country: p.country };
    const entity = p.ownerType ? found[p.ownerType].get(p.ownerId) : undefined;
    if (!entity) {
      missing.push({ path: `parties.${i}.ownerId`, message: '', code: 'techContracts.party_not_found' });
      return { role: p.role, ownerType: null, ownerId: null, name: p.name, country: p.country };
    }
    return { role: p.role, ownerType: p.ownerType!, ownerId: p.ownerId, name: nativeNameOf(entity), country: entity.country };
  });
  if (missing.length) throw new AppError(422, 'techContracts.party_not_found', {}, missing);
  return resolved;
}
