import { LANGUAGES, RTL_LANGUAGES, type Language } from '../../shared/roles';

const STORAGE_KEY = 'seedbed.language';

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && (LANGUAGES as readonly string[]).includes(x);
}

/** The BCP 47 tag for `<html lang>` and Intl: Chinese is written in simplified characters. */
export function languageTag(lng: Language): string {
  return lng === 'zh' ? 'zh-Hans' : lng;
}

export function directionOf(lng: Language): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.includes(lng) ? 'rtl' : 'ltr';
}

/** Each language's name in its own script, so a reader can find theirs whatever the current language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '简体中文', ur: 'اردو' };

export function storedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

export function storeLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** First choice: what this browser chose before; then the browser's languages; then English. */
export function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function applyDocumentLanguage(lng: Language): void {
  const html = document.documentElement;
  html.lang = languageTag(lng);
  html.dir = directionOf(lng);
}
