/**
 * Mixed-script text layout: a font per run of characters, the Unicode
 * bidirectional algorithm (bidi-js) for the order of runs, and line breaking
 * measured with the font of each run.
 *
 * A string is split on hard line breaks into paragraphs. For each paragraph:
 * 1. every character gets a face (fonts.ts) and a bidi embedding level;
 * 2. break opportunities are found (after spaces, around Han characters, after
 *    a hyphen or slash inside a word), giving unbreakable units, each measured
 *    as the sum of its (face, level) pieces;
 * 3. units fill lines greedily (a unit wider than the line is cut between
 *    characters);
 * 4. each line's pieces are put in visual order (rule L2: reverse every maximal
 *    sequence at level ≥ k, from the highest level down to the lowest odd one).
 *    An Arabic-script piece at an odd level is handed to fontkit in logical
 *    order with direction `rtl`, so it is shaped (joined forms) and comes back
 *    in visual order; any other piece at an odd level (spaces, punctuation) is
 *    reversed here, with mirrored brackets. Digits are at an even level, so they
 *    stay left to right inside Urdu text.
 *
 * One departure from the bidi algorithm: a number written with separators
 * (2024-12-31, 10:30, 12.5%, 1,284) is kept whole and left to right. Rule W2
 * turns digits after Arabic letters into "Arabic numbers", between which a
 * hyphen or percent sign stays neutral and takes the right-to-left direction,
 * so an Urdu sentence would show a date as 31-12-2024.
 *
 * Explicit bidi controls in the input (LRM/RLM, the isolates U+2066–U+2069, the
 * embeddings) are honoured and not drawn. A caller listing several left-to-right
 * names inside right-to-left text should wrap each in FSI…PDI (see `isolate`),
 * otherwise the algorithm joins them, with the comma between, into one
 * left-to-right run.
 */
import bidiFactory from 'bidi-js';
import { type Direction, type Face, faceForCodePoint, faceMetrics, fontOf, measure, type Weight } from './fonts';

const bidi = bidiFactory();

export type TextStyle = { size: number; weight: Weight; features?: string[] };

/** A run drawn with one font, in visual order; `text` is what to hand to the shaper. */
export type Piece = { face: Face; text: string; direction: Direction; width: number };

export type TextLine = { pieces: Piece[]; width: number; ascent: number; descent: number };

// ---------------------------------------------------------------------------
// Character classes for line breaking.

function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

const NO_BREAK_BEFORE = new Set(
  Array.from(
    ',.;:!?)]}%\u2019\u201d\u2026\u3001\u3002\uff0c\uff0e\uff1b\uff1a\uff1f\uff01\uff09\u300d\u300f\u300b\u3009\u3011\u3015\u30fc\uff5e\u06d4\u060c\u061f\u061b',
    (c) => c.codePointAt(0)!,
  ),
);
const NO_BREAK_AFTER = new Set(Array.from('([{\u2018\u201c\uff08\u300c\u300e\u300a\u3008\u3010\u3014', (c) => c.codePointAt(0)!));
const HYPHENS = new Set([0x2d, 0x2f, 0x2013, 0x2014]);

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x3000;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const NUMBER = /[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,:/\-\u2013\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*[%\u066a]?/gu;

/** Wraps `text` in first-strong isolate marks, so it keeps its own direction and order inside text of the other direction. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Gives every number token one even level (see the header), so it reads left to right as a whole. */
function keepNumbersWhole(text: string, levels: Uint8Array): void {
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    let min = 255;
    let max = 0;
    for (let i = start; i < end; i++) {
      min = Math.min(min, levels[i]);
      max = Math.max(max, levels[i]);
    }
    if (min === max && min % 2 === 0) continue;
    const level = min % 2 === 0 ? min : min + 1;
    for (let i = start; i < end; i++) levels[i] = level;
  }
}
const MARK = /\p{M}/u;

function isMark(cp: number): boolean {
  return cp >= 0x300 && MARK.test(String.fromCodePoint(cp));
}

/** Marks and zero-width joiners/spaces take the font of the character before them. */
function inheritsFace(cp: number): boolean {
  return cp === 0x20 || cp === 0xa0 || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || isMark(cp);
}

function canBreakBefore(prev2: number, prev: number, cp: number): boolean {
  if (isSpace(cp)) return false;
  if (isSpace(prev) || prev === 0x200b) return true;
  if (NO_BREAK_BEFORE.has(cp) || NO_BREAK_AFTER.has(prev) || isMark(cp)) return false;
  if (isCjk(prev) || isCjk(cp)) return true;
  if (HYPHENS.has(prev) && prev2 >= 0 && LETTER_OR_DIGIT.test(String.fromCodePoint(prev2)) && LETTER_OR_DIGIT.test(String.fromCodePoint(cp))) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Itemizing a paragraph.

type Paragraph = {
  text: string;
  levels: Uint8Array;
  embedding: ReturnType<typeof bidi.getEmbeddingLevels>;
  /** Face per UTF-16 index (the trailing half of a surrogate pair repeats its lead's). */
  faces: Face[];
  /** Code point start indices, plus text.length at the end. */
  starts: number[];
  /** Unbreakable units: [start, contentEnd, end) — content then trailing spaces. */
  units: [number, number, number][];
};

function normalize(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((p) => p.replace(/[\t\f\v ]+/g, ' ').trim());
}

const paragraphCache = new Map<string, Paragraph>();
const PARAGRAPH_CACHE_MAX = 20_000;

/** Itemized paragraphs are read-only, so they are cached (a table cell is measured, then laid out). */
function itemize(text: string, weight: Weight, base: Direction): Paragraph {
  const key = `${weight}${base}\u0001${text}`;
  let p = paragraphCache.get(key);
  if (!p) {
    p = itemizeUncached(text, weight, base);
    if (paragraphCache.size >= PARAGRAPH_CACHE_MAX) paragraphCache.clear();
    paragraphCache.set(key, p);
  }
  return p;
}

function itemizeUncached(text: string, weight: Weight, base: Direction): Paragraph {
  const embedding = bidi.getEmbeddingLevels(text, base);
  keepNumbersWhole(text, embedding.levels);
  const faces: Face[] = new Array(text.length);
  const starts: number[] = [];
  const breaks: number[] = [0];
  let prev = -1;
  let prev2 = -1;
  let prevFace: Face | null = null;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let face: Face;
    if (prevFace && prevFace !== faceForCodePoint(cp, weight) && inheritsFace(cp) && fontOf(prevFace).hasGlyphForCodePoint(cp)) face = prevFace;
    else face = faceForCodePoint(cp, weight);
    faces[i] = face;
    if (len === 2) faces[i + 1] = face;
    if (i > 0 && canBreakBefore(prev2, prev, cp)) breaks.push(i);
    starts.push(i);
    prev2 = prev;
    prev = cp;
    prevFace = face;
    i += len;
  }
  starts.push(text.length);
  breaks.push(text.length);
  const units: [number, number, number][] = [];
  for (let k = 0; k + 1 < breaks.length; k++) {
    const a = breaks[k];
    const b = breaks[k + 1];
    if (a >= b) continue;
    let c = b;
    while (c > a && isSpace(text.charCodeAt(c - 1))) c--;
    units.push([a, c, b]);
  }
  return { text, levels: embedding.levels, embedding, faces, starts, units };
}

/** Widths (em) of the logical range [a, b), summed over its (face, level) pieces. */
function measureRange(p: Paragraph, a: number, b: number, features: string[] | undefined): number {
  let width = 0;
  let s = a;
  for (let i = a + 1; i <= b; i++) {
    if (i === b || p.faces[i] !== p.faces[s] || p.levels[i] !== p.levels[s]) {
      const face = p.faces[s];
      const dir: Direction = face.arabic && p.levels[s] % 2 === 1 ? 'rtl' : 'ltr';
      width += measure(face, p.text.slice(s, i), dir, features);
      s = i;
    }
  }
  return width;
}

/** Cuts [a, b) into pieces that each fit `maxEm`, between characters (never before a mark). */
function cutToFit(p: Paragraph, a: number, b: number, maxEm: number, features: string[] | undefined): number[] {
  const cuts: number[] = [];
  let start = a;
  let lastFit = -1;
  for (const i of p.starts) {
    if (i <= start) continue;
    if (i > b) break;
    if (i < b && isMark(p.text.codePointAt(i)!)) continue;
    if (measureRange(p, start, i, features) <= maxEm) {
      lastFit = i;
    } else {
      const cut = lastFit > start ? lastFit : i; // at least one character per line
      cuts.push(cut);
      start = cut;
      lastFit = i > start && measureRange(p, start, i, features) <= maxEm ? i : -1;
    }
  }
  return cuts;
}

const EPS = 1e-6;

/** Logical line ranges [start, end) of a paragraph (trailing spaces excluded). */
function breakLines(p: Paragraph, maxEm: number, features: string[] | undefined): [number, number][] {
  const lines: [number, number][] = [];
  let lineStart = -1;
  let lineEnd = -1;
  let width = 0;
  let pendingSpace = 0;
  for (const [a, c, b] of p.units) {
    let w = measureRange(p, a, c, features);
    if (lineStart >= 0 && width + pendingSpace + w > maxEm + EPS) {
      lines.push([lineStart, lineEnd]);
      lineStart = -1;
    }
    let from = a;
    if (lineStart < 0 && w > maxEm + EPS) {
      for (const cut of cutToFit(p, a, c, maxEm, features)) {
        lines.push([from, cut]);
        from = cut;
      }
      w = measureRange(p, from, c, features);
    }
    if (lineStart < 0) {
      lineStart = from;
      width = w;
    } else {
      width += pendingSpace + w;
    }
    lineEnd = c;
    pendingSpace = c < b ? measureRange(p, c, b, features) : 0;
  }
  if (lineStart >= 0) lines.push([lineStart, lineEnd]);
  return lines;
}

function reverseCodePoints(s: string): string {
  return Array.from(s).reverse().join('');
}

function buildLine(p: Paragraph, s: number, e: number, style: TextStyle): TextLine {
  type Logical = { face: Face; level: number; start: number; end: number };
  const runs: Logical[] = [];
  for (let i = s; i < e; i++) {
    if (BIDI_CONTROL.test(p.text[i])) continue;
    const last = runs[runs.length - 1];
    if (last && last.face === p.faces[i] && last.level === p.levels[i]) last.end = i + 1;
    else runs.push({ face: p.faces[i], level: p.levels[i], start: i, end: i + 1 });
  }
  // L2: from the highest level down to the lowest odd level, reverse every
  // maximal sequence of runs at that level or higher.
  let maxLevel = 0;
  let minOdd = 255;
  for (const r of runs) {
    maxLevel = Math.max(maxLevel, r.level);
    if (r.level % 2 === 1) minOdd = Math.min(minOdd, r.level);
  }
  for (let level = maxLevel; level >= minOdd && level > 0; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j].level >= level) j++;
      const reversed = runs.slice(i, j).reverse();
      runs.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  const mirrored = e > s ? bidi.getMirroredCharactersMap(p.text, p.levels, s, e - 1) : new Map<number, string>();
  const pieces: Piece[] = [];
  for (const r of runs) {
    let text = '';
    for (let i = r.start; i < r.end; i++) text += mirrored.get(i) ?? p.text[i];
    const odd = r.level % 2 === 1;
    let direction: Direction = 'ltr';
    if (odd && r.face.arabic) direction = 'rtl';
    else if (odd) text = reverseCodePoints(text);
    const last = pieces[pieces.length - 1];
    if (last && last.face === r.face && last.direction === 'ltr' && direction === 'ltr') last.text += text;
    else pieces.push({ face: r.face, text, direction, width: 0 });
  }
  let width = 0;
  let ascent = 0;
  let descent = 0;
  for (const piece of pieces) {
    piece.width = measure(piece.face, piece.text, piece.direction, style.features) * style.size;
    width += piece.width;
    const m = faceMetrics(piece.face);
    ascent = Math.max(ascent, m.ascent * style.size);
    descent = Math.max(descent, m.descent * style.size);
  }
  if (pieces.length === 0) {
    const face = p.faces[s] ?? faceForCodePoint(0x20, style.weight);
    const m = faceMetrics(face);
    ascent = m.ascent * style.size;
    descent = m.descent * style.size;
  }
  return { pieces, width, ascent, descent };
}

/** Breaks `text` into lines no wider than `maxWidth` points, each in visual order. */
export function layoutText(text: string, style: TextStyle, maxWidth: number, base: Direction): TextLine[] {
  const out: TextLine[] = [];
  const maxEm = maxWidth / style.size;
  for (const para of normalize(text)) {
    const p = itemize(para, style.weight, base);
    if (p.units.length === 0) {
      out.push(buildLine(p, 0, 0, style));
      continue;
    }
    for (const [s, e] of breakLines(p, maxEm, style.features)) out.push(buildLine(p, s, e, style));
  }
  // One line pitch for the whole text, so a line with Urdu in it does not stand apart.
  const ascent = Math.max(...out.map((l) => l.ascent));
  const descent = Math.max(...out.map((l) => l.descent));
  for (const l of out) {
    l.ascent = ascent;
    l.descent = descent;
  }
  return out;
}

/** Width of the text on one line per paragraph, and of its widest unbreakable unit (points). */
export function measureText(text: string, style: TextStyle, base: Direction): { natural: number; minimum: number } {
  let natural = 0;
  let minimum = 0;
  for (const para of normalize(text)) {
    const p = itemize(para, style.weight, base);
    let width = 0;
    for (let k = 0; k < p.units.length; k++) {
      const [a, c, b] = p.units[k];
      const w = measureRange(p, a, c, style.features);
      minimum = Math.max(minimum, w);
      width += w + (k + 1 < p.units.length ? measureRange(p, c, b, style.features) : 0);
    }
    natural = Math.max(natural, width);
  }
  return { natural: natural * style.size, minimum: minimum * style.size };
}

/** The faces `text` will need at `weight` (for preloading). */
export function facesOf(text: string, weight: Weight, into: Set<Face>): Set<Face> {
  for (const ch of text) into.add(faceForCodePoint(ch.codePointAt(0)!, weight));
  return into;
}

/** Height of a stack of lines. */
export function linesHeight(lines: TextLine[], leading: number): number {
  let h = 0;
  for (const l of lines) h += lineHeight(l, leading);
  return h;
}

export function lineHeight(line: TextLine, leading: number): number {
  return (line.ascent + line.descent) * leading;
}
