import { SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../app/language';
import { scriptAttrs } from '../../registry/names';
import type { Texts3 } from '../drafts';
import { LANGS } from '../text';

/** A text in any of the three languages, a field per language in its script and direction. */
export function Texts3Fields({
  legend,
  hint,
  value,
  onChange,
  error,
  multiline,
  maxLength,
  testId,
}: {
  legend: string;
  hint?: string;
  value: Texts3;
  onChange: (v: Texts3) => void;
  error?: string;
  multiline?: boolean;
  maxLength: number;
  testId: string;
}) {
  const { t } = useTranslation('cooperation');
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-testid={testId}>
      <Text component="legend" fw={600} size="sm" mb={2}>
        {legend}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {hint ?? t('form.anyLanguage')}
      </Text>
      {error && (
        <Text size="sm" c="red.9" role="alert" mb={4}>
          {error}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: multiline ? 1 : 3 }} spacing="xs">
        {LANGS.map((l) => {
          const props = {
            label: `${legend} — ${LANGUAGE_NAMES[l]}`,
            value: value[l],
            maxLength,
            attributes: { input: scriptAttrs(l) },
            'data-testid': `${testId}-${l}`,
          };
          return multiline ? (
            <Textarea key={l} {...props} autosize minRows={2} onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })} />
          ) : (
            <TextInput key={l} {...props} onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })} />
          );
        })}
      </SimpleGrid>
    </fieldset>
  );
}
