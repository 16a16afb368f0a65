/** ColorBrewer YlGnBu, five classes: light (low) to dark (high); every class distinct under common colour blindness. */
export const SEQUENTIAL = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const NO_DATA = '#ced4da';

export type Classes = { breaks: number[]; colorOf: (v: number | null) => string; ranges: { from: number; to: number; color: string }[] };

/**
 * Quantile classes of the values (each colour holds about as many zones): zone figures are skewed — a few
 * large zones would otherwise take the darkest colour and leave every other zone the lightest.
 */
export function quantileClasses(values: (number | null)[], k = SEQUENTIAL.length): Classes {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return { breaks: [], colorOf: () => NO_DATA, ranges: [] };
  const distinct = [...new Set(xs)];
  // Few distinct values: one class each. Else quantiles (ties may merge two classes into one).
  const breaks: number[] = [];
  if (distinct.length <= k) breaks.push(...distinct.slice(1));
  else for (let i = 1; i < k; i++) breaks.push(xs[Math.floor((i * xs.length) / k)]);
  const uniq = [...new Set(breaks)].filter((b) => b > xs[0]);
  // Spread the colours over the whole ramp when there are fewer classes than colours.
  const colors =
    uniq.length + 1 === 1
      ? [SEQUENTIAL[SEQUENTIAL.length - 1]]
      : Array.from({ length: uniq.length + 1 }, (_, i) => SEQUENTIAL[Math.round((i * (k - 1)) / uniq.length)]);
  const classOf = (v: number) => {
    let c = 0;
    while (c < uniq.length && v >= uniq[c]) c++;
    return c;
  };
  const bounds = [xs[0], ...uniq, xs[xs.length - 1]];
  const ranges = colors.map((color, i) => ({ from: bounds[i], to: bounds[i + 1], color }));
  return { breaks: uniq, colorOf: (v) => (v === null || !Number.isFinite(v) ? NO_DATA : colors[classOf(v)]), ranges };
}
