import type { Language } from '../../../shared/roles';

export const LANGS: readonly Language[] = ['en', 'zh', 'ur'];
const isLang = (x: string): x is Language => (LANGS as readonly string[]).includes(x);

/** A text shown to a reader and the language it is written in; `foreign` when it is not the reader's. */
export type Shown = { text: string; lang: Language; foreign: boolean };

/**
 * A multilingual text of the API ({ en, zh, ur }, some empty): the reader's language when written, else
 * English, Chinese, Urdu in that order. Nothing is machine-translated.
 */
export function pickText(texts: Record<string, string | undefined> | null | undefined, reader: Language): Shown | null {
  if (!texts) return null;
  const own = texts[reader]?.trim();
  if (own) return { text: own, lang: reader, foreign: false };
  for (const l of [...LANGS, ...Object.keys(texts)]) {
    const v = texts[l]?.trim();
    if (v && isLang(l)) return { text: v, lang: l, foreign: true };
  }
  return null;
}

/** Texts typed in a form (three fields), only those written, for the API. */
export function texts3(v: Partial<Record<Language, string>>): Partial<Record<Language, string>> {
  const out: Partial<Record<Language, string>> = {};
  for (const l of LANGS) {
    const s = v[l]?.trim();
    if (s) out[l] = s;
  }
  return out;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

/** The script a name is written in (organisations and people keep their native script). */
export function scriptOfName(text: string): Language {
  if (HAN.test(text)) return 'zh';
  if (ARABIC.test(text)) return 'ur';
  return 'en';
}
