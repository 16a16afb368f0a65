import { LISTING_LANGUAGES } from '../../../shared/contracts/techmarket';
import type { Language } from '../../../shared/roles';

export type ListingLanguage = (typeof LISTING_LANGUAGES)[number];
export type ShortText = { title: string; summary: string };

export const isListingLanguage = (x: unknown): x is ListingLanguage => typeof x === 'string' && (LISTING_LANGUAGES as readonly string[]).includes(x);

/** The text a reader is shown of a listing, and the language it is in. */
export type ShownText = ShortText & {
  lang: ListingLanguage;
  /** The reader's own language was not among those written: this is the original, to be marked so. */
  foreign: boolean;
};

/**
 * The title and summary in the reader's language when the owner wrote one, else the original (the first
 * language written), else whatever language there is. Machine translation is never invented here.
 */
export function pickListingText(texts: Record<string, ShortText | undefined>, languages: readonly string[], reader: Language): ShownText | null {
  const own = texts[reader];
  if (own) return { ...own, lang: reader, foreign: false };
  const order = [...languages, ...Object.keys(texts)].filter(isListingLanguage);
  for (const lang of order) {
    const text = texts[lang];
    if (text) return { ...text, lang, foreign: true };
  }
  return null;
}

/** The languages a listing is written in, the original first, each once. */
export function writtenLanguages(texts: Record<string, unknown>, languages: readonly string[]): ListingLanguage[] {
  const out: ListingLanguage[] = [];
  for (const l of [...languages, ...Object.keys(texts)]) if (isListingLanguage(l) && texts[l] && !out.includes(l)) out.push(l);
  return out;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

/**
 * The script a free text is written in (a name as its owner typed it): Han → Chinese, Arabic script → Urdu,
 * else Latin. Good enough to set `lang` and `dir`, so a name keeps its own shaping and direction.
 */
export function scriptOf(text: string): ListingLanguage {
  if (HAN.test(text)) return 'zh';
  if (ARABIC.test(text)) return 'ur';
  return 'en';
}
