import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/roles';
import { useLanguage } from '../../../app/useLanguage';
import { Highlighted } from '../components/Highlighted';
import { SyntheticBadge } from '../components/SyntheticBadge';
import { PLURAL } from '../entityTypes';
import type { SearchHit } from '../types';
import { useLabels } from '../useLabels';
import { AnchorLink } from '../components/AnchorLink';

/** One result: the name in the reader's script as the link, the other scripts beside it, matches marked. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  const main: Language = hit.highlight[lng] ? lng : 'en';
  const others = LANGUAGES.filter((l) => l !== main && hit.highlight[l]);
  const place = [labels.division(hit.province), labels.country(hit.country)].filter(Boolean).join(t('registry.listSeparator'));
  return (
    <Stack gap={2} py="sm" data-testid="search-hit">
      <Group gap="xs" wrap="wrap">
        <AnchorLink to="/directory/$type/$id" params={{ type: PLURAL[hit.type], id: hit.id }} fw={700} size="lg">
          <Highlighted segments={hit.highlight[main] ?? []} script={main} />
        </AnchorLink>
        <Badge variant="light" color="gray" tt="none" size="sm">
          {labels.type(hit.type)}
        </Badge>
        <SyntheticBadge synthetic={hit.synthetic} />
      </Group>
      {others.length > 0 && (
        <Text size="sm">
          {others.map((l, i) => (
            <span key={l}>
              {i > 0 && ' · '}
              <Highlighted segments={hit.highlight[l] ?? []} script={l} />
            </span>
          ))}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {[labels.kind(hit.kind), place].filter(Boolean).join(' — ')}
      </Text>
    </Stack>
  );
}
