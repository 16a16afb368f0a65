import { Badge, Button, Group, MultiSelect, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPERTISE_TAGS } from '../../../../shared/contracts/funding-review';
import { get, patch, post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { notify } from '../../../app/notify';
import type { ReviewerDto } from './queries';

const meKey = ['funding', 'reviewers', 'me'] as const;

/** The reviewer's own expertise (what assignment matches on) and declared conflicts of interest. */
export function MyExpertise() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useQuery({ queryKey: meKey, queryFn: () => get<ReviewerDto>('/api/v1/funding/reviewers/me'), retry: false });
  const [expertise, setExpertise] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const [entityId, setEntityId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (me.data) {
      setExpertise(me.data.expertise);
      setTags(me.data.tags);
    }
  }, [me.data]);
  const hits = useQuery({
    queryKey: ['funding', 'enterprise-search', q],
    queryFn: () => get<{ items: { id: string; names: { en: string } }[] }>('/api/v1/enterprises', { q, limit: 20 }),
    enabled: !!me.data,
  });
  const save = useMutation({
    mutationFn: () => patch<ReviewerDto>('/api/v1/funding/reviewers/me', { expertise, tags }),
    onSuccess: (r) => {
      qc.setQueryData(meKey, r);
      notify(t('funding.review.me.saved'));
    },
  });
  const declare = useMutation({
    mutationFn: () => post('/api/v1/funding/reviewers/me/conflicts', { entityId, entityName: hits.data?.items.find((e) => e.id === entityId)?.names.en, note }),
    onSuccess: () => {
      setEntityId(null);
      setNote('');
      notify(t('funding.review.me.declared'));
      return qc.invalidateQueries({ queryKey: meKey });
    },
  });
  if (!me.data) return <ApiErrorAlert error={me.error} />;
  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="my-expertise">
      <Title order={2} size="h4" id="my-expertise" mb="xs">
        {t('funding.review.me.title')}
      </Title>
      <Stack gap="sm" maw={760}>
        <MultiSelect
          label={t('funding.review.pool.tags')}
          data={EXPERTISE_TAGS.map((s) => ({ value: s, label: t(`registry.sectors.${s}`) }))}
          value={tags}
          onChange={setTags}
        />
        <Textarea
          label={t('funding.review.pool.expertise')}
          description={t('funding.review.pool.expertiseHint')}
          autosize
          minRows={2}
          value={expertise}
          onChange={(e) => setExpertise(e.currentTarget.value)}
        />
        <ApiErrorAlert error={save.error} />
        <Group>
          <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
        <Text size="sm" fw={600}>
          {t('funding.review.pool.conflicts')}
        </Text>
        {me.data.conflicts.length === 0 && <Text size="sm">{t('status.empty')}</Text>}
        {me.data.conflicts.map((c) => (
          <Group key={c.id} gap="xs">
            <Badge variant="light">{c.entityName ?? c.entityId}</Badge>
            <Text size="sm">{c.note}</Text>
          </Group>
        ))}
        <Group align="flex-end" gap="xs">
          <Select
            label={t('funding.review.pool.conflictWith')}
            searchable
            data={(hits.data?.items ?? []).map((e) => ({ value: e.id, label: e.names.en }))}
            value={entityId}
            onChange={setEntityId}
            searchValue={q}
            onSearchChange={setQ}
            w={280}
          />
          <TextInput label={t('funding.review.pool.conflictNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={280} />
          <Button disabled={!entityId || !note.trim()} loading={declare.isPending} onClick={() => declare.mutate()}>
            {t('funding.review.pool.declare')}
          </Button>
        </Group>
        <ApiErrorAlert error={declare.error} />
      </Stack>
    </Paper>
  );
}
