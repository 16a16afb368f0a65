import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { letterQuery } from './queries';

const FONT: Record<string, string> = {
  en: 'inherit',
  zh: '"Noto Sans SC", sans-serif',
  ur: '"Noto Naskh Arabic", serif',
};

/** The decision letter in the applicant's language (or another, on request), ready to print. */
export function LetterPage() {
  const { t } = useTranslation();
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  const [lang, setLang] = useState<string | undefined>(undefined);
  const letter = useQuery(letterQuery(applicationId, lang));
  const l = letter.data;
  return (
    <Stack>
      <style>{'@media print { .seedbed-no-print, header, nav { display: none !important; } }'}</style>
      <Group className="seedbed-no-print" justify="space-between">
        <SegmentedControl
          aria-label={t('funding.review.letter.language')}
          value={lang ?? l?.language ?? 'en'}
          onChange={setLang}
          data={[
            { value: 'en', label: 'English' },
            { value: 'zh', label: '简体中文' },
            { value: 'ur', label: 'اردو' },
          ]}
        />
        <Button onClick={() => window.print()}>{t('funding.review.letter.print')}</Button>
      </Group>
      <ApiErrorAlert error={letter.error} />
      {l && (
        <Paper withBorder p="xl" maw={760} dir={l.dir} lang={l.language} style={{ fontFamily: FONT[l.language] }} data-testid="decision-letter">
          <Text size="sm" ta="end">
            {l.date}
          </Text>
          <Title order={1} size="h3" my="md">
            {l.subject}
          </Title>
          <Text mb="sm">{l.salutation}</Text>
          <Stack gap="sm">
            {l.paragraphs.map((p) => (
              <Text key={p}>{p}</Text>
            ))}
            <Text style={{ whiteSpace: 'pre-wrap' }} fs="italic">
              {l.reasons}
            </Text>
            <Text>{l.objection}</Text>
          </Stack>
          <Text mt="xl">{l.closing}</Text>
          <Text fw={600}>{l.signature}</Text>
        </Paper>
      )}
    </Stack>
  );
}
