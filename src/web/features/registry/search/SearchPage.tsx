import { Alert, Loader, Paper, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { Pager } from '../../../app/components/Pager';
import { formatNumber } from '../../../app/format';
import { useLanguage } from '../../../app/useLanguage';
import { FilterBar } from '../components/FilterBar';
import { searchQuery } from '../queries';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { SearchTitle } from './SearchTitle';

const LIMIT = 20;
const route = getRouteApi('/directory/search');

/** The directory's search: every type at once or one, filtered, grouped, highlighted, paged. */
export function SearchPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const params = route.useSearch();
  const navigate = route.useNavigate();
  const { q, offset = 0, ...filters } = params;
  const results = useQuery({
    ...searchQuery({ q, limit: LIMIT, offset, ...filters }),
    enabled: !!q,
    placeholderData: keepPreviousData,
  });
  const data = results.data;
  return (
    <>
      <SearchTitle q={q} />
      <Stack gap="md">
        <SearchBox initial={q ?? ''} />
        <Paper withBorder p="md" component="section" aria-label={t('registry.filters.label')}>
          <FilterBar value={filters} onChange={(f) => void navigate({ search: { q, ...f }, replace: true })} />
        </Paper>
        <ApiErrorAlert error={results.error} />
        {!q && <Text>{t('registry.search.empty')}</Text>}
        {q && results.isLoading && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
        {data && (
          <>
            <Text aria-live="polite" data-testid="search-total">
              {t(data.totalIsLowerBound ? 'registry.search.totalAtLeast' : 'registry.search.total', {
                count: data.total,
                formatted: formatNumber(data.total, lng),
              })}
            </Text>
            {data.total === 0 ? (
              <Alert color="gray" variant="light">
                {t('registry.search.none', { q })}
              </Alert>
            ) : (
              <SearchResults items={data.items} />
            )}
            <Pager total={data.total} limit={LIMIT} offset={offset} onChange={(o) => void navigate({ search: { ...params, offset: o || undefined } })} />
          </>
        )}
      </Stack>
    </>
  );
}
