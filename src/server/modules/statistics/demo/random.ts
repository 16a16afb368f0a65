import { createRng } from '../../registry/synthetic';

/** A uniform draw in [0, 1): the registry's mulberry32 (the same on every platform, so a seed gives the same data everywhere). */
export type Rng = () => number;

/** An independent stream for item `n` of kind `kind` under `seed` (hash-mixed, so neighbouring items do not share draws). */
export function streamFor(seed: number, kind: number, n: number): Rng {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(kind + 1, 0xc2b2ae35) ^ Math.imul(n + 0x27d4eb2f, 0x165667b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return createRng((h ^ (h >>> 16)) >>> 0);
}

/** Standard normal (Box–Muller; one of the pair is dropped, which keeps the stream's use per call fixed). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export const lognormal = (rng: Rng, median: number, sigma: number) => median * Math.exp(sigma * normal(rng));
export const uniform = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
export const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

/** Poisson: Knuth's product method for small means, a rounded normal above 30. */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng(); p > limit; p *= rng()) k++;
  return k;
}

/** Index into cumulative weights (binary search). */
export function weightedIndex(rng: Rng, cumulative: Float64Array): number {
  const r = rng() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r < cumulative[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    out[i] = total;
  });
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A deterministic id: the item's number in the first 48 bits (ids of one generation increase, so b-tree
 * inserts append instead of landing at random pages of the index: 27 million stat_values rows at national
 * scale), then a version-8 (custom) marker, the kind, and 60 bits of the seed so two seeds never collide.
 */
export function demoId(seed: number, kind: number, n: number): string {
  const hi = Math.floor(n / 4294967296);
  const lo = n >>> 0;
  const s = (seed >>> 0).toString(16).padStart(8, '0');
  const a = `${HEX[(hi >>> 8) & 255]}${HEX[hi & 255]}${HEX[lo >>> 24]}${HEX[(lo >>> 16) & 255]}`;
  const b = `${HEX[(lo >>> 8) & 255]}${HEX[lo & 255]}`;
  return `${a}-${b}-8${kind.toString(16)}${s.slice(0, 2)}-a${s.slice(2, 5)}-${s.slice(5, 8)}d3e0a1${kind.toString(16).padStart(3, '0')}`;
}
