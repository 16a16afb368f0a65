import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../registry/components/AnchorLink';
import type { ReactNode } from 'react';
import { useLanguage } from '../../../app/useLanguage';
import { scriptAttrs } from '../../registry/names';
import { SyntheticBadge } from '../../registry/components/SyntheticBadge';
import { useMarketLabels } from '../labels';
import type { ListingSummary } from '../queries';
import { pickListingText } from '../text';
import { ListingFacts } from './ListingFacts';
import { WrittenIn } from './WrittenIn';

/**
 * A listing in a list: title and summary in the reader's language when written in it, else the original with
 * a "written in …" badge; the facts a reader filters by.
 */
export function ListingCard({
  listing: l,
  headingLevel = 3,
  extra,
  testId = 'listing-card',
}: {
  listing: ListingSummary;
  headingLevel?: 2 | 3 | 4;
  extra?: ReactNode;
  testId?: string;
}) {
  const lng = useLanguage();
  const labels = useMarketLabels();
  const shown = pickListingText(l.texts, l.languages, lng);
  const titleId = `listing-${l.id}-title`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-testid={testId} data-listing-id={l.id} data-kind={l.kind}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="filled" color={l.kind === 'offer' ? 'teal.9' : 'grape.9'} tt="none" data-testid="listing-kind">
            {labels.kind(l.kind)}
          </Badge>
          {shown?.foreign && <WrittenIn lang={shown.lang} />}
          <SyntheticBadge synthetic={l.synthetic} />
        </Group>
        <Title order={headingLevel} size="h4" id={titleId}>
          <AnchorLink to="/market/listings/$id" params={{ id: l.id }} inherit data-testid="listing-link">
            <span {...(shown ? scriptAttrs(shown.lang) : {})}>{shown?.title ?? l.id}</span>
          </AnchorLink>
        </Title>
        {shown && (
          <Text size="sm" lineClamp={3} {...scriptAttrs(shown.lang)} data-testid="listing-summary">
            {shown.summary}
          </Text>
        )}
        <ListingFacts listing={l} />
        {extra}
      </Stack>
    </Paper>
  );
}
