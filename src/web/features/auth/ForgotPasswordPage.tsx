import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { Narrow } from '../../app/components/Narrow';
import { fieldErrors } from '../../app/forms';

const FIELDS = ['email'] as const;

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.forgotTitle')} · ${t('app.name')}`);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (v.trim() ? null : t('form.required')) },
  });
  const request = useMutation({
    mutationFn: (v: typeof form.values) => post('/api/v1/auth/password-reset/request', { email: v.email.trim() }),
    onError: (err) => form.setErrors(fieldErrors(err, FIELDS)),
  });

  return (
    <Narrow>
      <Title order={1} size="h2" mb="sm">
        {t('auth.forgotTitle')}
      </Title>
      {request.isSuccess ? (
        <Stack>
          <Alert color="teal" variant="light" role="status">
            {t('auth.resetSent')}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((v) => request.mutate(v))} noValidate>
          <Stack>
            <Text size="sm">{t('auth.forgotIntro')}</Text>
            <ApiErrorAlert error={request.error} fields={FIELDS} />
            <TextInput label={t('fields.email')} type="email" autoComplete="email" dir="ltr" required name="email" {...form.getInputProps('email')} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('auth.sendResetLink')}
            </Button>
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('auth.backToSignIn')}
            </Anchor>
          </Stack>
        </form>
      )}
    </Narrow>
  );
}
