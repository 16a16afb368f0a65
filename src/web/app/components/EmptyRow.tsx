import { Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The one row of a table that has nothing (yet) to show. */
export function EmptyRow({ cols, loading }: { cols: number; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td colSpan={cols}>
        {loading ? <Loader size="sm" role="status" aria-label={t('status.loading')} /> : <Text size="sm">{t('status.empty')}</Text>}
      </Table.Td>
    </Table.Tr>
  );
}
