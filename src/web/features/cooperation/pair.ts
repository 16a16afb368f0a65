/** Country pairs (PK-CN) of the cooperation pages. */

/** The pairs the overview lists, Pakistan–China first (seeds 000, 002, 003). */
export const FEATURED_PAIRS = ['PK-CN'] as const;

/** "pk-cn", "PK–CN", "PK_CN" → "PK-CN"; null when it is not two country codes. */
export function normalisePair(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = raw
    .trim()
    .toUpperCase()
    .match(/^([A-Z]{2})\s*[-–—_/]\s*([A-Z]{2})$/);
  if (!m || m[1] === m[2]) return null;
  return `${m[1]}-${m[2]}`;
}

export function pairCountries(pair: string): [string, string] {
  const [a, b] = pair.split('-');
  return [a, b];
}

/** The pair of a delegation or an agreement's countries, guest (or first) first; null when not two. */
export function pairOf(countries: readonly string[]): string | null {
  const distinct = [...new Set(countries.filter((c) => /^[A-Z]{2}$/.test(c)))];
  return distinct.length === 2 ? `${distinct[0]}-${distinct[1]}` : null;
}

/**
 * The pairs to show on the overview: the featured ones, then those the agreements and delegations make,
 * most frequent first; each once whichever its order (PK-CN and CN-PK are the same pair).
 */
export function pairsFrom(groups: readonly (readonly string[])[], featured: readonly string[] = FEATURED_PAIRS): string[] {
  const key = (p: string) => pairCountries(p).sort().join('-');
  const counts = new Map<string, { pair: string; n: number }>();
  for (const g of groups) {
    const p = pairOf(g);
    if (!p) continue;
    const k = key(p);
    const c = counts.get(k) ?? { pair: p, n: 0 };
    c.n += 1;
    counts.set(k, c);
  }
  const out = [...featured];
  const seen = new Set(featured.map(key));
  for (const { pair } of [...counts.values()].sort((a, b) => b.n - a.n)) {
    if (!seen.has(key(pair))) {
      seen.add(key(pair));
      out.push(pair);
    }
  }
  return out;
}
