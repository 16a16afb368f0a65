import { Alert, Loader, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { governanceQuery } from '../queries';
import { GovernanceBranch } from './GovernanceBranch';

/** The governance chains: State Council → MOST → Torch Center → provincial department → zone committee. */
export function GovernancePage() {
  const { t } = useTranslation();
  const tree = useQuery(governanceQuery);
  const roots = tree.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('registry.governance.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('registry.governance.intro')}
      </Text>
      <ApiErrorAlert error={tree.error} />
      {tree.isLoading && <Loader size="sm" role="status" aria-label={t('status.loading')} />}
      {tree.data && roots.length === 0 && (
        <Alert color="gray" variant="light">
          {t('registry.governance.empty')}
        </Alert>
      )}
      {roots.length > 0 && (
        <Paper withBorder p="md">
          <ul className="seedbed-tree seedbed-tree-root" aria-label={t('registry.governance.title')} data-testid="governance-tree">
            {roots.map((n) => (
              <GovernanceBranch key={`${n.type}:${n.id}`} node={n} depth={0} />
            ))}
          </ul>
        </Paper>
      )}
    </>
  );
}
