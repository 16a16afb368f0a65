import { Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { fieldErrors } from '../../app/forms';
import type { CreatedApiToken } from './tokens';

const FIELDS = ['name', 'expiresInDays'] as const;
const EXPIRY_DAYS = ['30', '90', '365', ''] as const;

export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    initialValues: { name: '', expiresInDays: '90' as string },
    validate: { name: (v) => (v.trim() ? null : t('form.required')) },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      post<CreatedApiToken>('/api/v1/me/tokens', {
        name: v.name.trim(),
        ...(v.expiresInDays ? { expiresInDays: Number(v.expiresInDays) } : {}),
      }),
    onSuccess: (token) => {
      form.reset();
      onCreated(token);
      return qc.invalidateQueries({ queryKey: ['me', 'tokens'] });
    },
    onError: (err) => form.setErrors(fieldErrors(err, FIELDS)),
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="tokens-create">
      <Title order={2} size="h4" mb="md" id="tokens-create">
        {t('tokens.create')}
      </Title>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack maw={480}>
          <ApiErrorAlert error={create.error} fields={FIELDS} />
          <TextInput label={t('fields.name')} description={t('tokens.nameHint')} required name="name" {...form.getInputProps('name')} />
          <NativeSelect
            label={t('tokens.expiresIn')}
            data={EXPIRY_DAYS.map((d) => ({ value: d, label: d ? t('tokens.days', { count: Number(d) }) : t('tokens.never') }))}
            name="expiresInDays"
            {...form.getInputProps('expiresInDays')}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('tokens.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
