/**
 * The bundled fonts of the PDF renderer and the choice of one per character.
 *
 * Two @fontsource packages, both split into unicode-range subsets as a browser
 * would load them:
 * - Noto Sans SC: Latin, Latin Extended, Cyrillic, Vietnamese and ~100 numbered
 *   Han subsets. Its Latin is used for all Latin text, so the three languages look
 *   alike.
 * - Noto Naskh Arabic: the Arabic-script subset (Urdu), plus its Latin Extended,
 *   math and symbol subsets as fallbacks.
 *
 * A subset file is read and parsed once per process, on first use. The `.woff`
 * files are used, not `.woff2`: fontkit reads WOFF2 but its TrueType subsetter
 * copies glyphs through the `loca`/`glyf` tables, which WOFF2 stores transformed
 * (embedding a WOFF2 subset throws a RangeError in fontkit's TTFSubset). And the WOFF is unpacked to plain
 * TrueType here with Node's zlib before fontkit sees it: fontkit's own inflater
 * (tiny-inflate) rejects some of these tables as a "Data error" (the `cmap` of
 * Noto Sans SC subset 101, for one), which fontkit swallows, leaving a font
 * without a character map.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import * as fontkit from 'fontkit';

export type Weight = 400 | 700;

export type Face = {
  /** Unique per file, e.g. `sc-117-400`; also the key pdfkit caches the font under. */
  id: string;
  family: 'sc' | 'naskh';
  subset: string;
  weight: Weight;
  file: string;
  /** Sorted, merged [first, last] code point ranges this file covers. */
  ranges: [number, number][];
  /** The Arabic-script face: shaped by fontkit with script `arab`. */
  arabic: boolean;
  /** Size relative to the text's size: Naskh at the same size looks smaller than Noto Sans. */
  scale: number;
};

const NASKH_SCALE = 1.1;

type Range = [number, number];

export function parseUnicodeRange(css: string): Range[] {
  const ranges: Range[] = [];
  for (const part of css.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    if (m[1].includes('?')) {
      ranges.push([Number.parseInt(m[1].replaceAll('?', '0'), 16), Number.parseInt(m[1].replaceAll('?', 'f'), 16)]);
    } else {
      const a = Number.parseInt(m[1], 16);
      ranges.push([a, m[2] ? Number.parseInt(m[2], 16) : a]);
    }
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function inRanges(ranges: Range[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (cp < r[0]) hi = mid - 1;
    else if (cp > r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  try {
    // The package's "exports" only expose CSS; its index.css sits at the package root.
    return path.dirname(require.resolve(name));
  } catch {
    return path.join(process.cwd(), 'node_modules', name);
  }
}

type Catalog = { byWeight: Record<Weight, Face[]> };
let catalog: Catalog | null = null;

/** The order in which subsets are tried for a character. */
function buildCatalog(): Catalog {
  const scDir = packageDir('@fontsource/noto-sans-sc');
  const naskhDir = packageDir('@fontsource/noto-naskh-arabic');
  const sc = JSON.parse(fs.readFileSync(path.join(scDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const naskh = JSON.parse(fs.readFileSync(path.join(naskhDir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const byWeight = {} as Record<Weight, Face[]>;
  for (const weight of [400, 700] as Weight[]) {
    const faces: Face[] = [];
    const add = (family: Face['family'], key: string, ranges: string) => {
      const subset = key.replace(/^\[(\d+)\]$/, '$1');
      const pkg = family === 'sc' ? 'noto-sans-sc' : 'noto-naskh-arabic';
      const dir = family === 'sc' ? scDir : naskhDir;
      faces.push({
        id: `${family}-${subset}-${weight}`,
        family,
        subset,
        weight,
        file: path.join(dir, 'files', `${pkg}-${subset}-${weight}-normal.woff`),
        ranges: parseUnicodeRange(ranges),
        arabic: family === 'naskh' && subset === 'arabic',
        scale: family === 'naskh' && subset === 'arabic' ? NASKH_SCALE : 1,
      });
    };
    if (naskh.arabic) add('naskh', 'arabic', naskh.arabic);
    for (const key of ['latin', 'latin-ext', 'cyrillic', 'vietnamese']) if (sc[key]) add('sc', key, sc[key]);
    for (const [key, ranges] of Object.entries(sc)) if (/^\[\d+\]$/.test(key)) add('sc', key, ranges);
    for (const key of ['latin-ext', 'math', 'symbols']) if (naskh[key]) add('naskh', key, naskh[key]);
    byWeight[weight] = faces;
  }
  return { byWeight };
}

function getCatalog(): Catalog {
  catalog ??= buildCatalog();
  return catalog;
}

const faceForCpCache: Record<Weight, Map<number, Face>> = { 400: new Map(), 700: new Map() };

/** The face whose unicode range holds `cp`; Noto Sans SC's Latin (showing .notdef) when none does. */
export function faceForCodePoint(cp: number, weight: Weight): Face {
  const cache = faceForCpCache[weight];
  const hit = cache.get(cp);
  if (hit) return hit;
  const faces = getCatalog().byWeight[weight];
  const face = faces.find((f) => inRanges(f.ranges, cp)) ?? defaultFace(weight);
  cache.set(cp, face);
  return face;
}

export function defaultFace(weight: Weight): Face {
  return getCatalog().byWeight[weight].find((f) => f.family === 'sc' && f.subset === 'latin')!;
}

export function arabicFace(weight: Weight): Face {
  return getCatalog().byWeight[weight].find((f) => f.arabic)!;
}

// ---------------------------------------------------------------------------
// Parsed fonts, one per file per process.

const parsed = new Map<string, fontkit.Font>();
const loading = new Map<string, Promise<fontkit.Font>>();

/** WOFF 1.0 to the TrueType/OpenType font it wraps (tables inflated, 4-byte aligned). */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = woff.readUInt32BE(at);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`WOFF table ${tag.toString(16)}: ${data.length} bytes, expected ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  let pow = 1;
  let log = 0;
  while (pow * 2 <= numTables) {
    pow *= 2;
    log++;
  }
  const headerLength = 12 + 16 * numTables;
  let total = headerLength;
  for (const t of tables) total += (t.data.length + 3) & ~3;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(pow * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(numTables * 16 - pow * 16, 10);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

/**
 * fontkit caches one Glyph per id, carrying the code points it was first made for, and a shaped run hands
 * out those cached objects. After Naskh's decomposition one base glyph stands for several letters, so the
 * code points would be wrong; this makes `getGlyph(id, codePoints)` return a copy with the code points asked
 * for (sharing everything else through the prototype). See keepTextExtractable in render.ts.
 */
function withOwnCodePoints(font: fontkit.Font): void {
  const f = font as unknown as { getGlyph?: (id: number, codePoints?: number[]) => fontkit.Glyph };
  const getGlyph = f.getGlyph;
  if (typeof getGlyph !== 'function') return;
  f.getGlyph = function (this: unknown, id: number, codePoints?: number[]) {
    const glyph = getGlyph.call(this, id, codePoints);
    if (!glyph || !codePoints || (glyph.codePoints.length === codePoints.length && glyph.codePoints.every((c, i) => c === codePoints[i]))) return glyph;
    const copy = Object.create(glyph) as fontkit.Glyph;
    Object.defineProperty(copy, 'codePoints', { value: codePoints, enumerable: true });
    return copy;
  };
}

function parse(face: Face, bytes: Buffer): fontkit.Font {
  const font = fontkit.create(woffToSfnt(bytes));
  if (typeof font?.layout !== 'function') throw new Error(`${face.file}: not a single font`);
  withOwnCodePoints(font);
  parsed.set(face.id, font);
  return font;
}

/** The parsed font of a face, read synchronously if no one preloaded it. */
export function fontOf(face: Face): fontkit.Font {
  return parsed.get(face.id) ?? parse(face, fs.readFileSync(face.file));
}

/** Reads and parses the faces not yet in the cache, in parallel. */
export async function preload(faces: Iterable<Face>): Promise<void> {
  const waits: Promise<unknown>[] = [];
  for (const face of faces) {
    if (parsed.has(face.id)) continue;
    let p = loading.get(face.id);
    if (!p) {
      p = fs.promises.readFile(face.file).then((bytes) => parsed.get(face.id) ?? parse(face, bytes));
      loading.set(face.id, p);
      p.finally(() => loading.delete(face.id)).catch(() => {});
    }
    waits.push(p);
  }
  await Promise.all(waits);
}

/** Ids of the faces parsed so far (for tests and diagnostics). */
export function parsedFaceIds(): string[] {
  return [...parsed.keys()];
}

// ---------------------------------------------------------------------------
// Metrics and measuring, in em of the text's size (the face's scale included).

export type Direction = 'ltr' | 'rtl';

export function faceMetrics(face: Face): { ascent: number; descent: number } {
  const f = fontOf(face);
  return { ascent: (face.scale * f.ascent) / f.unitsPerEm, descent: (-face.scale * f.descent) / f.unitsPerEm };
}

export type Shaped = { glyphs: fontkit.Glyph[]; positions: fontkit.GlyphPosition[]; advanceWidth: number };

const shapeCache = new Map<string, Shaped>();
const SHAPE_CACHE_MAX = 50_000;

/**
 * Lays out `text` (logical order) the way the renderer draws it: Arabic script in the direction asked for
 * (`rtl` comes back in visual order), anything else left to right. Cached per process, as text is measured
 * and then drawn; treat the result as read-only.
 */
export function shape(face: Face, text: string, direction: Direction, features: string[] = []): Shaped {
  const key = `${face.id}\u0001${direction}\u0001${features.join(',')}\u0001${text}`;
  const hit = shapeCache.get(key);
  if (hit) return hit;
  const font = fontOf(face);
  const run = face.arabic ? font.layout(text, features, 'arab', undefined, direction) : font.layout(text, features, undefined, undefined, 'ltr');
  const shaped = { glyphs: run.glyphs, positions: run.positions, advanceWidth: run.advanceWidth };
  if (shapeCache.size >= SHAPE_CACHE_MAX) shapeCache.clear();
  shapeCache.set(key, shaped);
  return shaped;
}

/** Advance width of `text` in em. */
export function measure(face: Face, text: string, direction: Direction, features: string[] = []): number {
  if (text.length === 0) return 0;
  return (face.scale * shape(face, text, direction, features).advanceWidth) / fontOf(face).unitsPerEm;
}
