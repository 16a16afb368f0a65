import type { Features } from './features';

/**
 * How common a concept or a word is among the listings being matched: a concept every solar listing has
 * (solar) says less than one few have (solar_pump). Inverse document frequency as BM25 takes it, always > 0.
 */
export type Corpus = { conceptIdf(code: string): number; termIdf(word: string): number };

export const idf = (df: number, size: number) => Math.log(1 + (size - df + 0.5) / (df + 0.5));

/**
 * Counts over these listings (an evaluation pool, the candidates of one match query); concepts may be weighed
 * by a wider count instead (the whole market's, concept-stats.ts).
 */
export function corpusOf(listings: Features[], conceptIdf?: (code: string) => number): Corpus {
  const conceptDf = new Map<string, number>();
  const termDf = new Map<string, number>();
  for (const l of listings) {
    for (const c of l.concepts) conceptDf.set(c, (conceptDf.get(c) ?? 0) + 1);
    for (const w of l.words.keys()) termDf.set(w, (termDf.get(w) ?? 0) + 1);
  }
  const n = listings.length;
  return {
    conceptIdf: conceptIdf ?? ((code) => idf(conceptDf.get(code) ?? 0, n)),
    termIdf: (word) => idf(termDf.get(word) ?? 0, n),
  };
}
