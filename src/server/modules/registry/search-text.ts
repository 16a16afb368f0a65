import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { pinyin } from 'pinyin-pro';
import type { Names } from './registry.tables';

// Without the dictionary jieba splits Chinese per character (DESIGN.md, search).
let jieba: Jieba | undefined;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

const normalise = (s: string) => s.normalize('NFKC').toLowerCase();

/** Words of a non-Chinese text: letters and digits of any script (Latin, Arabic-script Urdu …). */
function plainWords(text: string): string[] {
  return normalise(text.replace(CJK_RUN, ' '))
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Chinese words, fine and coarse: 中关村科技园区 → 中关村, 科技, 园区, 中关村科技园区 … */
export function chineseWords(text: string, fine = true): string[] {
  const runs = text.normalize('NFKC').match(CJK_RUN) ?? [];
  const out = new Set<string>();
  for (const run of runs) {
    for (const w of segmenter().cut(run, true)) {
      out.add(w);
      if (fine && w.length > 2) for (const f of finerWords(w)) out.add(f);
    }
  }
  return [...out];
}

// The fine words of a run are its coarse words' own fine words (the 2- and 3-grams jieba's search mode adds
// inside each long word), and long words repeat (有限公司, 智能科技): cut each once. Checked equal to
// cutForSearch of the whole run on the reference data set and 30,000 synthetic names.
const FINE_CACHE_MAX = 100_000;
const fineCache = new Map<string, string[]>();
function finerWords(word: string): string[] {
  let words = fineCache.get(word);
  if (!words) {
    words = segmenter().cutForSearch(word, true);
    if (fineCache.size >= FINE_CACHE_MAX) fineCache.clear();
    fineCache.set(word, words);
  }
  return words;
}

// Pinyin of a word never changes and names repeat their words (城市, 科技, 有限公司): keep what was computed.
const PINYIN_CACHE_MAX = 100_000;
const pinyinCache = new Map<string, string[]>();
function syllablesOf(word: string): string[] {
  let syllables = pinyinCache.get(word);
  if (!syllables) {
    syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
    if (pinyinCache.size >= PINYIN_CACHE_MAX) pinyinCache.clear();
    pinyinCache.set(word, syllables);
  }
  return syllables;
}

function pinyinOfWords(words: string[]): string[] {
  const out = new Set<string>();
  for (const word of words) {
    const syllables = syllablesOf(word);
    out.add(syllables.join(''));
    for (const s of syllables) out.add(s);
  }
  return [...out];
}

/** Pinyin of each Chinese word (中关村 → zhongguancun) and its syllables, so Latin queries find Chinese names. */
export function pinyinWords(text: string): string[] {
  return pinyinOfWords(chineseWords(text));
}

/** Every lexeme an entity is found by: its names' words, Chinese segmented once, with their pinyin. */
export function indexTerms(names: Names, extra: (string | null | undefined)[] = []): string[] {
  const texts = [names.en, names.zh, names.ur, ...extra].filter((t): t is string => !!t);
  const terms = new Set<string>();
  for (const t of texts) {
    for (const w of plainWords(t)) terms.add(w);
    if (CJK.test(t)) {
      const chinese = chineseWords(t);
      for (const w of chinese) terms.add(w);
      for (const w of pinyinOfWords(chinese)) terms.add(w);
    }
  }
  return [...terms];
}

/**
 * How well a name answers a query, among hits full text already found: the whole name typed scores most,
 * then a name that starts with or contains the query as typed, then one with a corrected word (by its
 * similarity), and shorter names (fewer other words, in the most concise of its scripts) before longer ones. Computed in the application
 * over at most a few hundred hits: trigram similarity in SQL over each hit's names cost more than the search.
 */
export function nameScore(names: Names, q: string, corrections: Map<string, number> = new Map()): number {
  const query = normalise(q).replace(/\s+/g, ' ').trim();
  const forms = [names.en, names.zh, names.ur].filter((t): t is string => !!t).map((t) => normalise(t));
  let score = 0;
  if (forms.some((f) => f === query)) score += 2;
  if (forms.some((f) => f.startsWith(query))) score += 0.5;
  else if (forms.some((f) => f.includes(query))) score += 0.25;
  let best = 0;
  if (corrections.size) {
    const words = new Set(forms.flatMap((f) => plainWords(f)));
    for (const [word, sim] of corrections) if (sim > best && words.has(word)) best = sim;
  }
  score += best;
  // The most concise form of the name, in any script: 中关村科技园区 is two words (中关村, 科技园区), 中关村创业大街 three.
  const words = Math.min(
    plainWords(names.en).length,
    names.zh ? chineseWords(names.zh, false).length + plainWords(names.zh).length : Number.POSITIVE_INFINITY,
    names.ur ? plainWords(names.ur).length : Number.POSITIVE_INFINITY,
  );
  return score + 1 / (2 + words);
}

/**
 * A tsquery literal built from the query's words (never parsed by a text-search dictionary,
 * so Chinese and Urdu survive as typed). The last word matches as a prefix, as people type.
 */
export function queryTerms(q: string): string[] {
  const words = [...chineseWords(q, false), ...plainWords(q)];
  return [...new Set(words)];
}

/** A lexeme quoted for a tsquery literal. */
export const quoteLexeme = (w: string) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;

export function toTsQuery(terms: string[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((w, i) => (i === terms.length - 1 && w.length >= 2 ? `${quoteLexeme(w)}:*` : quoteLexeme(w))).join(' & ');
}

/** Splits a display name into matched and unmatched segments for highlighting. */
export function highlight(text: string, terms: string[]): { text: string; match: boolean }[] {
  const needles = terms.filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  if (needles.length === 0) return [{ text, match: false }];
  const lower = text.normalize('NFKC').toLowerCase();
  const marks = new Array<boolean>(text.length).fill(false);
  for (const n of needles) {
    for (let at = lower.indexOf(n); at >= 0; at = lower.indexOf(n, at + 1)) marks.fill(true, at, at + n.length);
  }
  const segments: { text: string; match: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.match === marks[i]) last.text += text[i];
    else segments.push({ text: text[i], match: marks[i] });
  }
  return segments;
}
