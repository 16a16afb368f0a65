/**
 * A little PDF reading for the tests: enough of pdfkit's output to count pages,
 * read the info dictionary and collect the text the fonts' ToUnicode maps can
 * give back. Not a PDF parser.
 */
import zlib from 'node:zlib';

export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

/** The decoded (inflated where FlateDecode) content of every stream (pdfkit writes each /Length directly). */
export function streams(pdf: Buffer): Buffer[] {
  const s = pdf.toString('latin1');
  const out: Buffer[] = [];
  const re = /\n\d+ 0 obj\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const at = m.index + m[0].length;
    const dictEnd = s.indexOf('\nstream\n', at);
    const objEnd = s.indexOf('\nendobj', at);
    if (dictEnd < 0 || (objEnd >= 0 && objEnd < dictEnd)) continue;
    const dict = s.slice(at, dictEnd);
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    if (!length) continue;
    const start = dictEnd + '\nstream\n'.length;
    let data = pdf.subarray(start, start + Number(length[1]));
    re.lastIndex = start + data.length;
    if (dict.includes('/FlateDecode')) {
      try {
        data = zlib.inflateSync(data);
      } catch {
        continue;
      }
    }
    out.push(data);
  }
  return out;
}

function utf16Hex(hex: string): string {
  const h = hex.replace(/\s+/g, '');
  const units: number[] = [];
  for (let i = 0; i + 4 <= h.length; i += 4) units.push(Number.parseInt(h.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** Every string the ToUnicode maps of the document map glyphs to, concatenated. */
export function toUnicodeText(pdf: Buffer): string {
  let text = '';
  for (const data of streams(pdf)) {
    const s = data.toString('latin1');
    if (!s.includes('beginbfrange') && !s.includes('beginbfchar')) continue;
    for (const m of s.matchAll(/<[0-9a-f]+>\s*<[0-9a-f]+>\s*\[([^\]]*)\]/gi)) for (const e of m[1].matchAll(/<([0-9a-f\s]*)>/gi)) text += utf16Hex(e[1]);
    for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const e of block[1].matchAll(/<[0-9a-f]+>\s*<([0-9a-f\s]*)>/gi)) text += utf16Hex(e[1]);
  }
  return text;
}

/** A literal or hex PDF string's text (UTF-16BE when it starts with a byte order mark). */
function pdfString(raw: Buffer): string {
  const bytes: number[] = [];
  const s = raw.toString('latin1');
  if (s.startsWith('<')) {
    const h = s.slice(1, s.indexOf('>')).replace(/\s+/g, '');
    for (let i = 0; i + 2 <= h.length; i += 2) bytes.push(Number.parseInt(h.slice(i, i + 2), 16));
  } else {
    let depth = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === '(' && depth++ === 0) continue;
      if (c === ')' && --depth === 0) break;
      if (c !== '\\') {
        bytes.push(s.charCodeAt(i));
        continue;
      }
      const n = s[++i];
      const oct = /^[0-7]{1,3}/.exec(s.slice(i));
      if (oct) {
        bytes.push(Number.parseInt(oct[0], 8));
        i += oct[0].length - 1;
      } else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[n] ?? n.charCodeAt(0));
    }
  }
  const b = Buffer.from(bytes);
  if (b[0] === 0xfe && b[1] === 0xff) return b.subarray(2).swap16().toString('utf16le');
  return b.toString('latin1');
}

/** A value of the document information dictionary (Title, Subject, …), following an indirect reference. */
export function infoValue(pdf: Buffer, key: string): string | null {
  const s = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(s);
  if (ref) {
    const obj = new RegExp(`\\n${ref[1]} 0 obj\\n`).exec(s);
    if (!obj) return null;
    return pdfString(pdf.subarray(obj.index + obj[0].length));
  }
  const direct = new RegExp(`/${key} ([(<])`).exec(s);
  return direct ? pdfString(pdf.subarray(direct.index + key.length + 2)) : null;
}
