import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../../registry/components/Name';
import { Citation } from '../../statistics/yearbook/Citation';
import { formatYear } from '../../statistics/yearbook/format';
import { formatPublished } from '../format';
import { useUnitLabel } from '../../statistics/yearbook/units';
import { computedFor, type PublishedPoint, type StatsRow } from './statsModel';

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * The national figures the seeds publish (2005: 260,000 contracts, 155.1 billion yuan, 0.85 % of GDP; 2017:
 * 1,140.7 billion yuan, +15.97 %), each citing its seed file, beside what Seedbed counts for the same year
 * from the contracts registered here (in yuan).
 */
export function MarketPublished({ items, byYearCny }: { items: PublishedPoint[]; byYearCny: StatsRow[] | undefined }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const unit = useUnitLabel();
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="stats-published-title" data-testid="stats-published">
      <Title order={2} size="h3" id="stats-published-title" mb={4}>
        {t('stats.published.title')}
      </Title>
      <Text size="sm" mb="sm" maw={820}>
        {t('stats.published.intro')}
      </Text>
      <ScrollTable label={t('stats.published.caption')} minWidth={760}>
        <Table.Caption>{t('stats.published.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('stats.published.figure')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('stats.published.year')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('stats.published.value')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('stats.published.computed')}
            </Table.Th>
            <Table.Th scope="col">{t('stats.published.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => {
            const computed = computedFor(p, byYearCny);
            return (
              <Table.Tr key={`${p.code}-${p.year ?? ''}`} data-testid="stats-published-row" data-code={p.code} data-year={p.year ?? ''}>
                <Table.Th scope="row" fw={500}>
                  <Name names={p.names} />
                </Table.Th>
                <Table.Td ta="end" style={NUM}>
                  {formatYear(p.year, lng)}
                </Table.Td>
                <Table.Td ta="end" style={NUM} data-testid="stats-published-value">
                  {formatPublished(p.value, lng)}{' '}
                  <Text span size="xs" c="dimmed">
                    {unit(p.unit)}
                  </Text>
                </Table.Td>
                <Table.Td ta="end" style={NUM} data-testid="stats-published-computed">
                  {computed === null ? t('stats.published.notComputed') : computed === 'none' ? t('stats.published.none') : formatPublished(computed, lng)}
                </Table.Td>
                <Table.Td>
                  <Citation source={p.source} quote={p.quote} testId="stats-published-citation" />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
    </Paper>
  );
}
