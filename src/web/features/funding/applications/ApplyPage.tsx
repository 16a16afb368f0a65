import { Alert, Anchor, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { useUser } from '../../../app/session';
import { useLanguage } from '../../../app/useLanguage';
import { callQuery, t3 } from '../calls/queries';
import { AK, type Application, myApplicationsQuery } from './queries';

type EnterpriseLite = { id: string; names: { en: string; zh?: string; ur?: string } };

/**
 * Starting an application: choose the enterprise (those the applicant's role names; an applicant without a
 * named enterprise searches the registry), or continue a draft already started for this call.
 */
export function ApplyPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { callId } = useParams({ strict: false }) as { callId: string };
  const user = useUser();
  const call = useQuery(callQuery(callId));
  const mine = useQuery(myApplicationsQuery({ callId }));
  const grants = (user?.roles ?? []).filter((g) => g.role === 'enterprise_member');
  const scoped = grants.filter((g) => g.scopeType === 'enterprise' && g.scopeId).map((g) => g.scopeId!);
  const anyEnterprise = grants.some((g) => g.scopeType === null);
  const named = useQueries({
    queries: scoped.map((id) => ({ queryKey: ['registry', 'enterprise', id], queryFn: () => get<EnterpriseLite>(`/api/v1/enterprises/${id}`) })),
  });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const found = useQuery({
    queryKey: ['registry', 'enterprises', 'search', q],
    queryFn: () => get<{ items: EnterpriseLite[] }>('/api/v1/enterprises', { q, limit: 20 }),
    enabled: anyEnterprise,
  });
  const options = [...named.map((n) => n.data).filter((x): x is EnterpriseLite => !!x), ...(anyEnterprise ? (found.data?.items ?? []) : [])];
  const [enterpriseId, setEnterpriseId] = useState<string | null>(scoped.length === 1 ? scoped[0] : null);
  const start = useMutation({
    mutationFn: () => post<Application>('/api/v1/funding/applications', { callId, enterpriseId }),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: AK.all });
      void navigate({ to: `/funding/applications/${a.id}` as never });
    },
  });
  const drafts = (mine.data?.items ?? []).filter((a) => a.status === 'draft');
  return (
    <>
      <PageTitle>{call.data ? t('funding.applications.apply.title', { call: t3(call.data.names, lng) }) : t('status.loading')}</PageTitle>
      <ApiErrorAlert error={call.error} />
      {drafts.length > 0 && (
        <Alert mb="md" title={t('funding.applications.apply.continueTitle')}>
          <Stack gap={4}>
            {drafts.map((d) => (
              <Anchor key={d.id} component={Link} to={`/funding/applications/${d.id}` as never}>
                {d.enterprise ? t3(d.enterprise.names, lng) : d.id}
              </Anchor>
            ))}
          </Stack>
        </Alert>
      )}
      <Card withBorder maw={640}>
        <Stack>
          <Text>{t('funding.applications.apply.intro')}</Text>
          <Select
            label={t('funding.applications.apply.enterprise')}
            data={options.map((e) => ({ value: e.id, label: t3(e.names, lng) }))}
            value={enterpriseId}
            onChange={setEnterpriseId}
            searchable={anyEnterprise}
            searchValue={anyEnterprise ? search : undefined}
            onSearchChange={anyEnterprise ? setSearch : undefined}
            nothingFoundMessage={t('status.empty')}
            required
          />
          {!anyEnterprise && scoped.length === 0 && <Alert color="orange">{t('funding.applications.apply.noEnterprise')}</Alert>}
          <ApiErrorAlert error={start.error} />
          <Group>
            <Button onClick={() => start.mutate()} disabled={!enterpriseId || start.isPending} loading={start.isPending}>
              {t('funding.applications.apply.start')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
