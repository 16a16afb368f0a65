import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { notify } from '../../../app/notify';
import { hasRole, useUser } from '../../../app/session';
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
  const user = useUser();
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
      {l?.objectionsOpenUntil && hasRole(user, 'enterprise_member') && <ObjectionForm callId={l.callId} applicationId={l.applicationId} />}
    </Stack>
  );
}

/** The applicant's objection to the published results, during the objection period. */
function ObjectionForm({ callId, applicationId }: { callId: string; applicationId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const object = useMutation({
    mutationFn: () => post(`/api/v1/funding/calls/${callId}/results/objections`, { applicationId, text }),
    onSuccess: () => {
      setSent(true);
      notify(t('funding.review.letter.objected'));
    },
  });
  if (sent) return <Text className="seedbed-no-print">{t('funding.review.letter.objected')}</Text>;
  return (
    <Paper withBorder p="md" maw={760} className="seedbed-no-print">
      <Stack gap="xs">
        <Textarea label={t('funding.review.letter.objectLabel')} autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <ApiErrorAlert error={object.error} />
        <Group>
          <Button variant="default" disabled={!text.trim()} loading={object.isPending} onClick={() => object.mutate()}>
            {t('funding.review.letter.object')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
