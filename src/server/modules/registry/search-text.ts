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
    for (const w of segmenter().cut(run, true)) out.add(w);
    if (fine) for (const w of segmenter().cutForSearch(run, true)) out.add(w);
  }
  return [...out];
}

/** Pinyin of each Chinese word (中关村 → zhongguancun) and its syllables, so Latin queries find Chinese names. */
export function pinyinWords(text: string): string[] {
  const out = new Set<string>();
  for (const word of chineseWords(text)) {
    const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
    out.add(syllables.join(''));
    for (const s of syllables) out.add(s);
  }
  return [...out];
}

/** Every lexeme an entity is found by. */
export function indexTerms(names: Names, extra: (string | null | undefined)[] = []): string[] {
  const texts = [names.en, names.zh, names.ur, ...extra].filter((t): t is string => !!t);
  const terms = new Set<string>();
  for (const t of texts) {
    for (const w of plainWords(t)) terms.add(w);
    if (CJK.test(t)) {
      for (const w of chineseWords(t)) terms.add(w);
      for (const w of pinyinWords(t)) terms.add(w);
    }
  }
  return [...terms];
}

/** The names run together, for trigram similarity: catches misspellings of Latin names and pinyin. */
export function fuzzyText(names: Names, extra: (string | null | undefined)[] = []): string {
  const texts = [names.en, names.zh, names.ur, ...extra].filter((t): t is string => !!t);
  const pinyinText = texts.filter((t) => CJK.test(t)).flatMap((t) => pinyinWords(t).filter((w) => w.length > 3));
  return normalise([...texts, ...pinyinText].join(' '));
}

/**
 * A tsquery literal built from the query's words (never parsed by a text-search dictionary,
 * so Chinese and Urdu survive as typed). The last word matches as a prefix, as people type.
 */
export function queryTerms(q: string): string[] {
  const words = [...chineseWords(q, false), ...plainWords(q)];
  return [...new Set(words)];
}

export function toTsQuery(terms: string[]): string | null {
  if (terms.length === 0) return null;
  const quote = (w: string) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
  return terms.map((w, i) => (i === terms.length - 1 && w.length >= 2 ? `${quote(w)}:*` : quote(w))).join(' & ');
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
