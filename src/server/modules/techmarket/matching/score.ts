import type { MatchReason } from '../../../../shared/contracts/techmarket';
import { conceptLabels } from '../text/concepts';
import { sectorRelation } from '../text/reference';
import type { Corpus } from './corpus';
import type { Features } from './features';

/**
 * How well one listing answers another (a need and an offer, either way round, or an offer and an
 * enterprise), and why. What the two are about counts most: the dictionary concepts they share, each weighed
 * by its rarity (cosine of IDF-weighted concept sets, so that a rare shared concept counts more than a common
 * one, and a listing about many things is not favoured for touching on everything), then the same words in the
 * same language (likewise), then the sector. Readiness, forms of deal and a cross-border pair adjust the order
 * among relevant offers (an offer less ready than the need asks goes down by the levels it lacks) but never make an
 * irrelevant one a suggestion.
 */
export const WEIGHTS = { concepts: 0.6, terms: 0.25, sector: 0.15, readiness: 0.05, dealForm: 0.03, crossBorder: 0.03 } as const;

/** Below this topical score (concepts and words) a pair is not suggested, whatever its sector. */
export const MIN_TOPICAL = 0.04;
const MAX_TERM_REASONS = 6;

export type Scored = { score: number; topical: number; reasons: MatchReason[] };

const round = (x: number) => Math.round(x * 1000) / 1000;

/** IDF-weighted cosine of two sets, as each shared item's part of it. */
export function sharedShares<T>(a: Iterable<T>, b: Set<T>, weight: (x: T) => number): Map<T, number> {
  const out = new Map<T, number>();
  const left = [...a];
  let na = 0;
  let nb = 0;
  for (const x of left) na += weight(x) ** 2;
  for (const x of b) nb += weight(x) ** 2;
  if (na === 0 || nb === 0) return out;
  const norm = Math.sqrt(na * nb);
  for (const x of left) if (b.has(x)) out.set(x, weight(x) ** 2 / norm);
  return out;
}

export function scoreMatch(from: Features, to: Features, corpus: Corpus): Scored {
  const reasons: MatchReason[] = [];
  let topical = 0;

  const concepts = sharedShares(from.concepts, to.concepts, corpus.conceptIdf);
  for (const [code, share] of [...concepts].sort((x, y) => y[1] - x[1])) {
    const weight = WEIGHTS.concepts * share;
    topical += weight;
    reasons.push({ type: 'concept', concept: code, labels: conceptLabels(code), weight: round(weight) });
  }

  const terms = sharedShares(from.words.keys(), new Set(to.words.keys()), corpus.termIdf);
  const sortedTerms = [...terms].sort((x, y) => y[1] - x[1]);
  sortedTerms.forEach(([word, share], i) => {
    const weight = WEIGHTS.terms * share;
    topical += weight;
    if (i < MAX_TERM_REASONS) reasons.push({ type: 'term', term: from.words.get(word) ?? word, weight: round(weight) });
  });

  let score = topical;
  const sector = sectorRelation(from.sector, to.sector);
  if (sector) {
    const weight = WEIGHTS.sector * (sector === 'same' ? 1 : 0.5);
    score += weight;
    reasons.push({ type: 'sector', sector: to.sector!, related: sector === 'related', weight: round(weight) });
  }

  const offer = from.kind === 'offer' ? from : to.kind === 'offer' ? to : null;
  const need = offer === from ? to : from;
  if (offer && need.kind === 'need' && offer.trl !== null && need.trl !== null) {
    const fits = offer.trl >= need.trl;
    // Below the lowest level the asker would take, each level short counts against (up to four).
    const weight = fits ? WEIGHTS.readiness : -WEIGHTS.readiness * Math.min(need.trl - offer.trl, 4);
    score += weight;
    reasons.push({ type: 'readiness', offerTrl: offer.trl, needTrl: need.trl, fits, weight });
  }

  const forms = from.dealForms.filter((f) => to.dealForms.includes(f));
  if (forms.length) {
    score += WEIGHTS.dealForm;
    reasons.push({ type: 'dealForm', forms, weight: WEIGHTS.dealForm });
  }

  // The programme is China–Pakistan cooperation: a partner across the border is a plus, never a penalty.
  if (from.country && to.country && from.country !== to.country) {
    score += WEIGHTS.crossBorder;
    reasons.push({ type: 'country', from: from.country, to: to.country, crossBorder: true, weight: WEIGHTS.crossBorder });
  }

  return { score: round(score), topical, reasons };
}

/** Whether a scored pair is worth suggesting at all. */
export const isSuggestion = (s: Scored) => s.topical >= MIN_TOPICAL;

/** The best `limit` of the candidates for `from`, best first (ties by id, so that answers are stable). */
export function rankMatches<T extends Features>(from: T, candidates: T[], corpus: Corpus, limit: number): { candidate: T; scored: Scored }[] {
  return candidates
    .filter((c) => c.id !== from.id)
    .map((candidate) => ({ candidate, scored: scoreMatch(from, candidate, corpus) }))
    .filter((m) => isSuggestion(m.scored))
    .sort((a, b) => b.scored.score - a.scored.score || (a.candidate.id < b.candidate.id ? -1 : 1))
    .slice(0, limit);
}
