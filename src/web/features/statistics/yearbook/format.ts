import type { Language } from '../../../../shared/roles';
import { languageTag } from '../../../app/language';

export type Text3 = { en: string; zh?: string; ur?: string };
export type CellKind = 'dimension' | 'value' | 'share' | 'growth' | 'ratio' | 'rank' | 'published';

/** A label in the reader's language when there is one, else in English (names keep their own script). */
export function text3(names: Text3 | null | undefined, lng: Language): string {
  if (!names) return '';
  return names[lng] || names.en;
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(lng: Language, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lng}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(languageTag(lng), opts);
    cache.set(key, f);
  }
  return f;
}

export const DASH = '—';

/** A figure: whole numbers as they are, small ones with up to two decimals. */
export function formatValue(v: number | null | undefined, lng: Language): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  const digits = Math.abs(v) >= 1000 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return nf(lng, { maximumFractionDigits: digits }).format(v);
}

/** A share as a percentage (0.125 → 12.5 %). */
export function formatShare(v: number | null | undefined, lng: Language): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return nf(lng, { style: 'percent', maximumFractionDigits: 1 }).format(v);
}

/** Growth as a signed percentage (0.1 → +10 %). */
export function formatGrowth(v: number | null | undefined, lng: Language): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return nf(lng, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v);
}

export function formatInteger(v: number | null | undefined, lng: Language): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return nf(lng, { maximumFractionDigits: 0 }).format(v);
}

/** A percentile (0–100) as an ordinal-free "P83"-style figure in the reader's digits. */
export function formatPercentile(v: number | null | undefined, lng: Language): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return nf(lng, { maximumFractionDigits: 0 }).format(v);
}

/** A yearbook cell by the kind of its column. */
export function formatCell(kind: CellKind, v: number | null | undefined, lng: Language): string {
  switch (kind) {
    case 'share':
      return formatShare(v, lng);
    case 'growth':
      return formatGrowth(v, lng);
    case 'rank':
      return formatInteger(v, lng);
    default:
      return formatValue(v, lng);
  }
}

/** A year in the reader's digits without a thousands separator. */
export function formatYear(y: number | null | undefined, lng: Language): string {
  if (y === null || y === undefined) return DASH;
  return nf(lng, { useGrouping: false }).format(y);
}
