import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../shared/contracts/accounts';
import { post } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { Narrow } from '../../app/components/Narrow';
import { PasswordField } from '../../app/components/PasswordField';
import { fieldErrors } from '../../app/forms';
import { storeSession } from '../../app/session';
import { useLanguage } from '../../app/useLanguage';
import { MIN_PASSWORD, passwordRule } from './passwordRule';

const FIELDS = ['displayName', 'email', 'password'] as const;

export function RegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.register')} · ${t('app.name')}`);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const lng = useLanguage();
  const form = useForm({
    initialValues: { displayName: '', email: '', password: '' },
    validate: {
      displayName: (v) => (v.trim() ? null : t('form.required')),
      email: (v) => (v.trim() ? null : t('form.required')),
      password: passwordRule(t),
    },
  });
  const register = useMutation({
    mutationFn: (v: typeof form.values) =>
      post<Session>('/api/v1/auth/register', { ...v, email: v.email.trim(), displayName: v.displayName.trim(), locale: lng }),
    onSuccess: async (session) => {
      storeSession(qc, session);
      await navigate({ to: '/' });
    },
    onError: (err) => form.setErrors(fieldErrors(err, FIELDS)),
  });

  return (
    <Narrow>
      <Title order={1} size="h2" mb="lg">
        {t('auth.register')}
      </Title>
      <form onSubmit={form.onSubmit((v) => register.mutate(v))} noValidate>
        <Stack>
          <ApiErrorAlert error={register.error} fields={FIELDS} />
          <TextInput label={t('fields.displayName')} autoComplete="name" required name="displayName" {...form.getInputProps('displayName')} />
          <TextInput label={t('fields.email')} type="email" autoComplete="email" dir="ltr" required name="email" {...form.getInputProps('email')} />
          <PasswordField
            label={t('fields.password')}
            description={t('form.passwordHint', { min: MIN_PASSWORD })}
            autoComplete="new-password"
            required
            name="password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={register.isPending} fullWidth>
            {t('auth.register')}
          </Button>
          <Text size="sm">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/sign-in">
              {t('auth.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Narrow>
  );
}
