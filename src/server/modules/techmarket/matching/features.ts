import { chineseWords } from '../../registry/search-text';
import type { ListingTexts } from '../techmarket.tables';
import { findConcepts } from '../text/concepts';
import { publicTexts } from '../text/terms';
import { CJK, isStopWord, normalise, surfaceWords, wordForm } from '../text/words';

/**
 * What the matcher compares of a listing (or of an enterprise): its words as the search analysis gives them
 * (jieba for Chinese, stemmed English), its dictionary concepts, sector, readiness, forms of deal and country.
 */
export type Features = {
  id: string;
  kind: 'offer' | 'need' | 'enterprise';
  /** Compared form → the word as first written, for the reason a reader sees ("cells", not "cell"). */
  words: Map<string, string>;
  concepts: Set<string>;
  sector: string | null;
  trl: number | null;
  dealForms: string[];
  country: string;
};

/**
 * Words every listing and company name has ("technology", 技术, "Ltd", ٹیکنالوجی, "looking for"): a pair
 * sharing them shares nothing. Compared forms (stemmed English, folded Urdu).
 */
const GENERIC = new Set(
  [
    ...['technology', 'technologies', 'technical', 'solution', 'solutions', 'system', 'systems', 'product', 'products', 'company', 'companies'],
    ...['co', 'ltd', 'limited', 'pvt', 'private', 'group', 'industry', 'industries', 'international', 'enterprise', 'service', 'services'],
    ...['new', 'high', 'use', 'using', 'based', 'need', 'needs', 'seek', 'seeking', 'looking', 'partner', 'partners', 'want', 'require', 'required'],
    ...['develop', 'development', 'improve', 'provide', 'offer', 'offers', 'application', 'applications', 'ready', 'proven', 'our', 'plant'],
  ].map((w) => wordForm(w)),
);
for (const w of [
  '技术',
  '科技',
  '有限公司',
  '公司',
  '集团',
  '股份',
  '系统',
  '产品',
  '需求',
  '寻求',
  '需要',
  '合作',
  '开发',
  '研发',
  '提供',
  '应用',
  '成果',
  '我们',
  '企业',
  '一种',
])
  GENERIC.add(w);
for (const w of [
  'ٹیکنالوجی',
  'ٹیکنالوجیز',
  'کمپنی',
  'لمیٹڈ',
  'پرائیویٹ',
  'سسٹم',
  'نظام',
  'ضرورت',
  'درکار',
  'تلاش',
  'شراکت',
  'دار',
  'حل',
  'بہتر',
  'بنانے',
  'فراہم',
  'سلوشنز',
])
  GENERIC.add(normalise(w));

/** Words that tell something: not generic, not one character (a Chinese character alone, one Latin letter). */
const meaningful = (w: string) => w.length > 1 && !isStopWord(w) && !GENERIC.has(w);

export function textWords(texts: string[]): Map<string, string> {
  const words = new Map<string, string>();
  const add = (form: string, surface: string) => {
    if (meaningful(form) && !words.has(form)) words.set(form, surface);
  };
  for (const t of texts) {
    for (const w of surfaceWords(t)) add(wordForm(w), w);
    if (CJK.test(t)) for (const w of chineseWords(t, false)) add(w, w);
  }
  return words;
}

export type ListingLike = {
  id: string;
  kind: string;
  texts: ListingTexts;
  keywords: string[];
  /** As stored (text/terms.ts found them); found again when absent. */
  concepts?: string[] | null;
  sector: string;
  trl: number | null;
  dealForms: string[];
  country: string;
};

export function listingFeatures(l: ListingLike): Features {
  const texts = [...publicTexts(l.texts), ...l.keywords];
  return {
    id: l.id,
    kind: l.kind === 'need' ? 'need' : 'offer',
    words: textWords(texts),
    concepts: new Set(l.concepts ?? findConcepts(texts)),
    sector: l.sector,
    trl: l.trl,
    dealForms: l.dealForms,
    country: l.country,
  };
}
