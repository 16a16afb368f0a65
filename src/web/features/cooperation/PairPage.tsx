import { Alert, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { PageTitle } from '../../app/components/PageTitle';
import { useLanguage } from '../../app/useLanguage';
import { AnchorLink } from '../registry/components/AnchorLink';
import { formatCount, formatMoney } from '../techmarket/format';
import { AgreementCard, DelegationCard, Empty, FocalCard, Loading, OpportunityCard, Section } from './components/parts';
import { ScorecardLine } from './components/Scorecard';
import { useCoopLabels } from './labels';
import { normalisePair } from './pair';
import { pairQuery } from './queries';

/** Everything between two countries: agreements with scorecards (and each side's), delegations, focal persons, opportunities, technology contracts. */
export function PairPage() {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const labels = useCoopLabels();
  const { pair: raw } = useParams({ strict: false }) as { pair: string };
  const pair = normalisePair(raw);
  const q = useQuery({ ...pairQuery(pair ?? raw), enabled: !!pair });
  const title = pair ? labels.pair(pair) : raw;
  if (!pair)
    return (
      <>
        <PageTitle>{t('pair.title', { pair: raw })}</PageTitle>
        <Alert color="orange">{t('pair.invalid')}</Alert>
      </>
    );
  const p = q.data;
  const n = (v: number) => formatCount(v, lng);
  return (
    <>
      <PageTitle>{t('pair.title', { pair: title })}</PageTitle>
      <ApiErrorAlert error={q.error} />
      {q.isLoading && <Loading />}
      {p && (
        <Stack gap="xl" data-testid="pair-page" data-pair={pair}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <Paper withBorder p="md" data-testid="pair-total-scorecard">
              <Title order={2} size="h5" mb={4}>
                {t('pair.scorecard')}
              </Title>
              <ScorecardLine card={p.scorecard} testId="pair-scorecard" />
            </Paper>
            {p.sides.map((s) => (
              <Paper key={s.country} withBorder p="md" data-testid="pair-side" data-country={s.country}>
                <Title order={2} size="h5" mb={4}>
                  {t('pair.sideScorecard', { country: labels.country(s.country) })}
                </Title>
                <ScorecardLine card={s.scorecard} testId="side-scorecard" />
              </Paper>
            ))}
            <Paper withBorder p="md" data-testid="pair-tech-contracts">
              <Title order={2} size="h5" mb={4}>
                {t('pair.techContracts')}
              </Title>
              {p.techContracts ? (
                <>
                  <Text size="xl" fw={700} data-testid="pair-tech-contracts-count">
                    {n(p.techContracts.count)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {p.techContracts.byCurrency.map((c) => formatMoney(c.amount, c.currency, lng)).join(' · ')}
                  </Text>
                  <AnchorLink to="/market/stats" size="sm">
                    {t('pair.marketStats')}
                  </AnchorLink>
                </>
              ) : (
                <Empty>{t('pair.noTechContracts')}</Empty>
              )}
            </Paper>
          </SimpleGrid>
          <Section id="pair-agreements" title={t('pair.agreements', { count: p.agreements.length })} testId="pair-agreements">
            {p.agreements.length === 0 && <Empty>{t('agreements.empty')}</Empty>}
            <Stack gap="sm">
              {p.agreements.map((a) => (
                <AgreementCard key={a.id} a={a} />
              ))}
            </Stack>
          </Section>
          <Section id="pair-delegations" title={t('pair.delegations', { count: p.delegations.length })} testId="pair-delegations">
            {p.delegations.length === 0 && <Empty>{t('delegations.empty')}</Empty>}
            <Stack gap="sm">
              {p.delegations.map((d) => (
                <DelegationCard key={d.id} d={d} />
              ))}
            </Stack>
          </Section>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Section id="pair-focal" title={t('pair.focal', { count: p.focalPersons.length })} testId="pair-focal">
                {p.focalPersons.length === 0 && <Empty>{t('focal.none')}</Empty>}
                <Stack gap="sm">
                  {p.focalPersons.map((f) => (
                    <FocalCard key={f.id} f={f} />
                  ))}
                </Stack>
              </Section>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Section id="pair-opportunities" title={t('pair.opportunities', { count: p.opportunities.length })} testId="pair-opportunities">
                {p.opportunities.length === 0 && <Empty>{t('opportunities.empty')}</Empty>}
                <Stack gap="sm">
                  {p.opportunities.map((o) => (
                    <OpportunityCard key={o.id} o={o} />
                  ))}
                </Stack>
              </Section>
            </Grid.Col>
          </Grid>
          <Group>
            <AnchorLink to="/cooperation">{t('pair.back')}</AnchorLink>
          </Group>
        </Stack>
      )}
    </>
  );
}
