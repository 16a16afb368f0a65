import { chineseWords } from '../../registry/search-text';
import type { Application, Reviewer } from './instance';

/**
 * Affinity of a reviewer for an application, explained: TF-IDF cosine between the application's title and
 * abstract and the reviewer's expertise, plus the Jaccard overlap of their taxonomy tags, weighted
 * (default 0.6 text + 0.4 tags). The IDF comes from the instance's own corpus (every application and every
 * reviewer is one document). English is split into words, Chinese is segmented with the registry's
 * dictionary (`chineseWords`), so a Chinese application meets a reviewer who wrote Chinese expertise.
 *
 * Scores are rounded to millionths: the optimiser works in integers and stays exact, and a score shown to
 * an officer is the score that was optimised.
 */

export type AffinityWeights = { text: number; tags: number };
export const DEFAULT_WEIGHTS: AffinityWeights = { text: 0.6, tags: 0.4 };
/** Scores are integers of this many units per 1. */
export const SCORE_UNIT = 1_000_000;

export type AffinityReasons = {
  /** Tags both carry. */
  sharedTags: string[];
  /** Words both use, the most telling first (by their share of the cosine). */
  sharedTerms: string[];
  /** TF-IDF cosine of the texts, in [0, 1]. */
  textSimilarity: number;
  /** Jaccard overlap of the tags, in [0, 1]. */
  tagOverlap: number;
};
export type Affinity = { score: number; reasons: AffinityReasons };

const STOPWORDS = new Set(
  (
    'a an the and or of for in on at to by with from as is are was were be been this that these those it its our we our their ' +
    'they he she his her you your i not no but if then than so such into over under also via per using use based new'
  ).split(' '),
);
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Light English stemming: plural endings only, so "batteries" meets "battery" and "cells" meets "cell". */
function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|os)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** The terms of a text: English words (lower case, no stop words, plural folded), Chinese words of two or more characters. */
export function terms(text: string): string[] {
  const out: string[] = [];
  const plain = text.normalize('NFKC').toLowerCase().replace(CJK_RUN, ' ');
  for (const w of plain.split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    out.push(stem(w));
  }
  if (CJK.test(text)) {
    for (const w of chineseWords(text)) if (w.length >= 2) out.push(w);
  }
  return out;
}

export const applicationText = (a: Pick<Application, 'title' | 'abstract'>) => `${a.title}\n${a.abstract}`;
export const reviewerText = (r: Pick<Reviewer, 'expertise'>) => r.expertise;

/** A sparse unit vector: term ids ascending, weights with a Euclidean norm of 1 (or no terms). */
export type TermVector = { ids: Int32Array; weights: Float64Array };

/** The corpus statistics affinity needs: the vocabulary and each term's inverse document frequency. */
export type AffinityModel = {
  weights: AffinityWeights;
  termIds: Map<string, number>;
  termList: string[];
  idf: Float64Array;
};

/** Builds the IDF of a corpus from each document's terms (smoothed: ln((1 + D) / (1 + df)) + 1). */
export function buildModel(documents: string[][], weights: AffinityWeights = DEFAULT_WEIGHTS): AffinityModel {
  const termIds = new Map<string, number>();
  const termList: string[] = [];
  const df: number[] = [];
  const lastDoc: number[] = [];
  documents.forEach((doc, d) => {
    for (const t of doc) {
      let id = termIds.get(t);
      if (id === undefined) {
        id = termList.length;
        termIds.set(t, id);
        termList.push(t);
        df.push(0);
        lastDoc.push(-1);
      }
      if (lastDoc[id] !== d) {
        lastDoc[id] = d;
        df[id]++;
      }
    }
  });
  const idf = new Float64Array(termList.length);
  for (let i = 0; i < idf.length; i++) idf[i] = Math.log((1 + documents.length) / (1 + df[i])) + 1;
  const total = weights.text + weights.tags;
  if (!(total > 0) || weights.text < 0 || weights.tags < 0) throw new Error('affinity weights must be non-negative and not both zero');
  return { weights: { text: weights.text / total, tags: weights.tags / total }, termIds, termList, idf };
}

/** The model of a whole instance: IDF over every application and reviewer. */
export function modelOf(applications: readonly Application[], reviewers: readonly Reviewer[], weights: AffinityWeights = DEFAULT_WEIGHTS) {
  return buildModel([...applications.map((a) => terms(applicationText(a))), ...reviewers.map((r) => terms(reviewerText(r)))], weights);
}

/** TF-IDF vector of a document's terms (sublinear TF: 1 + ln tf; terms outside the vocabulary are ignored). */
export function vectorOf(docTerms: readonly string[], model: AffinityModel): TermVector {
  const ids: number[] = [];
  for (const t of docTerms) {
    const id = model.termIds.get(t);
    if (id !== undefined) ids.push(id);
  }
  ids.sort((x, y) => x - y);
  // Runs of equal ids are term frequencies.
  let distinct = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) distinct++;
  const out = new Int32Array(distinct);
  const weights = new Float64Array(distinct);
  let norm = 0;
  for (let i = 0, j = -1; i < ids.length; i++) {
    if (i === 0 || ids[i] !== ids[i - 1]) out[++j] = ids[i];
    let tf = 1;
    while (i + 1 < ids.length && ids[i + 1] === ids[i]) {
      tf++;
      i++;
    }
    const w = (1 + Math.log(tf)) * model.idf[ids[i]];
    weights[j] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i] /= norm;
  return { ids: out, weights };
}

/**
 * Cosine of two unit vectors, summed in ascending term order: the inverted-index path of `candidates.ts`
 * sums the same products in the same order, so both give the same bits.
 */
export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) {
      dot += a.weights[i] * b.weights[j];
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** Jaccard overlap from the size of the intersection and of both sets. */
export const jaccard = (shared: number, sizeA: number, sizeB: number) => (shared === 0 ? 0 : shared / (sizeA + sizeB - shared));

/** The score in integer units (millionths) from cosine and Jaccard: the one formula every path uses. */
export function scoreUnits(cos: number, tagOverlap: number, weights: AffinityWeights): number {
  const c = Math.min(1, Math.max(0, cos));
  const A = SCORE_UNIT * weights.text;
  const B = SCORE_UNIT * weights.tags;
  return Math.floor(A * c + B * tagOverlap + 0.5);
}

/**
 * Affinity of `reviewer` for `application`, explained. `model` holds the corpus IDF (build it once per
 * instance with `modelOf`); without it the IDF comes from these two documents only.
 */
export function affinity(application: Application, reviewer: Reviewer, model?: AffinityModel): Affinity {
  const appTerms = terms(applicationText(application));
  const revTerms = terms(reviewerText(reviewer));
  const m = model ?? buildModel([appTerms, revTerms]);
  const va = vectorOf(appTerms, m);
  const vr = vectorOf(revTerms, m);
  const textSimilarity = Math.min(1, Math.max(0, cosine(va, vr)));

  const contributions: [string, number][] = [];
  for (let i = 0, j = 0; i < va.ids.length && j < vr.ids.length; ) {
    if (va.ids[i] === vr.ids[j]) {
      contributions.push([m.termList[va.ids[i]], va.weights[i] * vr.weights[j]]);
      i++;
      j++;
    } else if (va.ids[i] < vr.ids[j]) i++;
    else j++;
  }
  contributions.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));

  const appTags = new Set(application.tags);
  const revTags = new Set(reviewer.tags);
  const sharedTags = [...appTags].filter((t) => revTags.has(t)).sort();
  const tagOverlap = jaccard(sharedTags.length, appTags.size, revTags.size);

  return {
    score: scoreUnits(textSimilarity, tagOverlap, m.weights) / SCORE_UNIT,
    reasons: { sharedTags, sharedTerms: contributions.slice(0, 10).map(([t]) => t), textSimilarity, tagOverlap },
  };
}
