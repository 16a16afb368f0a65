import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { formatDay, formatMoney } from '../format';
import { useMarketLabels } from '../labels';
import type { ListingSummary } from '../queries';
import { Script } from './Script';

/** Who offers or asks, from where, how ready, in which sector, for which deals; for needs the budget and deadline. */
export function ListingFacts({ listing: l, withOwner = true }: { listing: ListingSummary; withOwner?: boolean }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  return (
    <Group gap="xs" wrap="wrap" data-testid="listing-facts">
      {withOwner && (
        <Text size="sm" fw={500} data-testid="listing-owner">
          <Script>{l.owner.name}</Script>
        </Text>
      )}
      <Text size="sm" c="dimmed" data-testid="listing-country" data-country={l.country}>
        {labels.country(l.country)}
      </Text>
      {l.trl !== null && (
        <Badge variant="light" color="indigo" tt="none" data-testid="listing-trl">
          {t('facts.trl', { trl: l.trl })}
        </Badge>
      )}
      <Badge variant="light" color="gray" tt="none" data-testid="listing-sector" data-sector={l.sector}>
        {labels.sector(l.sector)}
      </Badge>
      {l.dealForms.map((f) => (
        <Badge key={f} variant="dot" color="teal" tt="none" data-testid="listing-deal-form">
          {labels.dealForm(f)}
        </Badge>
      ))}
      {l.kind === 'need' && l.budget !== null && (
        <Text size="sm" data-testid="listing-budget">
          {t('facts.budget', { amount: formatMoney(l.budget, l.currency, lng) })}
        </Text>
      )}
      {l.kind === 'need' && l.deadline && (
        <Text size="sm" data-testid="listing-deadline">
          {t('facts.deadline', { date: formatDay(l.deadline, lng) })}
        </Text>
      )}
    </Group>
  );
}
