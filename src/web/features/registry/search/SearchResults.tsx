import { Divider, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntityType, SearchHit } from '../types';
import { useLabels } from '../useLabels';
import { SearchHitItem } from './SearchHitItem';

/** The page's results grouped by type, the group of the best match first. */
export function SearchResults({ items }: { items: SearchHit[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const groups = new Map<EntityType, SearchHit[]>();
  for (const hit of items) groups.set(hit.type, [...(groups.get(hit.type) ?? []), hit]);
  return (
    <Stack gap="lg" data-testid="search-results">
      {[...groups].map(([type, hits]) => (
        <section key={type} aria-labelledby={`results-${type}`}>
          <Title order={2} size="h4" id={`results-${type}`}>
            {t('registry.search.group', { type: labels.typePlural(type), count: hits.length })}
          </Title>
          <ul className="seedbed-plain-list">
            {hits.map((hit, i) => (
              <li key={hit.id}>
                {i > 0 && <Divider />}
                <SearchHitItem hit={hit} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Stack>
  );
}
