import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ListStatus } from './ListStatus';
import { useLanguage } from '../../../app/useLanguage';
import { EntityLink } from '../../registry/components/EntityLink';
import { formatPercent } from '../format';
import { useMarketLabels } from '../labels';
import { type EnterpriseMatch, type Listing, type Match, matchesQuery } from '../queries';
import { relativeScore } from '../reasons';
import { writtenLanguages } from '../text';
import { ListingCard } from './ListingCard';
import { MatchReasons } from './MatchReasons';

function Strength({ score, best, name }: { score: number; best: number; name: string }) {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const rel = relativeScore(score, best);
  return (
    <Group gap="xs" wrap="nowrap" w={220}>
      <Text size="xs" c="dimmed">
        {t('matches.strength')}
      </Text>
      <Progress value={rel * 100} size="sm" flex={1} aria-label={t('matches.strengthOf', { name, share: formatPercent(rel, lng) })} />
    </Group>
  );
}

function MatchItem({ match, best, languages }: { match: Match; best: number; languages: readonly string[] }) {
  const { t } = useTranslation('techmarket');
  const theirs = writtenLanguages(match.listing.texts, match.listing.languages);
  const both = [...new Set([...theirs, ...languages])];
  return (
    <div data-testid="match-item" data-listing-id={match.listing.id} data-score={match.score}>
      <ListingCard
        listing={match.listing}
        testId="match-listing"
        extra={
          <Stack gap={4} mt={4}>
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" fw={600}>
                {t('matches.why')}
              </Text>
              <Strength score={match.score} best={best} name={match.listing.owner.name} />
            </Group>
            <MatchReasons reasons={match.reasons} languages={both} />
          </Stack>
        }
      />
    </div>
  );
}

function EnterpriseItem({ match, best, languages }: { match: EnterpriseMatch; best: number; languages: readonly string[] }) {
  const labels = useMarketLabels();
  const e = match.enterprise;
  return (
    <Paper withBorder p="md" data-testid="enterprise-match" data-enterprise-id={e.id}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>
              <EntityLink entity={{ type: 'enterprise', id: e.id, names: e.names }} />
            </Text>
            <Text size="sm" c="dimmed">
              {labels.country(e.country)}
              {e.sector && ` · ${labels.sector(e.sector)}`}
            </Text>
          </Group>
          <Strength score={match.score} best={best} name={e.names.en} />
        </Group>
        <MatchReasons reasons={match.reasons} languages={languages} />
      </Stack>
    </Paper>
  );
}

/**
 * The suggestions for a listing, each with why: for a need the offers that answer it; for an offer the needs
 * it answers and the enterprises of the registry it could serve.
 */
export function MatchList({ listing }: { listing: Listing }) {
  const { t } = useTranslation('techmarket');
  const q = useQuery({ ...matchesQuery(listing.id), enabled: listing.status === 'published' || listing.access === 'owner' || listing.access === 'moderator' });
  const mine = writtenLanguages(listing.texts, listing.languages);
  const items = q.data?.items ?? [];
  const enterprises = q.data?.enterprises ?? [];
  const best = Math.max(0, ...items.map((m) => m.score));
  const bestEnterprise = Math.max(0, ...enterprises.map((m) => m.score));
  return (
    <Stack gap="lg">
      <section aria-labelledby="matches-title" data-testid="matches">
        <Title order={2} size="h3" id="matches-title" mb={4}>
          {listing.kind === 'need' ? t('matches.offersTitle') : t('matches.needsTitle')}
        </Title>
        <Text size="sm" mb="sm" maw={760}>
          {t('matches.intro')}
        </Text>
        <ListStatus query={q} empty={t('matches.none')} testId="matches-none" />
        <Stack gap="sm">
          {items.map((m) => (
            <MatchItem key={m.listing.id} match={m} best={best} languages={mine} />
          ))}
        </Stack>
      </section>
      {listing.kind === 'offer' && enterprises.length > 0 && (
        <section aria-labelledby="enterprise-matches-title" data-testid="enterprise-matches">
          <Title order={2} size="h3" id="enterprise-matches-title" mb={4}>
            {t('matches.enterprisesTitle')}
          </Title>
          <Text size="sm" mb="sm" maw={760}>
            {t('matches.enterprisesIntro')}
          </Text>
          <Stack gap="sm">
            {enterprises.map((m) => (
              <EnterpriseItem key={m.enterprise.id} match={m} best={bestEnterprise} languages={mine} />
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
