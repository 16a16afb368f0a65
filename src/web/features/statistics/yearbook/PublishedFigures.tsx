import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { Name } from '../../registry/components/Name';
import { Citation } from './Citation';
import { formatShare, formatValue, formatYear } from './format';
import type { Published } from './queries';
import { useUnitLabel } from './units';

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * The figures the source documents published, beside what Seedbed computes from the returns: a reader sees
 * where the two agree and where the records are still incomplete. Each published figure cites its file.
 */
export function PublishedFigures({ items, headingId = 'published-figures' }: { items: Published[]; headingId?: string }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const unit = useUnitLabel();
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="yearbook-published">
      <Title order={2} size="h4" id={headingId} mb={4}>
        {t('published.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('published.intro')}
      </Text>
      <ScrollTable label={t('published.caption')} minWidth={720}>
        <Table.Caption>{t('published.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('published.figure')}</Table.Th>
            <Table.Th ta="end">{t('published.year')}</Table.Th>
            <Table.Th ta="end">{t('published.value')}</Table.Th>
            <Table.Th ta="end">{t('published.computed')}</Table.Th>
            <Table.Th ta="end">{t('published.coverage')}</Table.Th>
            <Table.Th>{t('published.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={`${p.series}-${p.year ?? ''}`} data-testid="yearbook-published-row">
              <Table.Th scope="row" fw={500}>
                <Name names={p.names} />
              </Table.Th>
              <Table.Td ta="end" style={NUM}>
                {formatYear(p.year, lng)}
              </Table.Td>
              <Table.Td ta="end" style={NUM}>
                {formatValue(p.value, lng)}{' '}
                <Text span size="xs" c="dimmed">
                  {unit(p.unit)}
                </Text>
              </Table.Td>
              <Table.Td ta="end" style={NUM}>
                {p.computed === null ? t('published.notComputed') : formatValue(p.computed, lng)}
              </Table.Td>
              <Table.Td ta="end" style={NUM}>
                {p.computed === null || p.value === 0 ? '—' : formatShare(p.computed / p.value, lng)}
              </Table.Td>
              <Table.Td>
                <Citation source={p.source} quote={p.quote} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Paper>
  );
}
