import { Badge, Button, Checkbox, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPERTISE_TAGS } from '../../../../shared/contracts/funding-review';
import { get, post } from '../../../app/api';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { fieldErrors } from '../../../app/forms';
import { notify } from '../../../app/notify';
import { K, type ReviewerDto, reviewersQuery } from './queries';

type EnterpriseHit = { id: string; names: { en: string; zh?: string } };

/** The officer's reviewer pool: add experts with expertise and seniority, record their declared conflicts. */
export function ReviewerPoolPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const pool = useQuery(reviewersQuery);
  const sectors = EXPERTISE_TAGS.map((s) => ({ value: s, label: t(`registry.sectors.${s}`) }));
  const [form, setForm] = useState({ name: '', email: '', organisationName: '', expertise: '', tags: [] as string[], senior: false });
  const create = useMutation({
    mutationFn: () =>
      post<ReviewerDto>('/api/v1/funding/reviewers', {
        name: form.name,
        email: form.email || undefined,
        organisationName: form.organisationName || undefined,
        expertise: form.expertise,
        tags: form.tags,
        senior: form.senior,
      }),
    onSuccess: (r) => {
      notify(t('funding.review.pool.added', { name: r.name }));
      setForm({ name: '', email: '', organisationName: '', expertise: '', tags: [], senior: false });
      return qc.invalidateQueries({ queryKey: K.reviewers });
    },
  });
  const errs = fieldErrors(create.error, ['name', 'email', 'expertise', 'tags']);
  const items = pool.data?.items ?? [];
  return (
    <>
      <PageTitle>{t('funding.review.pool.title')}</PageTitle>
      <Text mb="md" maw={820}>
        {t('funding.review.pool.intro')}
      </Text>
      <ApiErrorAlert error={pool.error} />
      <ScrollTable label={t('funding.review.pool.title')} minWidth={960} data-testid="reviewer-pool">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.review.pool.name')}</Table.Th>
            <Table.Th>{t('funding.review.pool.organisation')}</Table.Th>
            <Table.Th>{t('funding.review.pool.expertise')}</Table.Th>
            <Table.Th>{t('funding.review.pool.load')}</Table.Th>
            <Table.Th>{t('funding.review.pool.conflicts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={5} loading={pool.isLoading} />}
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {r.name}
                  </Text>
                  {r.senior && <Badge color="grape">{t('funding.review.senior')}</Badge>}
                  {r.synthetic && <Badge color="gray">{t('funding.review.pool.demo')}</Badge>}
                  {!r.active && <Badge color="red">{t('funding.review.pool.inactive')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{r.organisationName ?? ''}</Table.Td>
              <Table.Td>
                <Group gap={4} mb={4}>
                  {r.tags.map((tag) => (
                    <Badge key={tag} variant="light">
                      {t(`registry.sectors.${tag}`, tag)}
                    </Badge>
                  ))}
                </Group>
                <Text size="xs">{r.expertise}</Text>
              </Table.Td>
              <Table.Td>{r.load}</Table.Td>
              <Table.Td>
                <ConflictCell reviewer={r} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>

      <Paper withBorder p="md" mt="lg" maw={820} component="section" aria-labelledby="add-reviewer">
        <Title order={2} size="h4" id="add-reviewer" mb="sm">
          {t('funding.review.pool.add')}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('funding.review.pool.name')}
                required
                value={form.name}
                error={errs.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              />
              <TextInput
                label={t('fields.email')}
                type="email"
                value={form.email}
                error={errs.email}
                onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
              />
              <TextInput
                label={t('funding.review.pool.organisation')}
                value={form.organisationName}
                onChange={(e) => setForm({ ...form, organisationName: e.currentTarget.value })}
              />
              <MultiSelect
                label={t('funding.review.pool.tags')}
                data={sectors}
                value={form.tags}
                error={errs.tags}
                onChange={(tags) => setForm({ ...form, tags })}
              />
            </SimpleGrid>
            <Textarea
              label={t('funding.review.pool.expertise')}
              description={t('funding.review.pool.expertiseHint')}
              autosize
              minRows={2}
              value={form.expertise}
              error={errs.expertise}
              onChange={(e) => setForm({ ...form, expertise: e.currentTarget.value })}
            />
            <Checkbox
              label={t('funding.review.pool.seniorLabel')}
              checked={form.senior}
              onChange={(e) => setForm({ ...form, senior: e.currentTarget.checked })}
            />
            <ApiErrorAlert error={create.error} fields={['name', 'email', 'expertise', 'tags']} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('funding.review.pool.addButton')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

/** The reviewer's declared conflicts, and a small form to record one with an enterprise of the registry. */
function ConflictCell({ reviewer }: { reviewer: ReviewerDto }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [entityId, setEntityId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const hits = useQuery({
    queryKey: ['funding', 'enterprise-search', q],
    queryFn: () => get<{ items: EnterpriseHit[] }>('/api/v1/enterprises', { q, limit: 20 }),
    enabled: open,
  });
  const declare = useMutation({
    mutationFn: () => {
      const hit = hits.data?.items.find((e) => e.id === entityId);
      return post(`/api/v1/funding/reviewers/${reviewer.id}/conflicts`, { entityId, entityName: hit?.names.en, note });
    },
    onSuccess: () => {
      setOpen(false);
      setNote('');
      setEntityId(null);
      return qc.invalidateQueries({ queryKey: K.reviewers });
    },
  });
  return (
    <Stack gap={4}>
      {reviewer.conflicts.map((c) => (
        <Text key={c.id} size="xs">
          {c.entityName ?? c.entityId}: {c.note}
        </Text>
      ))}
      {!open && (
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
          {t('funding.review.pool.declare')}
        </Button>
      )}
      {open && (
        <Stack gap={4}>
          <Select
            size="xs"
            searchable
            label={t('funding.review.pool.conflictWith')}
            data={(hits.data?.items ?? []).map((e) => ({ value: e.id, label: e.names.en }))}
            value={entityId}
            onChange={setEntityId}
            onSearchChange={setQ}
            searchValue={q}
          />
          <TextInput size="xs" label={t('funding.review.pool.conflictNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <ApiErrorAlert error={declare.error} />
          <Group gap={4}>
            <Button size="compact-xs" disabled={!entityId || !note.trim()} loading={declare.isPending} onClick={() => declare.mutate()}>
              {t('actions.save')}
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => setOpen(false)}>
              {t('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
