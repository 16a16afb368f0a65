import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../useLanguage';
import { formatNumber } from '../format';

type Props = { total: number; limit: number; offset: number; onChange: (offset: number) => void };

/** "1–50 of 230" and page buttons, each with a spoken name. */
export function Pager({ total, limit, offset, onChange }: Props) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {t('paging.range', { from: formatNumber(from, lng), to: formatNumber(to, lng), total: formatNumber(total, lng) })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('paging.label')}>
          <Pagination
            total={pages}
            value={page}
            onChange={(p) => onChange((p - 1) * limit)}
            size="sm"
            getItemProps={(p) => ({ 'aria-label': t('paging.page', { page: p }) })}
            getControlProps={(control) => ({ 'aria-label': t(`paging.${control}`) })}
          />
        </nav>
      )}
    </Group>
  );
}
