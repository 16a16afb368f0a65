import { Alert, Button, FileInput, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES } from '../../../../shared/contracts/registry';
import { upload } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { PageTitle } from '../../../app/components/PageTitle';
import { useUser } from '../../../app/session';
import { canImport } from '../edit/canEdit';
import { registryKey } from '../queries';
import type { EntityType, ImportResult } from '../types';
import { useLabels } from '../useLabels';
import { ImportSummary } from './ImportSummary';
import { TemplateLinks } from './TemplateLinks';

const send = (type: EntityType, file: File, dryRun: boolean) => {
  const form = new FormData();
  form.append('file', file);
  return upload<ImportResult>(`/api/v1/imports/${type}?dryRun=${dryRun}`, form);
};

/**
 * Bulk import in three steps: the template, a dry run that lists every bad cell (nothing is written), and
 * the import itself, offered only once a dry run of the same file is clean. All rows are written, or none.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const qc = useQueryClient();
  const user = useUser();
  const [type, setType] = useState<EntityType>('enterprise');
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: (f: File) => send(type, f, true) });
  const commit = useMutation({
    mutationFn: (f: File) => send(type, f, false),
    onSuccess: () => qc.invalidateQueries({ queryKey: registryKey }),
  });
  if (!canImport(user)) {
    return (
      <>
        <PageTitle>{t('registry.import.title')}</PageTitle>
        <Alert color="orange" variant="light">
          {t('errors.forbidden')}
        </Alert>
      </>
    );
  }
  const choose = (f: File | null) => {
    setFile(f);
    commit.reset();
    check.reset();
    if (f) check.mutate(f);
  };
  const dry = check.data;
  const ready = !!file && !!dry && dry.errors.length === 0 && dry.rows > 0 && !check.isPending;
  const step = (n: number, title: string) => (
    <Title order={2} size="h4" mb="xs">
      {t('registry.import.step', { n, title })}
    </Title>
  );
  return (
    <>
      <PageTitle>{t('registry.import.title')}</PageTitle>
      <Text mb="lg" maw={820}>
        {t('registry.import.intro')}
      </Text>
      <Stack gap="lg" maw={960}>
        <Paper withBorder p="md" component="section">
          {step(1, t('registry.import.chooseType'))}
          <Group align="flex-end" gap="xl" wrap="wrap">
            <NativeSelect
              label={t('registry.fields.type')}
              value={type}
              onChange={(e) => {
                setType(e.currentTarget.value as EntityType);
                choose(null);
              }}
              data={ENTITY_TYPES.map((ty) => ({ value: ty, label: labels.typePlural(ty) }))}
              data-testid="import-type"
              w={240}
            />
            <TemplateLinks type={type} />
          </Group>
        </Paper>
        <Paper withBorder p="md" component="section">
          {step(2, t('registry.import.check'))}
          <FileInput
            label={t('registry.import.file')}
            description={t('registry.import.fileHint')}
            placeholder={t('registry.import.choose')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={choose}
            clearable
            // Mantine's placeholder grey is 2:1 on white; the prompt must be readable (WCAG AA 4.5:1).
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            clearButtonProps={{ 'aria-label': t('registry.import.clearFile') }}
            maw={480}
            data-testid="import-file"
          />
          <Group mt="sm">
            <Button variant="default" onClick={() => file && check.mutate(file)} disabled={!file} loading={check.isPending} data-testid="dry-run">
              {t('registry.import.checkAgain')}
            </Button>
          </Group>
          <Stack gap="sm" mt="md" aria-live="polite">
            <ApiErrorAlert error={check.error} />
            {dry && <ImportSummary type={type} result={dry} />}
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section">
          {step(3, t('registry.import.commitStep'))}
          <Text size="sm" mb="sm">
            {ready ? t('registry.import.readyHint') : t('registry.import.notReadyHint')}
          </Text>
          <Button onClick={() => file && commit.mutate(file)} disabled={!ready || commit.isSuccess} loading={commit.isPending} data-testid="commit-import">
            {ready ? t('registry.import.commit', { count: dry.valid }) : t('registry.import.commitStep')}
          </Button>
          <Stack gap="sm" mt="md">
            <ApiErrorAlert error={commit.error} />
            {commit.data && <ImportSummary type={type} result={commit.data} />}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
