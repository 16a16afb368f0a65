import { stemmer } from 'stemmer';
import { eng, zho } from 'stopword';

/**
 * Words of listing texts in the three languages, as the index and the matcher compare them: NFKC and lower
 * case everywhere; English stemmed (Porter: cells → cell, photovoltaic → photovolta), Urdu letters folded to
 * one spelling, Chinese left to jieba (registry/search-text). Stop words are dropped on both sides, so a
 * query's "for" or "کے" never has to be in a listing.
 */

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const LATIN = /\p{Script=Latin}/u;

/**
 * Urdu is typed with Arabic code points as often as Urdu ones (ي for ی, ك for ک, ه for ہ), with or without
 * vowel marks and tatweel: one spelling for each, so that شمسی and شمسي are one word.
 */
const URDU_FOLD: [RegExp, string][] = [
  [/[\u064a\u0649]/g, '\u06cc'], // ي ى → ی
  [/\u0643/g, '\u06a9'], // ك → ک
  [/\u0647/g, '\u06c1'], // ه → ہ
  [/\u06c3|\u0629/g, '\u06c1'], // ۃ ة → ہ
  [/\u06c2/g, '\u06c1'], // ۂ → ہ
  [/\u0623|\u0625|\u0671/g, '\u0627'], // أ إ ٱ → ا
  [/[\u064b-\u065f\u0670\u0640\u200c\u200d]/g, ''], // vowel marks, tatweel, zero-width (non-)joiners
];
const URDU_DIGITS = /[\u06f0-\u06f9\u0660-\u0669]/g;

export function foldUrdu(s: string): string {
  let out = s;
  for (const [from, to] of URDU_FOLD) out = out.replace(from, to);
  return out;
}

export const normalise = (s: string) =>
  foldUrdu(s.normalize('NFKC').toLowerCase()).replace(URDU_DIGITS, (d) => String((d.charCodeAt(0) - (d >= '\u06f0' ? 0x06f0 : 0x0660)) % 10));

// The stopword package's Urdu list is mis-encoded (اضتعوبل for استعمال), so Urdu's are ours: postpositions,
// auxiliaries and connectives, which carry no technology.
const URDU_STOP = [
  'کا',
  'کی',
  'کے',
  'کو',
  'میں',
  'سے',
  'پر',
  'اور',
  'یا',
  'ہے',
  'ہیں',
  'تھا',
  'تھی',
  'تھے',
  'ہو',
  'ہوں',
  'ہوتا',
  'ہوتی',
  'ہوتے',
  'جو',
  'جس',
  'جن',
  'یہ',
  'وہ',
  'اس',
  'ان',
  'ایک',
  'بھی',
  'تک',
  'لیے',
  'لئے',
  'کر',
  'کرنے',
  'کرتا',
  'کرتی',
  'کرتے',
  'والا',
  'والی',
  'والے',
  'نے',
  'گا',
  'گی',
  'گے',
  'ہم',
  'ہمیں',
  'ہمارے',
  'ہماری',
  'ہمارا',
  'آپ',
  'کہ',
  'جیسے',
  'ساتھ',
  'بہت',
  'کوئی',
  'کچھ',
  'رہا',
  'رہی',
  'رہے',
  'سکتا',
  'سکتی',
  'سکتے',
  'چاہیے',
  'چاہتے',
  'برائے',
  'ذریعے',
  'ذریعہ',
  'بارے',
  'طور',
  'پاس',
  'اپنے',
  'اپنی',
  'اپنا',
].map((w) => normalise(w));
const STOP = new Set<string>([...eng, ...URDU_STOP, ...zho, '与', '及', '或', '等', '用于', '以及', '一种', '一个', '进行', '可以', '我们', '需要']);

export const isStopWord = (w: string) => STOP.has(w);

export type Script = 'latin' | 'urdu' | 'other';
export const scriptOf = (w: string): Script => (ARABIC.test(w) ? 'urdu' : LATIN.test(w) ? 'latin' : 'other');

/** A non-Chinese word as it is compared: English stemmed (digits and codes like 5g kept), Urdu as folded. */
export function wordForm(w: string): string {
  if (scriptOf(w) !== 'latin' || /\d/.test(w) || w.length < 4) return w;
  return stemmer(w);
}

/** The non-Chinese words of a text as written (normalised), in order, stop words out; Chinese runs skipped. */
export function surfaceWords(text: string): string[] {
  return normalise(text.replace(CJK_RUN, ' '))
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0 && !isStopWord(w));
}

/** The non-Chinese words of a text as they are compared (`wordForm`), in order. */
export const plainWords = (text: string): string[] => surfaceWords(text).map(wordForm);

/** The Chinese runs of a text, normalised, for dictionary look-up inside them. */
export const chineseRuns = (text: string): string[] => text.normalize('NFKC').match(CJK_RUN) ?? [];
