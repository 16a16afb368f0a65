import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MapData as MapDataSchema } from '../../../../shared/contracts/statistics';
import { queryRows } from '../../../db/client';
import type { Ctx } from '../../../platform/context';
import type { Text3 } from '../statistics.tables';
import { groupTotals, measure, partsOf } from '../yearbook/measure';
import { defaultEntityType, provinceNames, type Reader, requireIndicator, rollupTotals, yearsWithData } from './common';

type MapData = z.infer<typeof MapDataSchema>;
export type MapQuery = { indicator: string; year?: number };

/**
 * One indicator for one year (default: the latest with data) on the map: every zone of the registry at its
 * latitude / longitude with its measure (null where it has no counted returns), and each province's measure.
 * Zones come highest value first, those without a value last.
 */
export async function getMap(ctx: Ctx, q: MapQuery): Promise<MapData> {
  const db: Reader = ctx.database.db;
  const indicator = await requireIndicator(db, ctx.lang, q.indicator);
  const entityType = defaultEntityType(indicator);
  const year = q.year ?? (await yearsWithData(db, entityType)).at(-1) ?? new Date().getUTCFullYear();
  const parts = partsOf([indicator]);
  const [byZone, byProvince, registry] = await Promise.all([
    rollupTotals(db, parts, 'zone', { entityType, year }),
    rollupTotals(db, parts, 'province', { entityType, year }),
    queryRows<{ id: string; names: Text3; province: string | null; lat: number | null; lon: number | null }>(
      db,
      sql`SELECT id::text AS id, names, province, lat, lon FROM zones`,
    ),
  ]);
  const zoneValues = new Map([...groupTotals(byZone)].map(([id, cells]) => [id, measure(indicator, cells)]));
  const provinceValues = [...groupTotals(byProvince)].filter((e): e is [string, (typeof e)[1]] => e[0] !== null);
  const names = await provinceNames(
    db,
    provinceValues.map(([code]) => code),
  );

  const known = new Set(registry.map((z) => z.id));
  const zonesOut: MapData['zones'] = registry.map((z) => ({
    id: z.id,
    names: z.names,
    province: z.province,
    lat: z.lat === null ? null : Number(z.lat),
    lon: z.lon === null ? null : Number(z.lon),
    value: zoneValues.get(z.id) ?? null,
  }));
  // A zone since removed from the registry still has its figures: shown by id, without a place.
  for (const [id, value] of zoneValues) {
    if (id !== null && !known.has(id)) zonesOut.push({ id, names: { en: id }, province: null, lat: null, lon: null, value });
  }
  zonesOut.sort((a, b) => (a.value === null ? (b.value === null ? a.names.en.localeCompare(b.names.en, 'en') : 1) : b.value === null ? -1 : b.value - a.value));

  return {
    indicator,
    year,
    zones: zonesOut,
    provinces: provinceValues
      .map(([code, cells]) => ({ code, names: names.get(code) ?? { en: code }, value: measure(indicator, cells) }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}
