/**
 * Report PDFs: A4, the title on the first page, the report title in the top
 * margin of the others, the footer and "page n of N" at the bottom of every
 * page. Urdu reports run right to left: text right-aligned, table columns from
 * the right, bar labels on the right.
 *
 * pdfkit only draws here: every line is laid out by text-layout.ts and drawn as
 * pieces (one font, one direction each) at explicit positions, so pdfkit's own
 * line wrapping and page breaking are never used.
 */
import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { type Direction, type Face, fontOf, preload, shape } from './fonts';
import { facesOf, layoutText, lineHeight, linesHeight, measureText, type TextLine, type TextStyle } from './text-layout';
import type { ReportBlock, ReportDoc } from './types';

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 56;
const MARGIN_TOP = 58;
const FOOTER_BOTTOM = 30;

const COLOR = {
  text: '#1f2328',
  muted: '#59636e',
  accent: '#1f4e79',
  rule: '#d0d7de',
  ruleStrong: '#8c959f',
  headerFill: '#e7edf3',
  zebra: '#f6f8fa',
  bar: '#3b6ea8',
};

const STYLE = {
  title: { size: 19, weight: 700 },
  subtitle: { size: 11, weight: 400 },
  heading: { size: 13, weight: 700 },
  body: { size: 10, weight: 400 },
  cellHead: { size: 9, weight: 700 },
  cell: { size: 9, weight: 400 },
  cellNumber: { size: 9, weight: 400, features: ['tnum'] },
  caption: { size: 8.5, weight: 400 },
  barTitle: { size: 10.5, weight: 700 },
  small: { size: 7.5, weight: 400 },
} satisfies Record<string, TextStyle>;

const LANG_TAG: Record<ReportDoc['lang'], string> = { en: 'en', zh: 'zh-CN', ur: 'ur' };

function pageLabel(lang: ReportDoc['lang'], n: number, total: number): string {
  if (lang === 'zh') return `第 ${n} 页，共 ${total} 页`;
  if (lang === 'ur') return `صفحہ ${n} از ${total}`;
  return `Page ${n} of ${total}`;
}

type Align = 'start' | 'end' | 'center';

/** A pdfkit font source per face: the process-wide fontkit font behind a proxy whose `layout` shapes in the direction asked for. */
type Handle = { key: string; src: unknown; state: { direction: Direction } };

function makeHandle(face: Face): Handle {
  const font = fontOf(face);
  const state = { direction: 'ltr' as Direction };
  // pdfkit scales the positions it gets in place, so it gets copies of the cached run.
  const layout = (text: string, features?: string[]) => {
    const run = shape(face, text, state.direction, features ?? []);
    const positions = run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((w, p) => w + p.xAdvance, 0);
      },
    };
  };
  const src = new Proxy(font, {
    get(target: Font, prop: string | symbol) {
      if (prop === 'layout') return layout;
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { key: `seedbed-${face.id}`, src, state };
}

/**
 * Text extraction (copy, search, pdftotext) goes through each font's ToUnicode map, one entry per embedded
 * glyph. Noto Naskh draws a dotted letter as a dotless base plus dot glyphs, so one base glyph stands for
 * several letters (ر and ز both use the glyph of ر), and pdfkit maps it to whichever came first. Two
 * patches, both on private internals and skipped if those are not there:
 * - fontkit caches one Glyph object per glyph id with the code points it first had; `getGlyph` here hands
 *   back a copy carrying the code points it is asked for (`withOwnCodePoints`, on the cached fontkit font);
 * - pdfkit's per-document font embeds a glyph once more for each other letter it stands for, so every
 *   embedded glyph has one right ToUnicode entry (dot glyphs map to nothing).
 */
type PdfkitFont = {
  layout(text: string, features?: string[]): { glyphs: { id: number; codePoints: number[]; advanceWidth: number }[]; positions: unknown[] };
  subset?: { glyphs: number[]; mapping: Record<number, number>; includeGlyph(id: number): number };
  widths?: number[];
  unicode?: number[][];
  scale?: number;
  encode?: unknown;
};
const patchedFonts = new WeakSet<object>();

function keepTextExtractable(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: PdfkitFont })._font;
  if (!font || patchedFonts.has(font)) return;
  patchedFonts.add(font);
  const { subset, widths, unicode, scale } = font;
  if (!subset?.mapping || !Array.isArray(subset.glyphs) || !widths || !unicode || typeof scale !== 'number' || typeof font.encode !== 'function') return;
  const byLetters = new Map<string, number>();
  font.encode = (text: string, features?: string[]) => {
    const { glyphs, positions } = font.layout(text, features);
    const encoded: string[] = [];
    for (const glyph of glyphs) {
      const key = `${glyph.id}:${glyph.codePoints.join(',')}`;
      let gid = byLetters.get(key);
      if (gid === undefined) {
        if (subset.mapping[glyph.id] === undefined) gid = subset.includeGlyph(glyph.id);
        else {
          subset.glyphs.push(glyph.id);
          gid = subset.glyphs.length - 1;
        }
        byLetters.set(key, gid);
        widths[gid] ??= glyph.advanceWidth * scale;
        unicode[gid] ??= glyph.codePoints;
      }
      encoded.push(`0000${gid.toString(16)}`.slice(-4));
    }
    return [encoded, positions];
  };
}

class Writer {
  readonly doc: PDFKit.PDFDocument;
  readonly base: Direction;
  readonly left = MARGIN_X;
  readonly right = PAGE_W - MARGIN_X;
  readonly top = MARGIN_TOP;
  bottom = PAGE_H - 60;
  y = MARGIN_TOP;
  private handles = new Map<string, Handle>();

  constructor(
    doc: PDFKit.PDFDocument,
    readonly rtl: boolean,
  ) {
    this.doc = doc;
    this.base = rtl ? 'rtl' : 'ltr';
  }

  get width(): number {
    return this.right - this.left;
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    this.y = this.top;
  }

  /** Starts a new page unless `height` fits below the cursor. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top + 0.5) this.newPage();
  }

  layout(text: string, style: TextStyle, width: number): TextLine[] {
    return layoutText(text, style, width, this.base);
  }

  /** The x of a line of `width` aligned in [x, x + boxWidth]. */
  alignX(x: number, boxWidth: number, width: number, align: Align): number {
    if (align === 'center') return x + (boxWidth - width) / 2;
    const left = (align === 'start') !== this.rtl;
    return left ? x : x + boxWidth - width;
  }

  /** Draws one line whose box top is `top`; returns the line's height. */
  drawLine(line: TextLine, style: TextStyle, x: number, top: number, color: string): number {
    const baseline = top + line.ascent;
    let cx = x;
    for (const piece of line.pieces) {
      let h = this.handles.get(piece.face.id);
      if (!h) {
        h = makeHandle(piece.face);
        this.handles.set(piece.face.id, h);
      }
      h.state.direction = piece.direction;
      this.doc
        .font(h.src as string, h.key)
        .fontSize(style.size * piece.face.scale)
        .fillColor(color);
      keepTextExtractable(this.doc);
      this.doc.text(piece.text, cx, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        features: (style.features ?? []) as PDFKit.Mixins.OpenTypeFeatures[],
        textWidth: piece.width,
      } as PDFKit.Mixins.TextOptions);
      cx += piece.width;
    }
    return lineHeight(line, 1);
  }

  /** Draws lines in a box from `top`, returns the height used. */
  drawLines(lines: TextLine[], style: TextStyle, x: number, boxWidth: number, top: number, align: Align, color: string): number {
    let y = top;
    for (const line of lines) y += this.drawLine(line, style, this.alignX(x, boxWidth, line.width, align), y, color);
    return y - top;
  }

  /** Flowing text at the cursor, breaking pages between lines. */
  flow(lines: TextLine[], style: TextStyle, align: Align, color: string): void {
    for (const line of lines) {
      this.ensure(lineHeight(line, 1));
      this.y += this.drawLine(line, style, this.alignX(this.left, this.width, line.width, align), this.y, color);
    }
  }

  rule(y: number, color: string, width = 0.6, x0 = this.left, x1 = this.right): void {
    this.doc.save().moveTo(x0, y).lineTo(x1, y).lineWidth(width).strokeColor(color).stroke().restore();
  }

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.doc.save().rect(x, y, w, h).fillColor(color).fill().restore();
  }
}

// ---------------------------------------------------------------------------
// Blocks.

function heading(w: Writer, text: string): void {
  const lines = w.layout(text, STYLE.heading, w.width);
  const h = linesHeight(lines, 1);
  if (w.y > w.top + 0.5) w.y += 10;
  w.ensure(h + 40); // keep a heading with the start of what follows
  w.flow(lines, STYLE.heading, 'start', COLOR.accent);
  w.y += 4;
}

function paragraph(w: Writer, text: string): void {
  w.flow(w.layout(text, STYLE.body, w.width), STYLE.body, 'start', COLOR.text);
  w.y += 8;
}

type Column = { align: Align; head?: string; style: TextStyle; color: string; width?: number };

/** Column widths: natural widths when they fit (stretched to the full width), else minimum widths plus a share of the rest. */
function columnWidths(w: Writer, columns: Column[], rows: string[][], padX: number): number[] {
  const natural = columns.map(() => 0);
  const minimum = columns.map(() => 0);
  const note = (i: number, text: string, style: TextStyle) => {
    const m = measureText(text, style, w.base);
    natural[i] = Math.max(natural[i], m.natural + 2 * padX);
    minimum[i] = Math.max(minimum[i], m.minimum + 2 * padX);
  };
  columns.forEach((c, i) => {
    if (c.head) note(i, c.head, STYLE.cellHead);
  });
  for (const row of rows) {
    columns.forEach((c, i) => {
      note(i, row[i] ?? '', c.style);
    });
  }
  const avail = w.width;
  const fixed = columns.map((c) => c.width);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (fixed.every((f) => f !== undefined)) return fixed as number[];
  const totalNatural = sum(natural);
  if (totalNatural <= avail) return natural.map((n) => n + (avail - totalNatural) * (n / totalNatural || 1 / columns.length));
  const totalMin = sum(minimum);
  if (totalMin >= avail) return minimum.map((m) => (m * avail) / totalMin);
  // Water-filling: a column narrower than an equal share of what is left gets its natural width (a short
  // name stays on one line); the columns left share the rest equally.
  const widths = natural.map(() => 0);
  let open = columns.map((_, i) => i);
  let remaining = avail;
  for (;;) {
    const share = remaining / open.length;
    const settled = open.filter((i) => natural[i] <= share);
    if (settled.length === 0) {
      for (const i of open) widths[i] = share;
      break;
    }
    for (const i of settled) {
      widths[i] = natural[i];
      remaining -= natural[i];
    }
    open = open.filter((i) => natural[i] > share);
    if (open.length === 0) break;
  }
  // No column narrower than its longest word: take the difference from the columns that have room.
  const deficit = sum(widths.map((wd, i) => Math.max(0, minimum[i] - wd)));
  if (deficit > 0) {
    const room = widths.map((wd, i) => Math.max(0, wd - minimum[i]));
    const totalRoom = sum(room);
    return widths.map((wd, i) => (wd < minimum[i] ? minimum[i] : wd - (deficit * room[i]) / totalRoom));
  }
  return widths;
}

function table(w: Writer, columns: Column[], rows: string[][], opts: { header: boolean; zebra: boolean; caption?: string; widths?: number[] }): void {
  if (columns.length === 0) return;
  const padX = 5;
  const padY = 3.5;
  const widths = opts.widths ?? columnWidths(w, columns, rows, padX);
  const colX = (i: number) => {
    let before = 0;
    for (let k = 0; k < i; k++) before += widths[k];
    return w.rtl ? w.right - before - widths[i] : w.left + before;
  };
  const head = opts.header ? columns.map((c, i) => w.layout(c.head ?? '', STYLE.cellHead, widths[i] - 2 * padX)) : [];
  const headH = opts.header ? Math.max(...head.map((l) => linesHeight(l, 1))) + 2 * padY : 0;
  const body = rows.map((row) => columns.map((c, i) => w.layout(row[i] ?? '', c.style, widths[i] - 2 * padX)));

  const drawHeader = () => {
    if (!opts.header) return;
    w.fillRect(w.left, w.y, w.width, headH, COLOR.headerFill);
    columns.forEach((c, i) => {
      w.drawLines(head[i], STYLE.cellHead, colX(i) + padX, widths[i] - 2 * padX, w.y + padY, c.align, COLOR.text);
    });
    w.y += headH;
    w.rule(w.y, COLOR.ruleStrong, 0.8);
  };

  // Keep the caption, the header row and the first line of the first row together.
  const captionLines = opts.caption ? w.layout(opts.caption, STYLE.caption, w.width) : [];
  const firstLine = body.length ? Math.max(...body[0].map((cell) => (cell[0] ? lineHeight(cell[0], 1) : 0))) + 2 * padY : 0;
  w.ensure(linesHeight(captionLines, 1) + (captionLines.length ? 3 : 0) + headH + firstLine);
  if (captionLines.length) {
    w.flow(captionLines, STYLE.caption, 'start', COLOR.muted);
    w.y += 3;
  }
  drawHeader();
  let freshAfterHeader = false;
  const nextPage = () => {
    w.newPage();
    drawHeader();
    freshAfterHeader = true;
  };

  body.forEach((cells, r) => {
    const cursor = cells.map(() => 0);
    for (;;) {
      const rest = cells.map((lines, i) => linesHeight(lines.slice(cursor[i]), 1));
      const need = Math.max(0, ...rest) + 2 * padY;
      const room = w.bottom - w.y;
      let take: number[];
      if (need <= room) {
        take = cells.map((lines, i) => lines.length - cursor[i]);
      } else if (!freshAfterHeader && need <= w.bottom - w.top - headH) {
        nextPage();
        continue;
      } else {
        // Taller than the room left: split the row between lines.
        take = cells.map((lines, i) => {
          let h = 0;
          let n = 0;
          while (cursor[i] + n < lines.length && h + lineHeight(lines[cursor[i] + n], 1) <= room - 2 * padY) h += lineHeight(lines[cursor[i] + n++], 1);
          return n;
        });
        if (take.every((n) => n === 0)) {
          if (!freshAfterHeader) {
            nextPage();
            continue;
          }
          take = cells.map((lines, i) => (cursor[i] < lines.length ? 1 : 0)); // a line taller than a page: draw it anyway
        }
      }
      const sliceH = Math.max(0, ...cells.map((lines, i) => linesHeight(lines.slice(cursor[i], cursor[i] + take[i]), 1))) + 2 * padY;
      if (opts.zebra && r % 2 === 1) w.fillRect(w.left, w.y, w.width, sliceH, COLOR.zebra);
      columns.forEach((c, i) => {
        w.drawLines(cells[i].slice(cursor[i], cursor[i] + take[i]), c.style, colX(i) + padX, widths[i] - 2 * padX, w.y + padY, c.align, c.color);
        cursor[i] += take[i];
      });
      w.y += sliceH;
      freshAfterHeader = false;
      w.rule(w.y, COLOR.rule, 0.5);
      if (cells.every((lines, i) => cursor[i] >= lines.length)) break;
      nextPage();
    }
  });
  w.y += 10;
}

function keyValues(w: Writer, items: { label: string; value: string }[]): void {
  const padX = 5;
  let labelW = 0;
  for (const it of items) labelW = Math.max(labelW, measureText(it.label, STYLE.cell, w.base).natural + 2 * padX);
  labelW = Math.min(Math.max(labelW, 60), w.width * 0.4);
  const columns: Column[] = [
    { align: 'start', style: STYLE.cell, color: COLOR.muted, width: labelW },
    { align: 'start', style: { size: 9.5, weight: 400 }, color: COLOR.text, width: w.width - labelW },
  ];
  table(
    w,
    columns,
    items.map((it) => [it.label, it.value]),
    { header: false, zebra: false, widths: [labelW, w.width - labelW] },
  );
}

function validColor(c: string | undefined): string {
  return c && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(c) ? c : COLOR.bar;
}

function bars(w: Writer, block: Extract<ReportBlock, { kind: 'bars' }>): void {
  const titleLines = block.title ? w.layout(block.title, STYLE.barTitle, w.width) : [];
  const labelStyle = STYLE.cell;
  const valueStyle = STYLE.cellNumber;
  let labelW = 0;
  let valueW = 0;
  for (const it of block.items) {
    labelW = Math.max(labelW, measureText(it.label, labelStyle, w.base).natural);
    valueW = Math.max(valueW, measureText(it.display, valueStyle, w.base).natural);
  }
  labelW = Math.min(Math.max(labelW, 40), w.width * 0.34);
  const gap = 8;
  const barArea = Math.max(40, w.width - labelW - gap - 6 - valueW);
  const max = Math.max(0, ...block.items.map((it) => (Number.isFinite(it.value) ? it.value : 0)));
  const barH = 10;
  const rows = block.items.map((it) => {
    const label = w.layout(it.label, labelStyle, labelW);
    const value = w.layout(it.display, valueStyle, 1e6)[0];
    const h = Math.max(linesHeight(label, 1), lineHeight(value, 1), barH + 2) + 5;
    return { it, label, value, h };
  });
  w.ensure(linesHeight(titleLines, 1) + 4 + (rows[0]?.h ?? 0));
  if (titleLines.length) {
    w.flow(titleLines, STYLE.barTitle, 'start', COLOR.text);
    w.y += 4;
  }
  const axis = w.rtl ? w.right - labelW - gap : w.left + labelW + gap;
  for (const row of rows) {
    w.ensure(row.h);
    const top = w.y;
    const mid = top + row.h / 2;
    const labelH = linesHeight(row.label, 1);
    const labelX = w.rtl ? w.right - labelW : w.left;
    w.drawLines(row.label, labelStyle, labelX, labelW, mid - labelH / 2, 'end', COLOR.text);
    const v = Number.isFinite(row.it.value) ? Math.max(0, row.it.value) : 0;
    let len = max > 0 ? (v / max) * barArea : 0;
    if (v > 0 && len < 1) len = 1;
    if (len > 0) w.fillRect(w.rtl ? axis - len : axis, mid - barH / 2, len, barH, validColor(row.it.color));
    const valueH = lineHeight(row.value, 1);
    const vx = w.rtl ? axis - len - 4 - row.value.width : axis + len + 4;
    w.drawLine(row.value, valueStyle, vx, mid - valueH / 2, COLOR.muted);
    w.doc
      .save()
      .moveTo(axis, top)
      .lineTo(axis, top + row.h)
      .lineWidth(0.6)
      .strokeColor(COLOR.ruleStrong)
      .stroke()
      .restore();
    w.y += row.h;
  }
  w.y += 10;
}

// ---------------------------------------------------------------------------

function preloadFor(doc: ReportDoc): Promise<void> {
  const faces = new Set<Face>();
  const add = (text: string | undefined, weight: 400 | 700) => {
    if (text) facesOf(text, weight, faces);
  };
  add(`${doc.title} `, 700);
  add(`${doc.title} ${doc.subtitle ?? ''} ${doc.footer ?? ''} ${pageLabel(doc.lang, 1234567890, 0)}`, 400);
  for (const b of doc.blocks) {
    if (b.kind === 'heading') add(b.text, 700);
    else if (b.kind === 'paragraph') add(b.text, 400);
    else if (b.kind === 'keyValues') for (const it of b.items) add(`${it.label} ${it.value}`, 400);
    else if (b.kind === 'table') {
      for (const c of b.columns) add(c.label, 700);
      add(b.caption, 400);
      for (const row of b.rows) for (const cell of row) add(cell, 400);
    } else if (b.kind === 'bars') {
      add(b.title, 700);
      for (const it of b.items) add(`${it.label} ${it.display}`, 400);
    }
  }
  return preload(faces);
}

export async function renderPdf(report: ReportDoc): Promise<Buffer> {
  await preloadFor(report);
  const rtl = report.lang === 'ur';
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    bufferPages: true,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    lang: LANG_TAG[report.lang],
    displayTitle: true,
    info: { Title: report.title, Subject: report.subtitle ?? '', Creator: 'Seedbed', Producer: 'Seedbed report renderer (pdfkit)' },
  });
  if (rtl) {
    // Tell viewers the reading order (two-page spreads, scroll direction).
    const prefs = (doc as unknown as { _root?: { data?: { ViewerPreferences?: { data?: Record<string, unknown> } } } })._root?.data?.ViewerPreferences?.data;
    if (prefs) prefs.Direction = 'R2L';
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const w = new Writer(doc, rtl);
  const footerW = w.width * 0.7;
  const footerLines = report.footer ? w.layout(report.footer, STYLE.small, footerW) : [];
  const footerH = Math.max(linesHeight(footerLines, 1), 10);
  const footerTop = PAGE_H - FOOTER_BOTTOM - footerH;
  w.bottom = footerTop - 16;

  w.newPage();
  w.flow(w.layout(report.title, STYLE.title, w.width), STYLE.title, 'start', COLOR.accent);
  if (report.subtitle) {
    w.y += 2;
    w.flow(w.layout(report.subtitle, STYLE.subtitle, w.width), STYLE.subtitle, 'start', COLOR.muted);
  }
  w.y += 6;
  w.rule(w.y, COLOR.accent, 1.2);
  w.y += 14;

  for (const block of report.blocks) {
    switch (block.kind) {
      case 'heading':
        heading(w, block.text);
        break;
      case 'paragraph':
        paragraph(w, block.text);
        break;
      case 'keyValues':
        keyValues(w, block.items);
        break;
      case 'table':
        table(
          w,
          block.columns.map((c) => ({
            head: c.label,
            align: c.align === 'end' ? 'end' : 'start',
            style: c.align === 'end' ? STYLE.cellNumber : STYLE.cell,
            color: COLOR.text,
          })),
          block.rows,
          { header: true, zebra: true, caption: block.caption },
        );
        break;
      case 'bars':
        bars(w, block);
        break;
    }
  }

  // Running title, footer and page numbers, now that the page count is known.
  const range = doc.bufferedPageRange();
  const total = range.count;
  const runningTitle = w.layout(report.title, STYLE.small, w.width * 0.7).slice(0, 1);
  for (let i = 0; i < total; i++) {
    doc.switchToPage(range.start + i);
    if (i > 0 && runningTitle.length) {
      w.drawLine(runningTitle[0], STYLE.small, w.alignX(w.left, w.width, runningTitle[0].width, 'start'), 30, COLOR.muted);
    }
    w.rule(footerTop - 6, COLOR.rule, 0.5);
    w.drawLines(footerLines, STYLE.small, w.rtl ? w.right - footerW : w.left, footerW, footerTop, 'start', COLOR.muted);
    const label = w.layout(pageLabel(report.lang, i + 1, total), STYLE.small, w.width)[0];
    w.drawLine(label, STYLE.small, w.alignX(w.left, w.width, label.width, 'end'), footerTop, COLOR.muted);
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
