import { Anchor, Popover, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Where a published figure comes from: the seed file, and the sentence it is quoted from behind a button
 * (a popover that keyboard and touch users can open too, unlike a hover-only tooltip).
 */
export function Citation({ source, quote, testId }: { source: string; quote: string; testId?: string }) {
  const { t } = useTranslation('yearbook');
  return (
    <Text size="xs" component="span" data-testid={testId}>
      {t('citation.source')}{' '}
      <Text span ff="monospace" size="xs" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
        {source}
      </Text>
      {quote && (
        <>
          {' · '}
          <Popover width={360} position="bottom" withArrow shadow="md">
            <Popover.Target>
              <Anchor component="button" type="button" size="xs" aria-label={t('citation.showQuoteOf', { source })}>
                {t('citation.quote')}
              </Anchor>
            </Popover.Target>
            <Popover.Dropdown>
              <Text size="sm" component="blockquote" m={0} lang="en" dir="ltr" data-testid="citation-quote">
                “{quote}”
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t('citation.quoteNote')}
              </Text>
            </Popover.Dropdown>
          </Popover>
        </>
      )}
    </Text>
  );
}
