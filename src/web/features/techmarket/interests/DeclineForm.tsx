import { Button, Group, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteField } from '../components/NoteField';
import { DECLINE_REASONS } from '../../../../shared/contracts/techmarket';
import { useMarketLabels } from '../labels';
import { submitWith } from '../submit';

type Reason = (typeof DECLINE_REASONS)[number];

/**
 * The owner declines with one reason of a fixed list (so the market learns why deals fail); "other" asks for
 * a note, the other reasons take one optionally.
 */
export function DeclineForm({
  onDecline,
  pending,
  errors,
}: {
  onDecline: (reason: Reason, note: string) => void;
  pending: boolean;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('techmarket');
  const labels = useMarketLabels();
  const [reason, setReason] = useState<Reason | null>(null);
  const [note, setNote] = useState('');
  const ready = reason !== null && (reason !== 'other' || note.trim() !== '');
  return (
    <Stack gap="sm" component="form" onSubmit={submitWith(() => reason && ready && onDecline(reason, note.trim()))} data-testid="decline-form">
      <Radio.Group label={t('thread.declineReason')} value={reason} onChange={(v) => setReason(v as Reason)} required error={errors.reason}>
        <Stack gap={6} mt={6}>
          {DECLINE_REASONS.map((r) => (
            <Radio key={r} value={r} label={labels.declineReason(r)} data-testid={`decline-reason-${r}`} />
          ))}
        </Stack>
      </Radio.Group>
      <NoteField
        label={t('thread.declineNote')}
        description={reason === 'other' ? t('thread.declineNoteRequired') : t('thread.declineNoteHint')}
        required={reason === 'other'}
        value={note}
        onChange={setNote}
        error={errors.note}
        testId="decline-note"
      />
      <Group>
        <Button type="submit" color="red" loading={pending} disabled={!ready || pending} data-testid="decline-submit">
          {t('thread.decline')}
        </Button>
      </Group>
    </Stack>
  );
}
