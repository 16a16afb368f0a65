import type { ReactNode } from 'react';
import { scriptAttrs } from '../../registry/names';
import { type ListingLanguage, scriptOf } from '../text';

/** Text in a known language (a listing's text) or, without one, in the script it is typed in (a name). */
export function Script({ children, lang, block }: { children: string; lang?: ListingLanguage; block?: boolean }): ReactNode {
  const attrs = scriptAttrs(lang ?? scriptOf(children));
  return block ? <div {...attrs}>{children}</div> : <span {...attrs}>{children}</span>;
}
