import { Table, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { label: string; field?: string; sort: string; onSort: (sort: string) => void };

/** A column header that sorts the list (again: the other way), announcing the order with aria-sort. */
export function SortableTh({ label, field, sort, onSort }: Props) {
  const { t } = useTranslation();
  if (!field) return <Table.Th>{label}</Table.Th>;
  const current = sort.replace(/^-/, '') === field;
  const descending = current && sort.startsWith('-');
  const ariaSort = current ? (descending ? 'descending' : 'ascending') : 'none';
  return (
    <Table.Th aria-sort={ariaSort}>
      <UnstyledButton
        onClick={() => onSort(current && !descending ? `-${field}` : field)}
        fw={700}
        fz="sm"
        title={t(current && !descending ? 'registry.list.sortDescending' : 'registry.list.sortAscending', { column: label })}
      >
        {label}
        <span aria-hidden="true">{current ? (descending ? ' ▼' : ' ▲') : ' ↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}
