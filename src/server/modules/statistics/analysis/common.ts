import { sql } from 'drizzle-orm';
import type { Indicator } from '../../../../shared/contracts/statistics';
import type { Language } from '../../../../shared/roles';
import { queryRows, type Db } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import type { Actor } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { PERMISSIONS } from '../../../platform/permissions';
import { readIndicator } from '../catalogue/catalogue';
import { RECORDS, rollupTotalsSql, type RollupFilter, type RollupGroup, type TotalsRow } from '../yearbook/measure';
import type { Text3 } from '../statistics.tables';
import { type MessageKey, message } from './labels';

export type Reader = Db | Tx;

/** A 400 whose detail says, in the reader's language, what to change. */
export const invalid = (lang: Language, path: string, key: MessageKey, params?: Record<string, string | number>) =>
  new AppError(400, 'validation_failed', {}, [{ path, message: message(lang, key, params) }]);
/** A 404 naming what was not found. */
export const missing = (lang: Language, path: string, key: MessageKey, params?: Record<string, string | number>) =>
  new AppError(404, 'not_found', {}, [{ path, message: message(lang, key, params) }]);
export const outOfScope = (lang: Language, path: string, key: MessageKey) => new AppError(403, 'forbidden', {}, [{ path, message: message(lang, key) }]);

/** Sums of the rollups by one dimension (yearbook/measure.ts `rollupTotalsSql`), run on a reader. */
export async function rollupTotals(db: Reader, indicators: readonly string[], group: RollupGroup, f: RollupFilter): Promise<TotalsRow[]> {
  if (indicators.length === 0) return [];
  return queryRows<TotalsRow>(db, rollupTotalsSql(indicators, group, f));
}

export async function requireIndicator(db: Reader, lang: Language, code: string, path = 'indicator'): Promise<Indicator> {
  const indicator = await readIndicator(db, code);
  if (!indicator) throw missing(lang, path, 'unknown_indicator', { code });
  return indicator;
}

/** Which entities' returns an indicator is read from when the question does not say (as `indicatorSeries` does). */
export function defaultEntityType(indicator: Pick<Indicator, 'entityTypes'>): string {
  return indicator.entityTypes.includes('enterprise') ? 'enterprise' : (indicator.entityTypes[0] ?? 'enterprise');
}

/**
 * The years that have counted returns of an entity type (null: any type), ascending. Read as "the years of the
 * periods whose `_records` rollup exists": a probe of the rollups' unique index (year, indicator, entity_type, …)
 * per period year, not a scan of the rollups.
 */
export async function yearsWithData(db: Reader, entityType: string | null): Promise<number[]> {
  const type = entityType === null ? sql`` : sql` AND r.entity_type = ${entityType}`;
  const rows = await queryRows<{ year: number }>(
    db,
    sql`SELECT p.year FROM (SELECT DISTINCT year FROM stat_periods) p
      WHERE EXISTS (SELECT 1 FROM stat_rollups r WHERE r.year = p.year AND r.indicator = ${RECORDS}${type}) ORDER BY 1`,
  );
  return rows.map((r) => Number(r.year));
}

/** Any synthetic return among those counted for these years (the figures are then marked synthetic). */
export async function anySynthetic(db: Reader, years: { from: number; to: number } | null, entityType: string | null): Promise<boolean> {
  if (!years) return false;
  const type = entityType === null ? sql`` : sql` AND entity_type = ${entityType}`;
  const rows = await queryRows<{ synthetic: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM stat_submissions WHERE synthetic AND counted AND year BETWEEN ${years.from} AND ${years.to}${type}) AS synthetic`,
  );
  return !!rows[0]?.synthetic;
}

/** Names of zones by id (a zone missing from the registry is named by its id). */
export async function zoneNames(
  db: Reader,
  ids: readonly string[],
): Promise<Map<string, { names: Text3; province: string | null; lat: number | null; lon: number | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; names: Text3; province: string | null; lat: number | null; lon: number | null }>(
    db,
    sql`SELECT id::text AS id, names, province, lat, lon FROM zones WHERE id = ANY(${sql.param([...ids])}::uuid[])`,
  );
  return new Map(
    rows.map((r) => [r.id, { names: r.names, province: r.province, lat: r.lat === null ? null : Number(r.lat), lon: r.lon === null ? null : Number(r.lon) }]),
  );
}

/** Names of provinces (divisions) by code (an unknown code is named by itself). */
export async function provinceNames(db: Reader, codes: readonly string[]): Promise<Map<string, Text3>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ code: string; names: Text3 }>(db, sql`SELECT code, names FROM divisions WHERE code = ANY(${sql.param([...codes])}::text[])`);
  return new Map(rows.map((r) => [r.code, r.names]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A zone named by id or by registry key → its id (404 when neither names a zone). */
export async function resolveZone(db: Reader, lang: Language, zone: string, path = 'zone'): Promise<string> {
  const rows = UUID.test(zone)
    ? await queryRows<{ id: string }>(db, sql`SELECT id::text AS id FROM zones WHERE id = ${zone}::uuid`)
    : await queryRows<{ id: string }>(db, sql`SELECT id::text AS id FROM zones WHERE key = ${zone}`);
  if (!rows[0]) throw missing(lang, path, 'unknown_zone', { zone });
  return rows[0].id;
}

const READ_ROLES: readonly string[] = PERMISSIONS['statistics.read'];

/**
 * The zones whose figures an actor may take as "their zone": null for every zone (admins, analysts and the other
 * staff roles that read statistics, and a zone manager without a scope); otherwise the zones of their scoped
 * zone-manager grants.
 */
export function zoneScope(actor: Actor | null): string[] | null {
  if (!actor) return [];
  const zones: string[] = [];
  for (const g of actor.roles) {
    if (g.role === 'admin') return null;
    if (g.role === 'zone_manager') {
      if (g.scopeType === null) return null;
      if (g.scopeType === 'zone' && g.scopeId) zones.push(g.scopeId);
    } else if (READ_ROLES.includes(g.role)) return null;
  }
  return zones;
}

// ── Pure figures over zones ───────────────────────────────────────────────────

/** Quantile of sorted values by linear interpolation between closest ranks (R type 7, numpy's default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export type Distribution = { min: number; p25: number; median: number; p75: number; max: number; n: number };

/** Five-number summary of the values (nulls left out); null when there is none. */
export function distribution(values: readonly (number | null)[]): Distribution | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return { min: v[0], p25: quantileSorted(v, 0.25), median: quantileSorted(v, 0.5), p75: quantileSorted(v, 0.75), max: v[v.length - 1], n: v.length };
}

/**
 * A value's place among others: rank 1 = highest, tied values share the best rank (1, 1, 3); percentile rank =
 * 100 × (values below + ½ × values equal) ÷ n. Null when the value is null or absent from the values.
 */
export function placeAmong(value: number | null, values: readonly (number | null)[]): { rank: number; percentile: number } | null {
  if (value === null) return null;
  const v = values.filter((x): x is number => x !== null);
  const equal = v.filter((x) => x === value).length;
  if (equal === 0) return null;
  const above = v.filter((x) => x > value).length;
  const below = v.length - above - equal;
  return { rank: above + 1, percentile: (100 * (below + equal / 2)) / v.length };
}
