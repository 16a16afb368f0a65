import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import type { Ctx } from '../../platform/context';
import type { Names } from './registry.tables';

export type MapPoint = {
  type: 'zone' | 'incubator';
  id: string;
  names: Names;
  kind: string;
  country: string;
  lat: number;
  lon: number;
  hostZoneId: string | null;
};

/**
 * Zones and incubators with a position: their own, else their city's centre (marked approximate). With a zone,
 * the zone and every park under it at any depth (Zhongguancun's member parks and theirs), and their incubators.
 */
export async function mapPoints(ctx: Ctx, filter: { country?: string; zoneId?: string; includeSynthetic?: boolean }) {
  const zoneFilter = sql.join(
    [
      filter.country ? sql`e.country = ${filter.country}` : sql`true`,
      filter.zoneId ? sql`e.id IN (SELECT id FROM subtree)` : sql`true`,
      filter.includeSynthetic ? sql`true` : sql`NOT e.synthetic`,
    ],
    sql` AND `,
  );
  const incFilter = sql.join(
    [
      filter.country ? sql`e.country = ${filter.country}` : sql`true`,
      filter.zoneId ? sql`e.host_zone_id IN (SELECT id FROM subtree)` : sql`true`,
      filter.includeSynthetic ? sql`true` : sql`NOT e.synthetic`,
    ],
    sql` AND `,
  );
  const rows = await queryRows<MapPoint & { approximate: boolean }>(
    ctx.database.db,
    sql`WITH RECURSIVE subtree AS (
          SELECT id FROM zones WHERE id = ${filter.zoneId ?? null}::uuid
          UNION SELECT z.id FROM zones z JOIN subtree s ON z.parent_id = s.id
        )
        SELECT 'zone' AS type, e.id, e.names, e.kind, e.country, coalesce(e.lat, d.lat) AS lat, coalesce(e.lon, d.lon) AS lon, NULL::uuid AS "hostZoneId", e.lat IS NULL AS approximate
        FROM zones e LEFT JOIN divisions d ON d.code = coalesce(e.city, e.province) WHERE ${zoneFilter} AND coalesce(e.lat, d.lat) IS NOT NULL
        UNION ALL
        SELECT 'incubator', e.id, e.names, e.kind, e.country, coalesce(e.lat, d.lat), coalesce(e.lon, d.lon), e.host_zone_id, e.lat IS NULL
        FROM incubators e LEFT JOIN divisions d ON d.code = coalesce(e.city, e.province) WHERE ${incFilter} AND coalesce(e.lat, d.lat) IS NOT NULL
        LIMIT 20000`,
  );
  return { items: rows, total: rows.length };
}

/** Figures for the directory's charts: zones by province, the founding timeline, counts by type. */
export async function registryStats(ctx: Ctx) {
  const db = ctx.database.db;
  const [byProvince, timeline, counts] = await Promise.all([
    queryRows<{ province: string | null; names: Names | null; count: number }>(
      db,
      sql`SELECT z.province, d.names, count(*)::int AS count FROM zones z LEFT JOIN divisions d ON d.code = z.province
          WHERE NOT z.synthetic GROUP BY z.province, d.names ORDER BY count DESC, z.province`,
    ),
    queryRows<{ year: number; zones: number; incubators: number }>(
      db,
      sql`SELECT year, sum(zones)::int AS zones, sum(incubators)::int AS incubators FROM (
            SELECT left(approved_on, 4)::int AS year, 1 AS zones, 0 AS incubators FROM zones WHERE approved_on IS NOT NULL AND NOT synthetic
            UNION ALL SELECT left(founded_on, 4)::int, 0, 1 FROM incubators WHERE founded_on IS NOT NULL AND NOT synthetic
          ) t GROUP BY year ORDER BY year`,
    ),
    queryRows<{ type: string; count: number; synthetic: number }>(
      db,
      sql`SELECT entity_type AS type, count(*)::int AS count, count(*) FILTER (WHERE synthetic)::int AS synthetic FROM search_entries GROUP BY entity_type ORDER BY entity_type`,
    ),
  ]);
  return { zonesByProvince: byProvince, foundingTimeline: timeline, counts };
}

export async function listDivisions(ctx: Ctx, country?: string) {
  const rows = await queryRows<{ code: string; country: string; level: string; parent: string | null; names: Names; lat: number | null; lon: number | null }>(
    ctx.database.db,
    sql`SELECT code, country, level, parent, names, lat, lon FROM divisions ${country ? sql`WHERE country = ${country}` : sql``} ORDER BY country, level DESC, code`,
  );
  return { items: rows, total: rows.length };
}

export async function listCountries(ctx: Ctx) {
  const rows = await queryRows<{ code: string; names: Names }>(ctx.database.db, sql`SELECT code, names FROM countries ORDER BY code`);
  return { items: rows, total: rows.length };
}
