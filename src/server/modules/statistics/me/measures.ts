import { sql } from 'drizzle-orm';
import type { Indicator, Series, Text3 } from '../../../../shared/contracts/statistics';
import { type Db, queryRows } from '../../../db/client';
import type { Tx } from '../../../platform/audit/audit';
import { readIndicators, readSeries } from '../catalogue/catalogue';
import { indicatorSeries, type Scope } from '../yearbook/series';

export type ActualPoint = { year: number; value: number; synthetic: boolean; source: string | null; quote: string | null };
export type Measured = { kind: 'catalogue' | 'series' | 'unknown'; names: Text3; unit: string | null; points: ActualPoint[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COUNTRY = /^country:([A-Z]{2})$/;

/**
 * The part of the survey rollups a scope names: 'national' → all (every country's returns); 'country:<ISO code>'
 * → its provinces; 'province:<code>'; 'zone:<uuid>'. Null: not a rollup scope.
 */
export function scopeOf(scope: string): Scope | null {
  if (scope === 'national') return {};
  const country = COUNTRY.exec(scope);
  if (country) return { country: country[1] };
  if (scope.startsWith('province:')) return { province: scope.slice('province:'.length) };
  if (scope.startsWith('zone:') && UUID.test(scope.slice('zone:'.length))) return { zoneId: scope.slice('zone:'.length) };
  return null;
}

/** A published series is read for the scope it is given for ('national' reads any series as published). */
export const seriesScopeFits = (series: Pick<Series, 'scope'>, scope: string) => scope === 'national' || scope === series.scope;

/**
 * Where a target's actual values come from, read once per request: the indicator catalogue (computed from the
 * survey rollups through `indicatorSeries`), the published series of the seeds (each point citing its file),
 * and which survey years are synthetic (a demo period), so the page and the report can say so.
 */
export class MeasureReader {
  private indicators?: Map<string, Indicator>;
  private series?: Map<string, Series>;
  private syntheticYears?: Set<number>;
  private cache = new Map<string, Promise<Measured>>();

  constructor(readonly db: Db | Tx) {}

  async catalogue(): Promise<Map<string, Indicator>> {
    this.indicators ??= new Map((await readIndicators(this.db)).map((i) => [i.code, i]));
    return this.indicators;
  }

  async published(): Promise<Map<string, Series>> {
    this.series ??= new Map((await readSeries(this.db)).map((s) => [s.code, s]));
    return this.series;
  }

  private async synthetic(): Promise<Set<number>> {
    if (!this.syntheticYears) {
      const rows = await queryRows<{ year: number }>(this.db, sql`SELECT DISTINCT year FROM stat_periods WHERE synthetic`);
      this.syntheticYears = new Set(rows.map((r) => Number(r.year)));
    }
    return this.syntheticYears;
  }

  /** What kind of code this is (a catalogue code wins over a series of the same code). */
  async kindOf(code: string): Promise<Measured['kind']> {
    if ((await this.catalogue()).has(code)) return 'catalogue';
    if ((await this.published()).has(code)) return 'series';
    return 'unknown';
  }

  measure(code: string, scope: string): Promise<Measured> {
    const key = `${code}\u0000${scope}`;
    let m = this.cache.get(key);
    if (!m) {
      m = this.read(code, scope);
      this.cache.set(key, m);
    }
    return m;
  }

  private async read(code: string, scope: string): Promise<Measured> {
    const indicator = (await this.catalogue()).get(code);
    if (indicator) {
      const s = scopeOf(scope);
      const rows = s ? await indicatorSeries(this.db, indicator, s) : [];
      const synthetic = await this.synthetic();
      return {
        kind: 'catalogue',
        names: indicator.names,
        unit: indicator.unit,
        points: rows
          .filter((r): r is { year: number; value: number } => r.value !== null && Number.isFinite(r.value))
          .map((r) => ({ year: r.year, value: r.value, synthetic: synthetic.has(r.year), source: null, quote: null })),
      };
    }
    const series = (await this.published()).get(code);
    if (series) {
      // An undated point cannot be placed on the path.
      const byYear = new Map<number, ActualPoint>();
      if (seriesScopeFits(series, scope)) {
        for (const p of series.points) {
          if (p.year === null || !Number.isFinite(p.value)) continue;
          byYear.set(p.year, { year: p.year, value: p.value, synthetic: false, source: p.source, quote: p.quote });
        }
      }
      return { kind: 'series', names: series.names, unit: series.unit, points: [...byYear.values()].sort((a, b) => a.year - b.year) };
    }
    return { kind: 'unknown', names: { en: code }, unit: null, points: [] };
  }
}
