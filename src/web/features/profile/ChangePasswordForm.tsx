import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { PasswordField } from '../../app/components/PasswordField';
import { fieldErrors } from '../../app/forms';
import { MIN_PASSWORD, passwordRule } from '../auth/passwordRule';
import { notify } from '../../app/notify';

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('form.required')),
      newPassword: passwordRule(t),
      confirm: (v, values) => (v === values.newPassword ? null : t('form.passwordsDiffer')),
    },
  });
  const change = useMutation({
    mutationFn: (v: typeof form.values) => post('/api/v1/me/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      form.reset();
      notify(t('profile.passwordChanged'));
    },
    onError: (err) => form.setErrors(fieldErrors(err, FIELDS)),
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-password">
      <Title order={2} size="h4" mb="md" id="profile-password">
        {t('profile.changePassword')}
      </Title>
      <form onSubmit={form.onSubmit((v) => change.mutate(v))} noValidate>
        <Stack>
          <ApiErrorAlert error={change.error} fields={FIELDS} />
          <PasswordField
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            name="currentPassword"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={t('fields.newPassword')}
            description={t('form.passwordHint', { min: MIN_PASSWORD })}
            autoComplete="new-password"
            required
            name="newPassword"
            {...form.getInputProps('newPassword')}
          />
          <PasswordField label={t('fields.confirmPassword')} autoComplete="new-password" required name="confirm" {...form.getInputProps('confirm')} />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
