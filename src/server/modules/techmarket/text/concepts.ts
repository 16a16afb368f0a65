import { type ConceptDef, techmarketReference, termKey } from './reference';
import { chineseRuns, plainWords, scriptOf } from './words';

/**
 * Finds the dictionary's concepts in a text of any language. English and Urdu terms are matched as runs of
 * whole words (so "pv" is not found in "pvc"), Urdu words also joined (سافٹ ویئر = سافٹویئر); Chinese terms
 * inside the Chinese runs as written, because jieba may cut a term differently in different sentences
 * (太阳能电池板 → 太阳能 / 电池板). The longest term wins where terms overlap, leftmost first: 太阳能电池 is a
 * solar cell, not a battery (电池) — the wider concepts come back through `broader` instead.
 */
export type ConceptIndex = {
  byCode: Map<string, ConceptDef>;
  /** A word-run key (see `termKey`) → concept. */
  words: Map<string, string>;
  /** The longest word-run of any term. */
  maxWords: number;
  /** First character of a Chinese term → its terms, longest first, with their concept. */
  chinese: Map<string, { term: string; code: string }[]>;
  /** A concept and every concept broader than it, itself first. */
  closure: Map<string, string[]>;
};

export function buildConceptIndex(concepts: ConceptDef[]): ConceptIndex {
  const index: ConceptIndex = { byCode: new Map(), words: new Map(), maxWords: 1, chinese: new Map(), closure: new Map() };
  for (const c of concepts) {
    index.byCode.set(c.code, c);
    for (const term of [...c.terms.en, ...c.terms.ur]) {
      const key = termKey(term);
      if (!key) continue;
      index.words.set(key, c.code);
      index.maxWords = Math.max(index.maxWords, plainWords(term).length);
    }
    for (const term of c.terms.zh) {
      const key = termKey(term);
      const list = index.chinese.get(key[0]) ?? [];
      list.push({ term: key, code: c.code });
      index.chinese.set(key[0], list);
    }
  }
  for (const list of index.chinese.values()) list.sort((a, b) => b.term.length - a.term.length);
  for (const c of concepts) {
    const out: string[] = [];
    const visit = (code: string) => {
      if (out.includes(code)) return;
      out.push(code);
      for (const b of index.byCode.get(code)?.broader ?? []) visit(b);
    };
    visit(c.code);
    index.closure.set(c.code, out);
  }
  return index;
}

let cached: ConceptIndex | undefined;
export const conceptIndex = (): ConceptIndex => (cached ??= buildConceptIndex(techmarketReference().concepts));

const runKey = (run: string[]) => (run.every((w) => scriptOf(w) === 'urdu') ? run.join('') : run.join(' '));

/** The concepts named in the texts (no broader ones), each once, in order of first appearance. */
export function namedConcepts(texts: string[], index: ConceptIndex = conceptIndex()): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    const words = plainWords(text);
    for (let i = 0; i < words.length; ) {
      let step = 1;
      for (let n = Math.min(index.maxWords, words.length - i); n >= 1; n--) {
        const code = index.words.get(runKey(words.slice(i, i + n)));
        if (code) {
          found.add(code);
          step = n;
          break;
        }
      }
      i += step;
    }
    for (const run of chineseRuns(text)) {
      for (let i = 0; i < run.length; ) {
        const hit = index.chinese.get(run[i])?.find((t) => run.startsWith(t.term, i));
        if (hit) found.add(hit.code);
        i += hit ? hit.term.length : 1;
      }
    }
  }
  return [...found];
}

/** The concepts of the texts with the broader ones they imply, each once: what a listing's `concepts` holds. */
export function findConcepts(texts: string[], index: ConceptIndex = conceptIndex()): string[] {
  return expandConcepts(namedConcepts(texts, index), index);
}

export function expandConcepts(codes: string[], index: ConceptIndex = conceptIndex()): string[] {
  const out = new Set<string>();
  for (const c of codes) for (const b of index.closure.get(c) ?? [c]) out.add(b);
  return [...out];
}

/** A concept's label in each language: its first term. */
export function conceptLabels(code: string, index: ConceptIndex = conceptIndex()): Record<string, string> {
  const c = index.byCode.get(code);
  return c ? { en: c.terms.en[0], zh: c.terms.zh[0], ur: c.terms.ur[0] } : { en: code };
}
