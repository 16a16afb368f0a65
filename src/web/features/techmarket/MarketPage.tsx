import { Button, Grid, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListStatus } from './components/ListStatus';
import { ButtonLink } from './components/ButtonLink';
import { PageTitle } from '../../app/components/PageTitle';
import { Pager } from '../../app/components/Pager';
import { languageTag } from '../../app/language';
import { useLanguage } from '../../app/useLanguage';
import { useMarketAccess } from './access';
import { ListingCard } from './components/ListingCard';
import { formatCount } from './format';
import { MarketFilters } from './MarketFilters';
import { listingsQuery } from './queries';
import type { MarketSearch } from './search';
import { scriptOf } from './text';

const LIMIT = 20;

/** The public market: published offers and needs, searched in any of the three languages, filtered, paged. */
export function MarketPage() {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const search = useSearch({ strict: false }) as MarketSearch;
  const navigate = useNavigate();
  const { canList } = useMarketAccess();
  const set = (patch: Partial<MarketSearch>) => void navigate({ to: '/market', search: { ...search, ...patch }, replace: true });
  const [words, setWords] = useState(search.q ?? '');
  useEffect(() => setWords(search.q ?? ''), [search.q]);
  const { offset = 0, ...filters } = search;
  const q = useQuery(listingsQuery({ ...filters, scope: 'market', limit: LIMIT, offset }));
  return (
    <>
      <PageTitle
        actions={
          canList && (
            <ButtonLink to="/market/new" data-testid="market-new-listing">
              {t('market.newListing')}
            </ButtonLink>
          )
        }
      >
        {t('market.title')}
      </PageTitle>
      <Text mb="md" maw={820}>
        {t('market.intro')}
      </Text>
      <search aria-label={t('market.searchLabel')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: words.trim() || undefined, offset: undefined });
          }}
        >
          <Group align="flex-end" gap="xs" mb="lg" wrap="nowrap">
            <TextInput
              type="search"
              label={t('market.searchLabel')}
              description={t('market.searchHint')}
              value={words}
              onChange={(e) => setWords(e.currentTarget.value)}
              attributes={{ input: { lang: words.trim() ? languageTag(scriptOf(words)) : undefined, dir: 'auto' } }}
              style={{ flex: 1 }}
              data-testid="market-search"
            />
            <Button type="submit" data-testid="market-search-submit">
              {t('market.search')}
            </Button>
          </Group>
        </form>
      </search>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <MarketFilters search={search} onChange={set} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <section aria-labelledby="market-results-title">
            <Title order={2} size="h4" id="market-results-title" mb="xs" aria-live="polite" data-testid="market-count">
              {q.data
                ? t(q.data.estimated ? 'market.countAbout' : 'market.count', { count: q.data.total, n: formatCount(q.data.total, lng) })
                : t('market.results')}
            </Title>
            <ListStatus query={q} empty={t('market.empty')} testId="market-empty" />
            <Stack gap="sm" data-testid="market-results">
              {q.data?.items.map((l) => (
                <ListingCard key={l.id} listing={l} />
              ))}
            </Stack>
            {q.data && <Pager total={q.data.total} limit={LIMIT} offset={offset} onChange={(o) => set({ offset: o || undefined })} />}
          </section>
        </Grid.Col>
      </Grid>
    </>
  );
}
