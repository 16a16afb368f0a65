import { Badge } from '@mantine/core';
import { Trans } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../app/language';
import { scriptAttrs } from '../../registry/names';
import type { ListingLanguage } from '../text';

/** "Written in 中文": the text shown is the original, not in the reader's language (nothing is machine-translated). */
export function WrittenIn({ lang }: { lang: ListingLanguage }) {
  return (
    <Badge variant="outline" color="blue" tt="none" data-testid="written-in" data-lang={lang}>
      <Trans ns="techmarket" i18nKey="text.writtenIn" values={{ language: LANGUAGE_NAMES[lang] }} components={{ lang: <span {...scriptAttrs(lang)} /> }} />
    </Badge>
  );
}
