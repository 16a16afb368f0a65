import { Button, FileInput, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { fieldErrors } from '../../../app/forms';
import { notify } from '../../../app/notify';
import { submitWith } from '../../techmarket/submit';
import { cancelCommitment, COOP, type Commitment, deliverCommitment, uploadEvidence } from '../queries';
import { isoDay } from '../scorecard';

/** "Mark delivered": the date, a note and/or files that show it (uploaded first, then named by id). */
export function DeliveryForm({ c, onDone }: { c: Commitment; onDone: () => void }) {
  const { t } = useTranslation('cooperation');
  const qc = useQueryClient();
  const [deliveredOn, setOn] = useState(isoDay());
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const m = useMutation({
    mutationFn: async () => {
      const stored = [];
      for (const f of files) stored.push(await uploadEvidence(f));
      return deliverCommitment(c.id, { deliveredOn, evidenceNote: note.trim() || undefined, evidenceFileIds: stored.map((s) => s.id), version: c.version });
    },
    onSuccess: () => {
      notify(t('commitments.deliveredSaved'));
      void qc.invalidateQueries({ queryKey: COOP.all });
      onDone();
    },
  });
  const errors = fieldErrors(m.error, ['deliveredOn', 'evidenceNote', 'evidenceFileIds']);
  return (
    <Paper withBorder p="sm" component="form" noValidate onSubmit={submitWith(() => m.mutate())} data-testid="delivery-form">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('commitments.markDelivered')}
        </Text>
        <TextInput
          type="date"
          label={t('commitments.deliveredOn')}
          value={deliveredOn}
          onChange={(e) => setOn(e.currentTarget.value)}
          required
          error={errors.deliveredOn}
          data-testid="delivery-date"
        />
        <Textarea
          label={t('commitments.evidenceNote')}
          description={t('commitments.evidenceHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={5000}
          dir="auto"
          error={errors.evidenceNote}
          data-testid="delivery-note"
        />
        <FileInput
          label={t('commitments.evidenceFiles')}
          description={t('commitments.evidenceFilesHint')}
          placeholder={t('commitments.chooseFiles')}
          multiple
          clearable
          value={files}
          onChange={setFiles}
          error={errors.evidenceFileIds}
          data-testid="delivery-files"
        />
        <ApiErrorAlert error={m.error} fields={['deliveredOn', 'evidenceNote', 'evidenceFileIds']} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={m.isPending} data-testid="delivery-submit">
            {t('commitments.saveDelivered')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Cancel a commitment, saying why. */
export function CancelForm({ c, onDone }: { c: Commitment; onDone: () => void }) {
  const { t } = useTranslation('cooperation');
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const m = useMutation({
    mutationFn: () => cancelCommitment(c.id, { reason: reason.trim(), version: c.version }),
    onSuccess: () => {
      notify(t('commitments.cancelledSaved'));
      void qc.invalidateQueries({ queryKey: COOP.all });
      onDone();
    },
  });
  const errors = fieldErrors(m.error, ['reason']);
  return (
    <Paper withBorder p="sm" component="form" noValidate onSubmit={submitWith(() => m.mutate())} data-testid="cancel-form">
      <Stack gap="xs">
        <Textarea
          label={t('commitments.cancelReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={2000}
          dir="auto"
          error={errors.reason}
          data-testid="cancel-reason"
        />
        <ApiErrorAlert error={m.error} fields={['reason']} />
        <Group gap="xs">
          <Button type="submit" size="xs" color="red" loading={m.isPending} disabled={!reason.trim()} data-testid="cancel-submit">
            {t('commitments.cancelCommitment')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('actions.back')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
