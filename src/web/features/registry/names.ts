import type { Language } from '../../../shared/roles';
import { directionOf, languageTag } from '../../app/language';
import type { Names } from './types';

/** The name in the reader's language when the record has one, else in English; with the script it is in. */
export function pickName(names: Names, lng: Language): { text: string; script: Language } {
  const own = names[lng];
  return own ? { text: own, script: lng } : { text: names.en, script: 'en' };
}

/** `lang` and `dir` for text in a given script: names keep their script whatever the interface language. */
export function scriptAttrs(script: Language): { lang: string; dir: 'ltr' | 'rtl' } {
  return { lang: languageTag(script), dir: directionOf(script) };
}

/** Plain text for attributes (aria-label, chart labels), where markup cannot carry a language. */
export function nameText(names: Names, lng: Language): string {
  return pickName(names, lng).text;
}
