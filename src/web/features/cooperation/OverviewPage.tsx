import { Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { PageTitle } from '../../app/components/PageTitle';
import { AnchorLink } from '../registry/components/AnchorLink';
import { ButtonLink } from '../techmarket/components/ButtonLink';
import { useCoopAccess } from './access';
import { AgreementCard, Empty, FocalCard, Loading, OpportunityCard, Section } from './components/parts';
import { ScorecardLine } from './components/Scorecard';
import { useCoopLabels } from './labels';
import { pairsFrom } from './pair';
import { agreementsQuery, delegationsQuery, focalQuery, opportunitiesQuery, pairQuery } from './queries';

/** International cooperation at a glance: the country pairs (Pakistan–China first), recent agreements, open opportunities and focal slots. */
export function OverviewPage() {
  const { t } = useTranslation('cooperation');
  const { canManage } = useCoopAccess();
  const agreements = useQuery(agreementsQuery({ limit: 6 }));
  const delegations = useQuery(delegationsQuery({ limit: 50 }));
  const opportunities = useQuery(opportunitiesQuery({ status: 'open', limit: 6 }));
  const slots = useQuery(focalQuery({ state: 'open', limit: 6 }));
  const pairs = pairsFrom([
    ...(agreements.data?.items ?? []).map((a) => a.countries),
    ...(delegations.data?.items ?? []).map((d) => [d.guestCountry, d.hostCountry]),
  ]).slice(0, 4);
  return (
    <>
      <PageTitle
        actions={
          canManage && (
            <Group gap="xs">
              <ButtonLink to="/cooperation/agreements/new" data-testid="overview-new-agreement">
                {t('nav.newAgreement')}
              </ButtonLink>
              <ButtonLink to="/cooperation/delegations/new" variant="default" data-testid="overview-new-delegation">
                {t('nav.newDelegation')}
              </ButtonLink>
            </Group>
          )
        }
      >
        {t('overview.title')}
      </PageTitle>
      <Text mb="lg" maw={820}>
        {t('overview.intro')}
      </Text>
      <Stack gap="xl">
        <Section id="pairs" title={t('overview.pairs')} testId="overview-pairs">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {pairs.map((p) => (
              <PairCard key={p} pair={p} />
            ))}
          </SimpleGrid>
        </Section>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Section
              id="recent-agreements"
              title={t('overview.recentAgreements')}
              actions={<AnchorLink to="/cooperation/agreements">{t('overview.allAgreements')}</AnchorLink>}
              testId="overview-agreements"
            >
              <ApiErrorAlert error={agreements.error} />
              {agreements.isLoading && <Loading />}
              {agreements.data?.items.length === 0 && <Empty>{t('agreements.empty')}</Empty>}
              <Stack gap="sm">
                {agreements.data?.items.map((a) => (
                  <AgreementCard key={a.id} a={a} />
                ))}
              </Stack>
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <Section
                id="open-opportunities"
                title={t('overview.openOpportunities')}
                actions={<AnchorLink to="/cooperation/opportunities">{t('overview.allOpportunities')}</AnchorLink>}
                testId="overview-opportunities"
              >
                <ApiErrorAlert error={opportunities.error} />
                {opportunities.data?.items.length === 0 && <Empty>{t('opportunities.empty')}</Empty>}
                <Stack gap="sm">
                  {opportunities.data?.items.map((o) => (
                    <OpportunityCard key={o.id} o={o} />
                  ))}
                </Stack>
              </Section>
              <Section
                id="open-slots"
                title={t('overview.openSlots')}
                actions={<AnchorLink to="/cooperation/focal-persons">{t('overview.allFocal')}</AnchorLink>}
                testId="overview-slots"
              >
                <ApiErrorAlert error={slots.error} />
                {slots.data?.items.length === 0 && <Empty>{t('focal.noOpenSlots')}</Empty>}
                <Stack gap="sm">
                  {slots.data?.items.map((f) => (
                    <FocalCard key={f.id} f={f} />
                  ))}
                </Stack>
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

/** A country pair: what there is between the two countries, and the way to its page. */
function PairCard({ pair }: { pair: string }) {
  const { t } = useTranslation('cooperation');
  const labels = useCoopLabels();
  const q = useQuery(pairQuery(pair));
  return (
    <Paper withBorder p="md" data-testid="pair-card" data-pair={pair}>
      <Stack gap={6}>
        <Title order={3} size="h4">
          <AnchorLink to="/cooperation/pairs/$pair" params={{ pair }} inherit data-testid="pair-link">
            {labels.pair(pair)}
          </AnchorLink>
        </Title>
        {q.isLoading && <Loading />}
        {q.data && (
          <>
            <Text size="sm">
              {[
                t('pair.agreements', { count: q.data.agreements.length }),
                t('pair.delegations', { count: q.data.delegations.length }),
                t('pair.focal', { count: q.data.focalPersons.length }),
                t('pair.opportunities', { count: q.data.opportunities.length }),
              ].join(' · ')}
            </Text>
            <ScorecardLine card={q.data.scorecard} testId="pair-scorecard" />
          </>
        )}
      </Stack>
    </Paper>
  );
}
