import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PLURAL } from '../entityTypes';
import type { EntityType, ImportResult } from '../types';
import { useLabels } from '../useLabels';
import { ImportErrorsTable } from './ImportErrorsTable';
import { AnchorLink } from '../components/AnchorLink';

/** What a dry run found (the problems, or that the file is ready), or what a real import wrote. */
export function ImportSummary({ type, result }: { type: EntityType; result: ImportResult }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const counts = { rows: result.rows, valid: result.valid, created: result.created, updated: result.updated, count: result.errors.length };
  if (!result.dryRun) {
    return (
      <Alert color="teal" variant="light" title={t('registry.import.doneTitle')} role="status" data-testid="import-done">
        <Text size="sm">{t('registry.import.done', counts)}</Text>
        {result.indexing === 'queued' && (
          <Text size="sm" data-testid="import-indexing">
            {t('registry.import.indexingQueued')}
          </Text>
        )}
        <AnchorLink to="/directory/$type" params={{ type: PLURAL[type] }} search={{ sort: '-createdAt' }} size="sm">
          {t('registry.import.seeList', { list: labels.typePlural(type) })}
        </AnchorLink>
      </Alert>
    );
  }
  if (result.errors.length > 0) {
    return (
      <>
        <Alert
          color="red"
          variant="light"
          title={t('registry.import.problemsTitle', { count: result.errors.length })}
          role="alert"
          data-testid="dry-run-problems"
        >
          {t('registry.import.problems', counts)}
        </Alert>
        <ImportErrorsTable errors={result.errors} />
      </>
    );
  }
  return (
    <Alert color="teal" variant="light" title={t('registry.import.cleanTitle')} role="status" data-testid="dry-run-clean">
      {t(result.rows === 0 ? 'registry.import.emptyFile' : 'registry.import.clean', { ...counts, count: result.rows })}
    </Alert>
  );
}
