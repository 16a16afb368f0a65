import { chineseWords } from '../../registry/search-text';
import type { ListingTexts } from '../techmarket.tables';
import { findConcepts } from '../text/concepts';
import { publicTexts } from '../text/terms';
import { CJK, isStopWord, surfaceWords, wordForm } from '../text/words';

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

/** Words too short to tell anything (a Chinese character alone, one Latin letter). */
const meaningful = (w: string) => w.length > 1 && !isStopWord(w);

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
