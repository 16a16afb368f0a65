import type { ListingTexts } from '../techmarket.tables';
import { corpusOf } from './corpus';
import { NEEDS } from './eval/needs';
import { OFFERS } from './eval/offers';
import type { EvalListing, EvalNeed } from './eval/types';
import { type Features, listingFeatures } from './features';
import { rankMatches, sharedShares } from './score';

/**
 * Precision@5 and recall@10 on the labelled evaluation set (eval/), in memory: our matcher (concepts of the
 * multilingual dictionary, words, sector, readiness …, score.ts) against a plain keyword search — the same
 * words only (jieba words for Chinese, stemmed English, folded Urdu), ranked by IDF-weighted overlap with the
 * need, which is what full text over the listings would find and rank without the dictionary.
 */
export type Figures = { p5: number; r10: number; mrr: number };
export type Ranker = (need: Features, offers: Features[]) => string[];

function features(l: EvalListing, kind: 'offer' | 'need'): Features {
  const texts: ListingTexts = { [l.lang]: { title: l.title, summary: l.summary } };
  return listingFeatures({ id: l.id, kind, texts, keywords: [], sector: l.sector, trl: l.trl ?? null, dealForms: l.dealForms ?? [], country: l.country });
}

export function oursRanker(offers: Features[]): Ranker {
  const corpus = corpusOf(offers);
  return (need, pool) => rankMatches(need, pool, corpus, 10).map((m) => m.candidate.id);
}

export function baselineRanker(offers: Features[]): Ranker {
  const corpus = corpusOf(offers);
  return (need, pool) =>
    pool
      .map((o) => ({ id: o.id, score: [...sharedShares(need.words.keys(), new Set(o.words.keys()), corpus.termIdf).values()].reduce((a, b) => a + b, 0) }))
      .filter((o) => o.score > 0)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, 10)
      .map((o) => o.id);
}

export type NeedResult = { id: string; lang: string; ranked: string[]; relevant: string[]; p5: number; r10: number; rr: number };

export function evaluate(needs: EvalNeed[], offers: EvalListing[], make: (offers: Features[]) => Ranker): { figures: Figures; byNeed: NeedResult[] } {
  const pool = offers.map((o) => features(o, 'offer'));
  const rank = make(pool);
  const byNeed = needs.map((n) => {
    const ranked = rank(features(n, 'need'), pool);
    const relevant = new Set(n.relevant);
    const hits = (k: number) => ranked.slice(0, k).filter((id) => relevant.has(id)).length;
    const first = ranked.findIndex((id) => relevant.has(id));
    return { id: n.id, lang: n.lang, ranked, relevant: n.relevant, p5: hits(5) / 5, r10: hits(10) / relevant.size, rr: first < 0 ? 0 : 1 / (first + 1) };
  });
  const mean = (f: (r: NeedResult) => number) => byNeed.reduce((s, r) => s + f(r), 0) / byNeed.length;
  return { figures: { p5: mean((r) => r.p5), r10: mean((r) => r.r10), mrr: mean((r) => r.rr) }, byNeed };
}

/** Both matchers on the labelled set. */
export function evaluateMatching(needs: EvalNeed[] = NEEDS, offers: EvalListing[] = OFFERS) {
  return { ours: evaluate(needs, offers, oursRanker), baseline: evaluate(needs, offers, baselineRanker), needs: needs.length, offers: offers.length };
}
