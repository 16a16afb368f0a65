import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get } from '../../app/api';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert';
import { ConfirmButton } from '../../app/components/ConfirmButton';
import { DateTime } from '../../app/components/DateTime';
import { EmptyRow } from '../../app/components/EmptyRow';
import { PageTitle } from '../../app/components/PageTitle';
import { ScrollTable } from '../../app/components/ScrollTable';
import { CreateTokenForm } from './CreateTokenForm';
import { NewTokenNotice } from './NewTokenNotice';
import { type ApiToken, type CreatedApiToken, tokenState } from './tokens';
import { notify } from '../../app/notify';

const STATE_COLOR = { active: 'teal', revoked: 'gray', expired: 'orange' } as const;
export const tokensKey = ['me', 'tokens'] as const;

export function ApiTokensPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: () => get<{ items: ApiToken[]; total: number }>('/api/v1/me/tokens', { limit: 100 }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => del(`/api/v1/me/tokens/${id}`),
    onSuccess: () => {
      notify(t('tokens.revoked'));
      return qc.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const items = tokens.data?.items ?? [];

  return (
    <>
      <PageTitle>{t('tokens.title')}</PageTitle>
      <Text mb="lg" maw={720}>
        {t('tokens.intro')}
      </Text>
      {created && <NewTokenNotice token={created} onDone={() => setCreated(null)} />}
      <CreateTokenForm onCreated={setCreated} />
      <Paper withBorder p="lg" mt="xl">
        <Title order={2} size="h4" mb="md" id="tokens-list">
          {t('tokens.yours')}
        </Title>
        <ApiErrorAlert error={tokens.error ?? revoke.error} />
        <ScrollTable label={t('tokens.yours')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              <Table.Th>{t('tokens.prefix')}</Table.Th>
              <Table.Th>{t('fields.createdAt')}</Table.Th>
              <Table.Th>{t('tokens.expiresAt')}</Table.Th>
              <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('fields.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && <EmptyRow cols={7} loading={tokens.isLoading} />}
            {items.map((tk) => {
              const state = tokenState(tk);
              return (
                <Table.Tr key={tk.id}>
                  <Table.Td>{tk.name}</Table.Td>
                  <Table.Td dir="ltr">
                    <code>{tk.prefix}…</code>
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={tk.createdAt} />
                  </Table.Td>
                  <Table.Td>{tk.expiresAt ? <DateTime value={tk.expiresAt} /> : t('tokens.never')}</Table.Td>
                  <Table.Td>{tk.lastUsedAt ? <DateTime value={tk.lastUsedAt} /> : t('tokens.notUsed')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATE_COLOR[state]}>
                      {t(`tokens.state.${state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {state === 'active' && (
                      <ConfirmButton
                        size="compact-sm"
                        variant="outline"
                        color="red"
                        label={t('tokens.revoke')}
                        ariaLabel={t('tokens.revokeNamed', { name: tk.name })}
                        title={t('tokens.revokeTitle')}
                        question={t('tokens.revokeQuestion', { name: tk.name })}
                        confirmLabel={t('tokens.revoke')}
                        onConfirm={() => revoke.mutate(tk.id)}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      </Paper>
    </>
  );
}
