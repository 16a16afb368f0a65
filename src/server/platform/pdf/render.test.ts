import { describe, expect, it } from 'vitest';
import { renderPdf } from './index';
import { infoValue, pageCount, toUnicodeText } from './pdf-inspect';
import { sampleReport } from './samples';
import type { ReportDoc } from './types';

describe('renderPdf', { timeout: 60_000 }, () => {
  it('writes a complete PDF with title and language metadata', async () => {
    for (const lang of ['en', 'zh', 'ur'] as const) {
      const doc = sampleReport(lang, 5);
      const pdf = await renderPdf(doc);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-16).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
      expect(infoValue(pdf, 'Title')).toBe(doc.title);
      const tag = { en: 'en', zh: 'zh-CN', ur: 'ur' }[lang];
      expect(pdf.toString('latin1')).toContain(`/Lang (${tag})`);
      expect(pdf.toString('latin1')).toContain('/DisplayDocTitle true');
      if (lang === 'ur') expect(pdf.toString('latin1')).toContain('/Direction /R2L');
    }
  });

  it('breaks a long table over more pages', async () => {
    const short = pageCount(await renderPdf(sampleReport('en', 5)));
    const long = pageCount(await renderPdf(sampleReport('en', 150)));
    expect(short).toBe(1);
    expect(long).toBeGreaterThanOrEqual(short + 4); // about 30 rows a page
  });

  it('embeds the Noto fonts, subset, and no standard font', async () => {
    const pdf = (await renderPdf(sampleReport('en', 10))).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic-Regular/);
    expect(pdf).toContain('/FontFile2');
    expect(pdf).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    // Han characters come from several unicode-range subsets, each embedded as its own font.
    expect((pdf.match(/\+NotoSansSC-Regular/g) ?? []).length).toBeGreaterThan(2);
  });

  it('carries the text of all three scripts, in every language', async () => {
    for (const lang of ['en', 'zh', 'ur'] as const) {
      const text = toUnicodeText(await renderPdf(sampleReport(lang, 8)));
      for (const ch of '中关村科技园区') expect(text, `${lang}: ${ch}`).toContain(ch);
      for (const ch of 'Zhangjiang') expect(text, `${lang}: ${ch}`).toContain(ch);
      for (const ch of 'لاہورٹیکنالوجیپارک') expect(text, `${lang}: ${ch}`).toContain(ch);
    }
  });

  it('handles empty and odd input', async () => {
    const doc: ReportDoc = {
      lang: 'ur',
      title: '',
      blocks: [
        { kind: 'paragraph', text: '' },
        { kind: 'table', columns: [{ label: 'A' }, { label: 'B', align: 'end' }], rows: [] },
        { kind: 'table', columns: [{ label: 'A' }], rows: [['x', 'extra cell'], []] },
        { kind: 'table', columns: [], rows: [['orphan']] },
        { kind: 'keyValues', items: [] },
        { kind: 'bars', items: [] },
        {
          kind: 'bars',
          title: 'zero, negative, NaN',
          items: [
            { label: 'a', value: 0, display: '0' },
            { label: 'b', value: -3, display: '-3' },
            { label: 'c', value: Number.NaN, display: '—', color: 'not a colour' },
          ],
        },
        { kind: 'heading', text: 'Emoji 😀 and tabs\tand\r\nCRLF' },
      ],
    };
    const pdf = await renderPdf(doc);
    expect(pageCount(pdf)).toBe(1);
  });

  it('renders a 3-page report well under a second once the fonts are loaded', async () => {
    const doc = sampleReport('ur', 70);
    const first = performance.now();
    const pdf = await renderPdf(doc);
    const firstMs = performance.now() - first;
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await renderPdf(doc);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.info(`renderPdf, ${pageCount(pdf)} pages: first ${firstMs.toFixed(0)} ms, then median ${times[1].toFixed(0)} ms`);
    expect(times[1]).toBeLessThan(1000);
  });
});
