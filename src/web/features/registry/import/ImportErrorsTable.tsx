import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { formatNumber } from '../../../app/format';
import { useLanguage } from '../../../app/useLanguage';
import type { ImportError } from '../types';

/** The file's problems, one per row and column, in the reader's language (the API translates them). */
export function ImportErrorsTable({ errors }: { errors: ImportError[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <ScrollTable label={t('registry.import.errorsTable')} minWidth={560} data-testid="import-errors">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('registry.import.row')}</Table.Th>
          <Table.Th>{t('registry.import.column')}</Table.Th>
          <Table.Th>{t('registry.import.problem')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {errors.map((e) => (
          <Table.Tr key={`${e.row}:${e.column}:${e.message}`} data-testid="import-error">
            <Table.Td data-testid="import-error-row">{formatNumber(e.row, lng)}</Table.Td>
            <Table.Td data-testid="import-error-column">
              <code dir="ltr">{e.column}</code>
            </Table.Td>
            <Table.Td>{e.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
