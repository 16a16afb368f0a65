import fs from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { arabicFace, faceForCodePoint, measure, shape, woffToSfnt } from './fonts';
import { isolate, layoutText, type TextLine } from './text-layout';

const style = { size: 10, weight: 400 as const };

/** The characters of a line left to right as drawn (a right-to-left piece is shaped from logical order, so reverse it). */
function visual(lines: TextLine[]): string[] {
  return lines.map((l) => l.pieces.map((p) => (p.direction === 'rtl' ? Array.from(p.text).reverse().join('') : p.text)).join(''));
}

describe('font per character', () => {
  it('picks Noto Sans SC Latin, a Noto Sans SC Han subset and Noto Naskh Arabic', () => {
    expect(faceForCodePoint('A'.codePointAt(0)!, 400).id).toBe('sc-latin-400');
    expect(faceForCodePoint('中'.codePointAt(0)!, 400).id).toMatch(/^sc-\d+-400$/);
    expect(faceForCodePoint('ل'.codePointAt(0)!, 700).id).toBe('naskh-arabic-700');
    // The subsets really hold the glyphs they are chosen for (no tofu).
    for (const ch of '中关村科技园区张江高拉合尔') {
      const face = faceForCodePoint(ch.codePointAt(0)!, 400);
      const lines = layoutText(ch, style, 100, 'ltr');
      expect(lines[0].pieces[0].face).toBe(face);
      expect(shape(face, ch, 'ltr').glyphs[0].id, `${ch} in ${face.id}`).not.toBe(0);
    }
  });

  it('unpacks WOFF with zlib: subset 101 keeps its character map (fontkit’s own inflater fails on it)', () => {
    const face = faceForCodePoint(0x4e4d, 400);
    expect(face.id).toBe('sc-101-400');
    const font = fontkit.create(woffToSfnt(fs.readFileSync(face.file)));
    expect(font.hasGlyphForCodePoint(0x4e4d)).toBe(true);
  });
});

describe('Urdu shaping', () => {
  it('joins letters: contextual forms, narrower than the isolated letters', () => {
    const face = arabicFace(400);
    const names = shape(face, 'پاکستان', 'rtl').glyphs.map((g) => g.name ?? '');
    expect(names.some((n) => n.includes('.init'))).toBe(true);
    expect(names.some((n) => n.includes('.medi'))).toBe(true);
    expect(names.some((n) => n.includes('.fina'))).toBe(true);
    const isolated = Array.from('پاکستان').reduce((w, ch) => w + measure(face, ch, 'rtl'), 0);
    expect(measure(face, 'پاکستان', 'rtl')).toBeLessThan(isolated);
  });
});

describe('bidi order', () => {
  it('puts an Urdu name right to left inside an English line', () => {
    const lines = layoutText('Names: لاہور پارک and 中关村', style, 1000, 'ltr');
    expect(visual(lines)).toEqual(['Names: کراپ روہال and 中关村']);
    const urdu = lines[0].pieces.find((p) => p.face.arabic && p.direction === 'rtl');
    expect(urdu?.text).toBe('لاہور پارک'); // handed to the shaper in logical order
  });

  it('lays an Urdu line out right to left with numbers, dates and percentages left to right', () => {
    expect(visual(layoutText('مدت 2024-01-01 تا 2024-12-31', style, 1000, 'rtl'))).toEqual(['2024-12-31 ات 2024-01-01 تدم']);
    expect(visual(layoutText('کل 1,284 ادارے، 12.5% زیادہ', style, 1000, 'rtl'))).toEqual(['ہدایز 12.5% ،ےرادا 1,284 لک']);
    expect(visual(layoutText('زون 中关村科技园区 اور Zhangjiang Park', style, 1000, 'rtl'))).toEqual(['Zhangjiang Park روا 中关村科技园区 نوز']);
  });

  it('mirrors brackets in right-to-left text', () => {
    expect(visual(layoutText('(مصنوعی)', style, 1000, 'rtl'))).toEqual(['(یعونصم)']);
  });

  it('keeps isolated names in their order; without isolates the algorithm joins two LTR names', () => {
    const joined = visual(layoutText('نام: 中关村، Zhangjiang اور', style, 1000, 'rtl'))[0];
    expect(joined.indexOf('中关村')).toBeLessThan(joined.indexOf('Zhangjiang'));
    const isolated = visual(layoutText(`نام: ${isolate('中关村')}، ${isolate('Zhangjiang')} اور`, style, 1000, 'rtl'))[0];
    expect(isolated.indexOf('Zhangjiang')).toBeLessThan(isolated.indexOf('中关村'));
    expect(isolated).not.toMatch(/[\u2066-\u2069]/); // controls are not drawn
  });
});

describe('line breaking', () => {
  const text =
    'Incubation services include mentoring, shared laboratories and access to 中关村科技园区 investors; لاہور کے سرمایہ کار بھی شامل ہیں۔ Funding rose 12.5% in 2024.';
  const chars = (s: string) => s.replace(/\s/g, '').length;

  it('fills lines up to the width, measured with the font of each run, losing no character', () => {
    for (const width of [80, 150, 260]) {
      const lines = layoutText(text, style, width, 'ltr');
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 1e-6);
      expect(lines.reduce((n, l) => n + chars(l.pieces.map((p) => p.text).join('')), 0)).toBe(chars(text));
    }
  });

  it('is greedy: the next line’s first word would not have fitted', () => {
    const en = 'Incubation services include mentoring, shared laboratories, legal advice and access to investors in every zone.';
    for (const width of [80, 150, 260]) {
      const lines = layoutText(en, style, width, 'ltr').map((l) => l.pieces.map((p) => p.text).join(''));
      for (let i = 0; i + 1 < lines.length; i++) {
        const longer = `${lines[i]} ${lines[i + 1].split(' ')[0]}`;
        expect(layoutText(longer, style, 1e6, 'ltr')[0].width).toBeGreaterThan(width);
      }
    }
  });

  it('breaks Chinese between characters, never before a closing mark', () => {
    const zh = '本报告汇总了已登记的创新园区，孵化器及其在孵企业。名称保留原文。';
    const lines = layoutText(zh, style, 42, 'ltr');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(l.width).toBeLessThanOrEqual(42 + 1e-6);
      expect(l.pieces.map((p) => p.text).join('')).not.toMatch(/^[，。]/);
    }
  });

  it('cuts a word longer than the line', () => {
    const lines = layoutText('Supercalifragilisticexpialidocious', style, 40, 'ltr');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(40 + 1e-6);
    expect(lines.map((l) => l.pieces.map((p) => p.text).join('')).join('')).toBe('Supercalifragilisticexpialidocious');
  });

  it('breaks an Urdu line into lines that each read right to left', () => {
    const ur = 'یہ رپورٹ رجسٹرڈ اختراعی زونز اور ان کے انکیوبیٹرز کا خلاصہ پیش کرتی ہے';
    const lines = layoutText(ur, style, 90, 'rtl');
    expect(lines.length).toBeGreaterThan(1);
    // The first logical words are on the first line, at its right end.
    expect(visual(lines)[0].endsWith('ہی')).toBe(true);
  });

  it('keeps hard line breaks', () => {
    expect(layoutText('one\ntwo\n\nthree', style, 1000, 'ltr').map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['one', 'two', '', 'three']);
  });
});
