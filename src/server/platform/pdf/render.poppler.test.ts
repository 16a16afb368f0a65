/**
 * Checks on the rendered result, through poppler (Debian: poppler-utils). Skipped
 * when pdftotext, pdftoppm or pdffonts is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from './index';
import { pageCount } from './pdf-inspect';
import { sampleReport } from './samples';

const installed = (cmd: string) => !spawnSync(cmd, ['-v'], { stdio: 'ignore' }).error;
const poppler = installed('pdftotext') && installed('pdftoppm') && installed('pdffonts');

const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

describe.skipIf(!poppler)('rendered pages (poppler)', { timeout: 60_000 }, () => {
  let dir = '';
  const write = async (name: string, doc: Parameters<typeof renderPdf>[0]) => {
    const file = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(file, await renderPdf(doc));
    return file;
  };
  const text = (file: string, page?: number) =>
    execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      BIDI_CONTROLS,
      '',
    );

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedbed-pdf-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives back the Chinese, Latin and Urdu text of an Urdu report', async () => {
    const t = text(await write('ur', sampleReport('ur', 12)));
    for (const s of ['中关村科技园区', 'Zhangjiang Hi-Tech Park', 'Karachi Software Technology Park', 'Seedbed', '2024-12-31', '12.5%']) expect(t).toContain(s);
    // Urdu words, dotted letters included (Naskh draws ز as the glyph of ر plus a dot).
    for (const s of ['اختراعی', 'زونز', 'پاکستان', 'ٹیکنالوجی', 'مصنوعی ڈیٹا']) expect(t).toContain(s);
  });

  it('gives back Urdu and Chinese names in an English table', async () => {
    const t = text(await write('en', sampleReport('en', 12)));
    for (const s of ['中关村科技园区', 'لاہور ٹیکنالوجی پارک', 'Zhangjiang Hi-Tech Park', 'SYNTHETIC DATA']) expect(t).toContain(s);
    expect(t).toMatch(/Page 1 of \d/);
  });

  it('repeats the table header on every page of a long table, with the footer and page numbers', async () => {
    const file = await write('long', sampleReport('zh', 150));
    const pages = pageCount(fs.readFileSync(file));
    expect(pages).toBeGreaterThanOrEqual(5);
    for (let p = 1; p <= pages; p++) {
      const t = text(file, p);
      expect(t).toContain(`第 ${p} 页，共 ${pages} 页`);
      expect(t).toContain('合成数据');
      if (p < pages) expect(t).toContain('资金（百万美元）');
    }
  });

  it('embeds every font', async () => {
    const out = execFileSync('pdffonts', [await write('fonts', sampleReport('ur', 12))], { encoding: 'utf8' });
    const rows = out.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(out).toContain('NotoNaskhArabic-Regular');
    expect(out).toContain('NotoSansSC-Regular');
  });

  it('rasterises every page, text starting on the right in Urdu and on the left otherwise', async () => {
    for (const lang of ['en', 'ur'] as const) {
      const file = await write(`raster-${lang}`, sampleReport(lang, 40));
      const pages = pageCount(fs.readFileSync(file));
      const prefix = path.join(dir, `page-${lang}`);
      execFileSync('pdftoppm', ['-gray', '-r', '40', file, prefix]);
      const images = fs.readdirSync(dir).filter((f) => f.startsWith(`page-${lang}`) && f.endsWith('.pgm'));
      expect(images.length).toBe(pages);
      const first = readPgm(path.join(dir, images.sort()[0]));
      // The title line: ink from the left margin in English, up to the right margin in Urdu.
      const margin = Math.round((56 / 72) * 40);
      const band = inkColumns(first, Math.round(first.height * 0.05), Math.round(first.height * 0.12));
      expect(band.length).toBeGreaterThan(0);
      if (lang === 'ur') expect(Math.abs(first.width - margin - band[band.length - 1])).toBeLessThanOrEqual(3);
      else expect(Math.abs(band[0] - margin)).toBeLessThanOrEqual(3);
    }
  });
});

type Gray = { width: number; height: number; data: Buffer };

function readPgm(file: string): Gray {
  const buf = fs.readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${file}: not a binary PGM`);
  return { width: Number(header[1]), height: Number(header[2]), data: buf.subarray(header[0].length) };
}

/** Columns with a dark pixel between rows y0 and y1. */
function inkColumns(img: Gray, y0: number, y1: number): number[] {
  const cols: number[] = [];
  for (let x = 0; x < img.width; x++) {
    for (let y = y0; y < y1; y++) {
      if (img.data[y * img.width + x] < 128) {
        cols.push(x);
        break;
      }
    }
  }
  return cols;
}
