import { Alert, Button, Card, FileButton, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../shared/contracts/statistics';
import { upload } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { Findings } from './Findings';
import { formatValue } from './number';
import { API, nameOf, type Submission, type UploadResultT } from './queries';

type Props = {
  submission: Submission;
  indicators: Indicator[];
  /** Values on the form now (the upload replaces them). */
  current: Record<string, number | null>;
  dirty: boolean;
  /** After a real upload saved the values as the draft. */
  onSaved: () => Promise<void> | void;
};

const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

/**
 * Filling the return in a spreadsheet: download the form's template in the reader's language, fill it in,
 * upload it. The upload is read first without saving (a dry run: what was read, the cells that could not be
 * read, the checks), then saved as the draft when the respondent says so.
 */
export function XlsxPanel({ submission, indicators, current, dirty, onSaved }: Props) {
  const { t } = useTranslation('survey');
  const lng = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  // Cleared after each pick, so choosing the same (corrected) file again is seen as a new choice.
  const resetInput = useRef<() => void>(null);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const dry = useMutation({ mutationFn: (f: File) => upload<UploadResultT>(API.upload(submission.id, true), fileForm(f)) });
  const save = useMutation({
    mutationFn: (f: File) => upload<UploadResultT>(API.upload(submission.id, false, submission.version), fileForm(f)),
    onSuccess: async () => {
      setFile(null);
      dry.reset();
      await onSaved();
    },
  });
  const pick = (f: File | null) => {
    setFile(f);
    resetInput.current?.();
    save.reset();
    if (f) dry.mutate(f);
    else dry.reset();
  };
  const result = dry.data;
  // Rows worth showing: a value in the file, or a value on the form the file would clear.
  const read = result
    ? indicators.filter((i) => (result.values[i.code] ?? null) !== null || (i.code in result.values && (current[i.code] ?? null) !== null))
    : [];
  const valuesRead = result ? Object.values(result.values).filter((v) => v !== null).length : 0;
  const unreadable = result?.problems.length ?? 0;
  const canEdit = submission.can.edit;
  return (
    <Card withBorder component="section" aria-labelledby="survey-xlsx-title" data-testid="survey-xlsx">
      <Title order={2} size="h4" id="survey-xlsx-title" mb={4}>
        {t('xlsx.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {canEdit ? t('xlsx.intro') : t('xlsx.introReadOnly')}
      </Text>
      <Group gap="sm">
        <Button component="a" href={API.template(submission.formId, lng, submission.id)} download variant="default" size="sm" data-testid="survey-template">
          {t('xlsx.template')}
        </Button>
        {canEdit && (
          <FileButton
            onChange={pick}
            resetRef={resetInput}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            inputProps={{ 'data-testid': 'survey-upload-input', 'aria-label': t('xlsx.upload') } as never}
          >
            {(props) => (
              <Button {...props} variant="light" size="sm" loading={dry.isPending} data-testid="survey-upload">
                {t('xlsx.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <ApiErrorAlert error={dry.error} />
      <Modal
        opened={!!(result && file)}
        onClose={() => pick(null)}
        title={t('xlsx.reviewTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('xlsx.discard') }}
      >
        {result && file && (
          <Stack gap="sm" data-testid="survey-upload-result">
            <Text size="sm" fw={600} role="status">
              {t('xlsx.readSummary', { file: file.name, values: formatValue(valuesRead, lng), problems: formatValue(unreadable, lng) })}
            </Text>
            {read.length > 0 && (
              <ScrollTable label={t('xlsx.valuesRead')} minWidth={360}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('xlsx.indicator')}</Table.Th>
                    <Table.Th ta="end">{t('xlsx.fromFile')}</Table.Th>
                    <Table.Th ta="end">{t('xlsx.onForm')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {read.map((i) => {
                    const v = result.values[i.code] ?? null;
                    const now = current[i.code] ?? null;
                    return (
                      <Table.Tr key={i.code} fw={v !== now ? 600 : undefined}>
                        <Table.Td>{nameOf(i.names, lng)}</Table.Td>
                        <Table.Td ta="end">{v === null ? '—' : formatValue(v, lng)}</Table.Td>
                        <Table.Td ta="end">{now === null ? '—' : formatValue(now, lng)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </ScrollTable>
            )}
            {result.problems.length > 0 && (
              <Alert color="red" variant="light" title={t('xlsx.problems')} data-testid="survey-upload-problems">
                <ScrollTable label={t('xlsx.problems')} minWidth={320}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('xlsx.row')}</Table.Th>
                      <Table.Th>{t('xlsx.column')}</Table.Th>
                      <Table.Th>{t('xlsx.message')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.problems.map((p) => (
                      <Table.Tr key={`${p.row}:${p.column}:${p.message}`}>
                        <Table.Td>{formatValue(p.row, lng)}</Table.Td>
                        <Table.Td>{byCode.get(p.column) ? nameOf(byCode.get(p.column)!.names, lng) : p.column}</Table.Td>
                        <Table.Td>{p.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </ScrollTable>
              </Alert>
            )}
            <Findings findings={result.findings} indicators={byCode} title={t('xlsx.checks')} testId="survey-upload-findings" headingOrder={3} />
            {unreadable > 0 ? (
              <Text size="sm" fw={600} c="red.9" data-testid="survey-upload-blocked">
                {t('xlsx.fixFirst')}
              </Text>
            ) : (
              dirty && <Text size="sm">{t('xlsx.replacesUnsaved')}</Text>
            )}
            <ApiErrorAlert error={save.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => pick(null)} data-testid="survey-upload-discard">
                {t('xlsx.discard')}
              </Button>
              <Button onClick={() => save.mutate(file)} loading={save.isPending} disabled={unreadable > 0 || valuesRead === 0} data-testid="survey-upload-save">
                {t('xlsx.save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
