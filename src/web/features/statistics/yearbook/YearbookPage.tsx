import { Alert, Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { ConfirmButton } from '../../../app/components/ConfirmButton';
import { PageTitle } from '../../../app/components/PageTitle';
import { notify } from '../../../app/notify';
import { useLanguage } from '../../../app/useLanguage';
import { YearSelect } from './controls';
import { formatYear, text3 } from './format';
import { type Period, periodsQuery, publishPeriod, statsKey, yearbookIndexQuery } from './queries';
import { useYearbookSearch } from './search';
import { useStatisticsAccess } from './staff';

/**
 * The yearbook's contents: the standard tables of a year. The public sees published years only; staff see
 * every year, the unpublished ones marked; analysts publish a year from here.
 */
export function YearbookPage() {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const { staff, manager } = useStatisticsAccess();
  const index = useQuery(yearbookIndexQuery);
  const [search, setSearch] = useYearbookSearch();
  const years = index.data?.years ?? [];
  const latestPublished = [...years].filter((y) => y.published).sort((a, b) => b.year - a.year)[0]?.year;
  const latest = [...years].sort((a, b) => b.year - a.year)[0]?.year;
  const year = search.year ?? latestPublished ?? latest;
  const chosen = years.find((y) => y.year === year);
  const tables = (index.data?.tables ?? []).filter((tb) => tb.public || staff);
  return (
    <>
      <PageTitle>{t('index.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('index.intro')}
      </Text>
      <ApiErrorAlert error={index.error} />
      {index.isLoading && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
      {index.data && years.length === 0 && (
        <Alert variant="light" color="gray" mb="md">
          {t('index.noYears')}
        </Alert>
      )}
      {index.data && years.length > 0 && (
        <Stack gap="lg">
          <Group align="flex-end" gap="md" wrap="wrap">
            <YearSelect years={years} value={year} onChange={(y) => setSearch({ year: y })} testId="yearbook-year" />
            {chosen && !chosen.published && (
              <Badge color="orange" variant="light" size="lg" tt="none" data-testid="yearbook-unpublished">
                {t('index.notPublished')}
              </Badge>
            )}
            {chosen?.published && (
              <Badge color="teal" variant="light" size="lg" tt="none">
                {t('index.published')}
              </Badge>
            )}
          </Group>
          {manager && chosen && !chosen.published && year !== undefined && <PublishYear year={year} />}
          <section aria-labelledby="yearbook-tables">
            <Title order={2} size="h3" id="yearbook-tables" mb="sm">
              {t('index.tables', { year: year === undefined ? '' : formatYear(year, lng) })}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="yearbook-tables">
              {tables.map((tb) => (
                <Paper key={tb.key} withBorder p="md" data-testid={`yearbook-table-link-${tb.key}`}>
                  <Anchor component={Link} to="/statistics/yearbook/$table" params={{ table: tb.key } as never} search={{ year } as never} fw={600}>
                    {text3(tb.title, lng)}
                  </Anchor>
                  <Text size="sm" mt={4}>
                    {t(`tables.${tb.key}`, { defaultValue: '' })}
                  </Text>
                  {!tb.public && (
                    <Badge mt="xs" color="gray" variant="light" tt="none">
                      {t('index.staffOnlyTable')}
                    </Badge>
                  )}
                </Paper>
              ))}
            </SimpleGrid>
          </section>
          <Text size="sm">
            <Anchor component={Link} to="/statistics/series">
              {t('index.seriesLink')}
            </Anchor>
          </Text>
        </Stack>
      )}
    </>
  );
}

/** The analyst's button: publishes the year's period(s), after asking; the public sees the year from then on. */
function PublishYear({ year }: { year: number }) {
  const { t } = useTranslation('yearbook');
  const lng = useLanguage();
  const qc = useQueryClient();
  const periods = useQuery(periodsQuery);
  const pending = (periods.data?.items ?? []).filter((p) => p.year === year && !p.publishedAt);
  const publish = useMutation({
    mutationFn: async (list: Period[]) => {
      for (const p of list) await publishPeriod(p.id);
    },
    onSuccess: () => {
      notify(t('publish.done', { year: formatYear(year, lng) }));
      void qc.invalidateQueries({ queryKey: statsKey });
    },
    onError: (err) => notify(err instanceof ApiError && err.message ? err.message : t('publish.failed'), 'error'),
  });
  if (periods.isLoading) return <Loader size="sm" role="status" aria-label={t('status.loading')} />;
  if (periods.error) return <ApiErrorAlert error={periods.error} />;
  if (pending.length === 0) return null;
  const names = pending.map((p) => text3(p.names, lng)).join(lng === 'zh' ? '、' : ', ');
  return (
    <Paper withBorder p="md" maw={720}>
      <Text size="sm" mb="sm">
        {t('publish.explain', { periods: names })}
      </Text>
      <ConfirmButton
        label={t('publish.button')}
        title={t('publish.confirmTitle', { year: formatYear(year, lng) })}
        question={t('publish.confirmQuestion', { year: formatYear(year, lng), periods: names })}
        confirmLabel={t('publish.confirm')}
        onConfirm={() => publish.mutate(pending)}
        loading={publish.isPending}
        data-testid="yearbook-publish"
      />
      <ApiErrorAlert error={publish.error} />
    </Paper>
  );
}
