import { Anchor, Button, Group, Select, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAT_ENTITY_TYPES } from '../../../../shared/contracts/statistics';
import { post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { DateTime } from '../../../app/components/DateTime';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { Pager } from '../../../app/components/Pager';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useUser } from '../../../app/session';
import { useLanguage } from '../../../app/useLanguage';
import { formatDate, formatValue } from './number';
import { LateBadge, Name, StatusBadge, SyntheticMark } from './parts';
import { type FilingT, filingsQuery, nameOf, SK, type StatEntityType, type Submission, submissionsQuery } from './queries';

const FILERS = new Set(['enterprise_member', 'incubator_manager', 'zone_manager']);
const LIMIT = 20;

/**
 * "My surveys": every entity I file for × every open period, started or not, with Start / Continue; then the
 * returns I have filed. A user who may file for many entities (an unscoped role) searches them by name.
 */
export function MySurveysPage() {
  const { t } = useTranslation('survey');
  const lng = useLanguage();
  const user = useUser();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [entityType, setEntityType] = useState<StatEntityType | null>(null);
  const filings = useQuery(filingsQuery({ q: q || undefined, entityType: entityType ?? undefined }));
  const [offset, setOffset] = useState(0);
  const mine = useQuery(submissionsQuery({ view: 'mine', limit: LIMIT, offset }));
  const unscoped = (user?.roles ?? []).some((g) => FILERS.has(g.role) && !g.scopeId);
  const many = unscoped || (filings.data?.total ?? 0) > 10 || !!q;
  const items = filings.data?.items ?? [];
  const total = filings.data?.total ?? 0;

  return (
    <>
      <PageTitle>{t('mine.title')}</PageTitle>
      <Text mb="md" maw={760}>
        {t('mine.intro')}
      </Text>
      <section>
        <Title order={2} size="h3" id="survey-filings-title" mb="sm">
          {t('mine.filings')}
        </Title>
        <Group mb="sm" align="flex-end" wrap="wrap">
          {many && (
            <TextInput
              label={t('mine.search')}
              placeholder={t('mine.searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              type="search"
              w={320}
              data-testid="survey-search"
            />
          )}
          <Select
            label={t('fields.entityType')}
            placeholder={t('mine.allTypes')}
            data={STAT_ENTITY_TYPES.map((e) => ({ value: e, label: t(`entityType.${e}`) }))}
            value={entityType}
            onChange={(v) => setEntityType(v as StatEntityType | null)}
            clearable
            w={220}
            data-testid="survey-entity-type"
          />
        </Group>
        <ApiErrorAlert error={filings.error} />
        <ScrollTable label={t('mine.filings')} minWidth={860}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.entity')}</Table.Th>
              <Table.Th>{t('fields.period')}</Table.Th>
              <Table.Th>{t('fields.dueOn')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('fields.checks')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('fields.action')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 &&
              (unscoped && !q && !filings.isLoading ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text size="sm" data-testid="survey-search-first">
                      {t('mine.searchFirst')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                <EmptyRow cols={6} loading={filings.isLoading} />
              ))}
            {items.map((f) => (
              <FilingRow key={`${f.formId}:${f.entity.id}`} filing={f} />
            ))}
          </Table.Tbody>
        </ScrollTable>
        {total > items.length && (
          <Text size="sm" c="dimmed" mt="xs" role="status">
            {t('mine.showing', { shown: formatValue(items.length, lng), total: formatValue(total, lng) })}
          </Text>
        )}
      </section>

      <section>
        <Title order={2} size="h3" id="survey-mine-title" mt="xl" mb="sm">
          {t('mine.submissions')}
        </Title>
        <ApiErrorAlert error={mine.error} />
        <ScrollTable label={t('mine.submissions')} minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.entity')}</Table.Th>
              <Table.Th>{t('fields.period')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('fields.level')}</Table.Th>
              <Table.Th>{t('fields.submittedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(mine.data?.items ?? []).length === 0 && <EmptyRow cols={5} loading={mine.isLoading} />}
            {(mine.data?.items ?? []).map((s) => (
              <Table.Tr key={s.id} data-testid="survey-mine-row">
                <Table.Td>
                  <Anchor component={Link} to={`/statistics/survey/${s.id}` as never}>
                    <Name names={s.entity.names} />
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`entityType.${s.entityType}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Name names={s.period.names} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <StatusBadge status={s.status} />
                    <LateBadge late={s.late} />
                  </Group>
                </Table.Td>
                <Table.Td>{s.level && s.status === 'submitted' ? t(`level.${s.level}`) : ''}</Table.Td>
                <Table.Td>
                  <DateTime value={s.submittedAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
        <Pager total={mine.data?.total ?? 0} limit={LIMIT} offset={offset} onChange={setOffset} />
      </section>
    </>
  );
}

function FilingRow({ filing }: { filing: FilingT }) {
  const { t } = useTranslation('survey');
  const lng = useLanguage();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const s = filing.submission;
  const start = useMutation({
    mutationFn: () => post<Submission>('/api/v1/statistics/submissions', { formId: filing.formId, entityId: filing.entity.id }),
    onSuccess: (sub) => {
      qc.setQueryData(SK.one(sub.id), sub);
      void qc.invalidateQueries({ queryKey: SK.all });
      void navigate({ to: `/statistics/survey/${sub.id}` as never });
    },
  });
  const entity = nameOf(filing.entity.names, lng);
  const action = !s ? 'start' : s.status === 'draft' || s.status === 'returned' ? 'continue' : 'view';
  return (
    <Table.Tr data-testid="survey-filing" data-entity={filing.entity.id}>
      <Table.Td>
        <Name names={filing.entity.names} />
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {t(`entityType.${filing.entityType}`)}
          </Text>
          <SyntheticMark synthetic={filing.period.synthetic} />
        </Group>
      </Table.Td>
      <Table.Td>
        <Name names={filing.period.names} />
      </Table.Td>
      <Table.Td>{formatDate(filing.period.dueOn, lng)}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          <StatusBadge status={s?.status ?? null} />
          <LateBadge late={!!s?.late} />
        </Group>
      </Table.Td>
      <Table.Td>
        {s && (s.errors > 0 || s.warnings > 0) ? (
          <Text size="sm">{t('counts', { errors: formatValue(s.errors, lng), warnings: formatValue(s.warnings, lng) })}</Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {action === 'start' ? (
          <Button size="xs" onClick={() => start.mutate()} loading={start.isPending} aria-label={t('mine.startFor', { entity })} data-testid="survey-start">
            {t('mine.start')}
          </Button>
        ) : (
          <Button
            size="xs"
            variant={action === 'continue' ? 'filled' : 'default'}
            component={Link}
            to={`/statistics/survey/${s!.id}` as never}
            aria-label={t(action === 'continue' ? 'mine.continueFor' : 'mine.viewFor', { entity })}
            data-testid={action === 'continue' ? 'survey-continue' : 'survey-view'}
          >
            {t(action === 'continue' ? 'mine.continue' : 'mine.view')}
          </Button>
        )}
        {start.error ? <ApiErrorAlert error={start.error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}
