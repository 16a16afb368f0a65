import { Fragment, type ReactNode } from 'react';

/** The marker a translation is given in place of the element to insert ("Name in \u0000"). */
export const SLOT = '\u0000';

/**
 * A translated sentence with an element where the marker stands, so a word in another script (a language's
 * own name, a query) can carry its `lang` inside the sentence: t('…', { language: SLOT }) → text + element.
 */
export function Inserted({ text, children }: { text: string; children: ReactNode }) {
  const parts = text.split(SLOT);
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence, in order
        <Fragment key={i}>
          {i > 0 && children}
          {part}
        </Fragment>
      ))}
    </>
  );
}
