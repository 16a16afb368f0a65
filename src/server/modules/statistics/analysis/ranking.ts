import type { z } from 'zod';
import type { Indicator, Ranking as RankingSchema } from '../../../../shared/contracts/statistics';
import type { Ctx } from '../../../platform/context';
import { indicatorMap } from '../catalogue/catalogue';
import { groupTotals, measure, partsOf } from '../yearbook/measure';
import { anySynthetic, defaultEntityType, missing, type Reader, rollupTotals, yearsWithData, zoneNames } from './common';

type Ranking = z.infer<typeof RankingSchema>;
export type IndexInput = { id: string; values: Record<string, number | null> };
export type IndexRow = { id: string; rank: number; score: number; parts: Record<string, number | null>; values: Record<string, number | null> };

/** Two scores closer than this are a tie (sums of float products differ in the last bits). */
const TIE = 1e-12;

/**
 * A composite index (OECD/JRC Handbook on Constructing Composite Indicators: min–max normalisation, weighted
 * arithmetic aggregation). For each indicator, values are scaled across the rows to 0–1 by (v − min) ÷ (max − min),
 * higher being better; where every row has the same value, each scores 1. Weights are normalised to sum 1 (an indicator weighted 0 takes no part). A row's
 * part for an indicator is weight × scaled value, its score the sum of its parts (0–1). A missing value scores 0
 * for that part and is reported as a null part. Rows are returned best first; equal scores share a rank
 * (1, 2, 2, 4), and within a tie keep their input order. Pure.
 */
export function compositeIndex(rows: readonly IndexInput[], weights: Readonly<Record<string, number>>): { weights: Record<string, number>; rows: IndexRow[] } {
  const codes = Object.keys(weights).filter((c) => weights[c] > 0);
  const sum = codes.reduce((s, c) => s + weights[c], 0);
  if (!(sum > 0)) throw new Error('compositeIndex needs at least one weight above 0');
  const normalised = Object.fromEntries(codes.map((c) => [c, weights[c] / sum]));
  const reported = Object.fromEntries(Object.keys(weights).map((c) => [c, normalised[c] ?? 0]));

  const range = new Map<string, { min: number; max: number }>();
  for (const c of codes) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const r of rows) {
      const v = r.values[c];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (min <= max) range.set(c, { min, max });
  }

  const scored = rows.map((r, order) => {
    const parts: Record<string, number | null> = {};
    let score = 0;
    for (const c of codes) {
      const v = r.values[c];
      const span = range.get(c);
      if (v === null || v === undefined || !Number.isFinite(v) || !span) {
        parts[c] = null;
        continue;
      }
      const scaled = span.max === span.min ? 1 : (v - span.min) / (span.max - span.min);
      parts[c] = normalised[c] * scaled;
      score += parts[c];
    }
    const values = Object.fromEntries(codes.map((c) => [c, r.values[c] ?? null]));
    return { id: r.id, score, parts, values, order };
  });
  scored.sort((a, b) => (Math.abs(b.score - a.score) <= TIE ? a.order - b.order : b.score - a.score));

  const out: IndexRow[] = [];
  scored.forEach((s, i) => {
    const prev = out[i - 1];
    const rank = prev && Math.abs(prev.score - s.score) <= TIE ? prev.rank : i + 1;
    out.push({ id: s.id, rank, score: s.score, parts: s.parts, values: s.values });
  });
  return { weights: reported, rows: out };
}

export type RankingInput = { year?: number; weights: Record<string, number>; limit: number };

/**
 * Zones ranked by a composite index of the weighted indicators for a year (default: the latest with data),
 * each indicator measured per zone from the rollups (enterprises' returns where the indicator is theirs).
 */
export async function rankZones(ctx: Ctx, input: RankingInput): Promise<Ranking> {
  const db: Reader = ctx.database.db;
  const catalogue = await indicatorMap(db);
  const indicators: Indicator[] = [];
  for (const code of Object.keys(input.weights)) {
    const i = catalogue.get(code);
    if (!i) throw missing(ctx.lang, `weights.${code}`, 'unknown_indicator', { code });
    if (input.weights[code] > 0) indicators.push(i);
  }
  const byType = new Map<string, Indicator[]>();
  for (const i of indicators) byType.set(defaultEntityType(i), [...(byType.get(defaultEntityType(i)) ?? []), i]);
  const year = input.year ?? (await yearsWithData(db, byType.has('enterprise') ? 'enterprise' : null)).at(-1) ?? new Date().getUTCFullYear();

  const values = new Map<string, Record<string, number | null>>();
  for (const [entityType, group] of byType) {
    const rows = await rollupTotals(db, partsOf(group), 'zone', { entityType, year });
    for (const [zoneId, cells] of groupTotals(rows)) {
      if (zoneId === null) continue;
      const v = values.get(zoneId) ?? {};
      for (const i of group) v[i.code] = measure(i, cells);
      values.set(zoneId, v);
    }
  }
  const names = await zoneNames(db, [...values.keys()]);
  // Input in name order, so zones tied on score are listed alphabetically.
  const inputs = [...values].map(([id, v]) => ({ id, values: v, name: names.get(id)?.names.en ?? id })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const index = compositeIndex(inputs, input.weights);
  const types = [...byType.keys()];
  const synthetic = (await Promise.all(types.map((t) => anySynthetic(db, { from: year, to: year }, t)))).some(Boolean);

  return {
    year,
    weights: index.weights,
    rows: index.rows.slice(0, input.limit).map((r) => ({
      rank: r.rank,
      zone: { id: r.id, names: names.get(r.id)?.names ?? { en: r.id } },
      score: r.score,
      parts: r.parts,
      values: r.values,
    })),
    synthetic,
  };
}
