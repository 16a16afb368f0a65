import { Alert, Anchor, Button, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { Narrow } from '../../app/components/Narrow';
import { PasswordField } from '../../app/components/PasswordField';
import { fieldErrors } from '../../app/forms';
import { MIN_PASSWORD, passwordRule } from './passwordRule';

const FIELDS = ['password'] as const;

export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.resetTitle')} · ${t('app.name')}`);
  const { token } = useSearch({ from: '/reset-password' });
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: passwordRule(t),
      confirm: (v, values) => (v === values.password ? null : t('form.passwordsDiffer')),
    },
  });
  const confirm = useMutation({
    mutationFn: (v: typeof form.values) => post('/api/v1/auth/password-reset/confirm', { token, password: v.password }),
    onError: (err) => form.setErrors(fieldErrors(err, FIELDS)),
  });

  let body: React.ReactNode;
  if (!token) {
    body = (
      <Stack>
        <Alert color="red" variant="light" role="alert">
          {t('auth.resetNoToken')}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {t('auth.forgotTitle')}
        </Anchor>
      </Stack>
    );
  } else if (confirm.isSuccess) {
    body = (
      <Stack>
        <Alert color="teal" variant="light" role="status">
          {t('auth.resetDone')}
        </Alert>
        <Anchor component={Link} to="/sign-in">
          {t('auth.signIn')}
        </Anchor>
      </Stack>
    );
  } else {
    body = (
      <form onSubmit={form.onSubmit((v) => confirm.mutate(v))} noValidate>
        <Stack>
          <ApiErrorAlert error={confirm.error} fields={FIELDS} />
          <PasswordField
            label={t('fields.newPassword')}
            description={t('form.passwordHint', { min: MIN_PASSWORD })}
            autoComplete="new-password"
            required
            name="password"
            {...form.getInputProps('password')}
          />
          <PasswordField label={t('fields.confirmPassword')} autoComplete="new-password" required name="confirm" {...form.getInputProps('confirm')} />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t('auth.setPassword')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <Narrow>
      <Title order={1} size="h2" mb="lg">
        {t('auth.resetTitle')}
      </Title>
      {body}
    </Narrow>
  );
}
