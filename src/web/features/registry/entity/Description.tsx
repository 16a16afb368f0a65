import { Text } from '@mantine/core';
import { useLanguage } from '../../../app/useLanguage';
import { pickName, scriptAttrs } from '../names';
import type { Names } from '../types';

/** The record's description in the reader's language if written, else in English, marked with its language. */
export function Description({ value }: { value: Partial<Names> | null | undefined }) {
  const lng = useLanguage();
  if (!value?.en && !value?.[lng]) return null;
  const picked = pickName({ en: value.en ?? '', ...value }, lng);
  if (!picked.text) return null;
  return (
    <Text {...scriptAttrs(picked.script)} data-testid="description">
      {picked.text}
    </Text>
  );
}
