import { Group, Paper, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { NotFoundPage } from '../../../app/components/NotFoundPage';
import { PageTitle } from '../../../app/components/PageTitle';
import { Pager } from '../../../app/components/Pager';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { EntityLink } from '../components/EntityLink';
import { FilterBar } from '../components/FilterBar';
import { SyntheticBadge } from '../components/SyntheticBadge';
import { typeOfPlural } from '../entityTypes';
import { applicable } from '../filters';
import { listQuery } from '../queries';
import { useLabels } from '../useLabels';
import { COLUMNS } from './columns';
import { ExportButtons } from './ExportButtons';
import { SortableTh } from './SortableTh';

const LIMIT = 25;
const route = getRouteApi('/directory/$type');

/** Every record of one type: filters, sortable columns, pages, and exports of what is shown. */
export function EntityListPage() {
  const { type } = route.useParams();
  return <EntityList key={type} plural={type} />;
}

function EntityList({ plural }: { plural: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  const params = route.useSearch();
  const navigate = route.useNavigate();
  const type = typeOfPlural(plural);
  const { q, sort = 'names', offset = 0, zoneId, incubatorId, ...rawFilters } = params;
  const filters = applicable(type ?? undefined, rawFilters);
  const [text, setText] = useState(q ?? '');
  const setQuery = useDebouncedCallback(
    (v: string) => void navigate({ search: { ...params, q: v.trim() || undefined, offset: undefined }, replace: true }),
    300,
  );
  const query = { q, sort, zoneId, incubatorId, ...filters };
  const list = useQuery({ ...listQuery(type ?? 'zone', { ...query, limit: LIMIT, offset }), enabled: !!type, placeholderData: keepPreviousData });
  if (!type) return <NotFoundPage />;
  const columns = COLUMNS[type];
  const items = list.data?.items ?? [];
  const title = labels.typePlural(type);
  return (
    <>
      <PageTitle actions={<ExportButtons type={type} query={query} />}>{title}</PageTitle>
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-label={t('registry.filters.label')}>
          <Stack gap="sm">
            <TextInput
              type="search"
              label={t('registry.list.filterByName')}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setQuery(e.currentTarget.value);
              }}
              maw={420}
            />
            <FilterBar
              fixedType={type}
              value={filters}
              onChange={(f) => void navigate({ search: { q, sort: params.sort, zoneId, incubatorId, ...f }, replace: true })}
            />
          </Stack>
        </Paper>
        <ApiErrorAlert error={list.error} />
        <ScrollTable label={title} minWidth={760} data-testid="entity-list">
          <Table.Thead>
            <Table.Tr>
              <SortableTh
                label={t('registry.fields.name')}
                field="names"
                sort={sort}
                onSort={(s) => void navigate({ search: { ...params, sort: s, offset: undefined } })}
              />
              {columns.map((c) => (
                <SortableTh
                  key={c.id}
                  label={t(c.labelKey)}
                  field={c.sort}
                  sort={sort}
                  onSort={(s) => void navigate({ search: { ...params, sort: s, offset: undefined } })}
                />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && <EmptyRow cols={columns.length + 1} loading={list.isLoading} />}
            {items.map((e) => (
              <Table.Tr key={e.id} data-testid="entity-row">
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <EntityLink entity={e} />
                    <SyntheticBadge synthetic={e.synthetic} />
                  </Group>
                </Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c.id}>{c.cell(e, labels, lng)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
        {list.data && (
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => void navigate({ search: { ...params, offset: o || undefined } })} />
        )}
      </Stack>
    </>
  );
}
