import { Alert, Grid, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { NotFoundPage } from '../../../app/components/NotFoundPage';
import { useUser } from '../../../app/session';
import { canEdit } from '../edit/canEdit';
import { EditEntityModal } from '../edit/EditEntityModal';
import { typeOfPlural } from '../entityTypes';
import { entityQuery } from '../queries';
import { Description } from './Description';
import { EntityHeader } from './EntityHeader';
import { FactsTable } from './FactsTable';
import { FieldList } from './FieldList';
import { NamesBlock } from './NamesBlock';
import { Relations } from './Relations';
import { StageBlock } from './StageBlock';

const ZoneMap = lazy(() => import('../map/ZoneMap').then((m) => ({ default: m.ZoneMap })));
const route = getRouteApi('/directory/$type/$id');

/** One record: names in three scripts, every field, relations as links, the map of a zone, sources. */
export function EntityPage() {
  const { t } = useTranslation();
  const { type: plural, id } = route.useParams();
  const type = typeOfPlural(plural);
  const user = useUser();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ ...entityQuery(type ?? 'zone', id), enabled: !!type });
  if (!type || (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400))) return <NotFoundPage />;
  if (q.error) return <ApiErrorAlert error={q.error} />;
  if (!q.data) return <Loader role="status" aria-label={t('status.loading')} />;
  const e = q.data;
  const section = (key: string, children: ReactNode, testId?: string) => (
    <Stack gap="sm" component="section" aria-labelledby={`sec-${key}`} data-testid={testId}>
      <Title order={2} size="h4" id={`sec-${key}`}>
        {t(`registry.entity.sections.${key}`)}
      </Title>
      {children}
    </Stack>
  );
  return (
    <>
      <EntityHeader entity={e} onEdit={canEdit(user, e) ? () => setEditing(true) : undefined} />
      <Stack gap="xl">
        <Description value={e.description} />
        {e.type === 'enterprise' && <StageBlock entity={e} />}
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              {section('names', <NamesBlock names={e.names} />)}
              {section('fields', <FieldList entity={e} />)}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>{section('relations', <Relations entity={e} />)}</Grid.Col>
        </Grid>
        {e.type === 'zone' && (
          <Suspense fallback={<Loader size="sm" role="status" aria-label={t('status.loading')} />}>
            <ZoneMap zone={e} />
          </Suspense>
        )}
        {section('sources', <FactsTable source={e.source} facts={e.facts ?? []} />, 'sources')}
        {e.synthetic && (
          <Alert color="grape" variant="light">
            {t('registry.syntheticHint')}
          </Alert>
        )}
      </Stack>
      {editing && <EditEntityModal entity={e} onClose={() => setEditing(false)} />}
    </>
  );
}
