import type { Language } from '../../../../shared/roles';
import { languageTag } from '../../../app/language';

/**
 * Numbers as respondents type them: in Latin, Arabic-Indic (٠١٢), Extended Arabic-Indic (۰۱۲, the digits
 * of an Urdu keyboard) or full-width (０１２) digits; grouped the Western way (1,234,567) or the South Asian
 * way (12,34,567) with the separators Intl and keyboards produce (`,` `，` `٬` or a space); with `.` `٫` or
 * `．` before the decimals. Anything else is refused with a reason, never guessed.
 */

export type Parsed = { ok: true; value: number | null } | { ok: false; reason: 'notNumber' | 'grouping' | 'tooLong' };

const ZEROS = [0x30, 0x660, 0x6f0, 0xff10, 0x966];
/** Direction marks Intl and copy-paste leave around numbers (LRM, RLM, ALM). */
const MARKS = /[\u200e\u200f\u061c]/g;
const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
const GROUP = /[,，٬']/g;
const DECIMAL = /[٫．]/g;
const MINUS = /^[-−－]/;

function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const zero = ZEROS.find((z) => c >= z && c <= z + 9);
    out += zero === undefined ? ch : String.fromCharCode(0x30 + c - zero);
  }
  return out;
}

const WESTERN = /^\d{1,3}(,\d{3})+$/;
const SOUTH_ASIAN = /^\d{1,2}(,\d{2})*,\d{3}$/;
// 15 significant digits: beyond that a double no longer holds what was typed.
const MAX_DIGITS = 15;

export function parseNumber(input: string): Parsed {
  let s = asciiDigits(input.replace(MARKS, '')).trim();
  if (s === '') return { ok: true, value: null };
  s = s.replace(SPACES, ',').replace(GROUP, ',').replace(DECIMAL, '.');
  let sign = 1;
  if (MINUS.test(s)) {
    sign = -1;
    s = s.slice(1);
  }
  const m = /^([\d,]*)(?:\.(\d+))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return { ok: false, reason: 'notNumber' };
  let int = m[1];
  if (int.includes(',')) {
    if (!WESTERN.test(int) && !SOUTH_ASIAN.test(int)) return { ok: false, reason: 'grouping' };
    int = int.replace(/,/g, '');
  }
  const digits = `${int}${m[2] ?? ''}`.replace(/^0+/, '');
  if (digits.length > MAX_DIGITS) return { ok: false, reason: 'tooLong' };
  const value = sign * Number(`${int || '0'}.${m[2] ?? '0'}`);
  return Number.isFinite(value) ? { ok: true, value: Object.is(value, -0) ? 0 : value } : { ok: false, reason: 'notNumber' };
}

/** A value for reading, in the reader's language (grouped, up to 6 decimals). */
export function formatValue(n: number | null | undefined, lng: Language): string {
  if (n === null || n === undefined) return '';
  return new Intl.NumberFormat(languageTag(lng), { maximumFractionDigits: 6 }).format(n);
}

/** A value to put back in an input: grouped, without the direction marks Intl adds in Urdu (they confuse editing). */
export function formatForInput(n: number | null | undefined, lng: Language): string {
  return formatValue(n, lng).replace(MARKS, '');
}

export function formatPercent(n: number | null | undefined, lng: Language, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return new Intl.NumberFormat(languageTag(lng), { style: 'percent', maximumFractionDigits: digits }).format(n);
}

/** A change as a signed percentage (+8%, −12%); Intl places the sign and direction marks for the locale. */
export function formatChange(n: number, lng: Language): string {
  return new Intl.NumberFormat(languageTag(lng), { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(n);
}

/** A calendar date (`2026-03-31`) in the reader's language; it names a day, not an instant, so no time zone shifts it. */
export function formatDate(isoDate: string | null | undefined, lng: Language): string {
  if (!isoDate) return '';
  const d = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(languageTag(lng), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
