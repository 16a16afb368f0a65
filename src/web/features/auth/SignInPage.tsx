import { Anchor, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../shared/contracts/accounts';
import { post } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { Narrow } from '../../app/components/Narrow';
import { PasswordField } from '../../app/components/PasswordField';
import { fieldErrors } from '../../app/forms';
import { safeRedirect } from '../../app/guards';
import { storeSession } from '../../app/session';
import { DemoBanner } from './DemoBanner';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.signIn')} · ${t('app.name')}`);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const search = useSearch({ from: '/sign-in' });
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('form.required')),
      password: (v) => (v ? null : t('form.required')),
    },
  });
  const signIn = useMutation({
    mutationFn: (v: typeof form.values) => post<Session>('/api/v1/auth/login', { email: v.email.trim(), password: v.password }),
    onSuccess: async (session) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      storeSession(qc, session);
      await navigate({ to: safeRedirect(search.redirect) });
    },
    onError: (err) => form.setErrors(fieldErrors(err, FIELDS)),
  });

  return (
    <Narrow>
      <Title order={1} size="h2" mb="lg">
        {t('auth.signIn')}
      </Title>
      <DemoBanner onPick={(email, password) => form.setValues({ email, password })} />
      <form onSubmit={form.onSubmit((v) => signIn.mutate(v))} noValidate>
        <Stack>
          <ApiErrorAlert error={signIn.error} fields={FIELDS} />
          <TextInput label={t('fields.email')} type="email" autoComplete="username" dir="ltr" required name="email" {...form.getInputProps('email')} />
          <PasswordField label={t('fields.password')} autoComplete="current-password" required name="password" {...form.getInputProps('password')} />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('auth.signIn')}
          </Button>
          <Group justify="space-between">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.forgotPassword')}
            </Anchor>
            <Anchor component={Link} to="/register" size="sm">
              {t('auth.createAccount')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </Narrow>
  );
}
