import { Anchor, Badge, Button, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { EmptyRow } from '../../../app/components/EmptyRow';
import { PageTitle } from '../../../app/components/PageTitle';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { hasRole, useUser } from '../../../app/session';
import { useLanguage } from '../../../app/useLanguage';
import { callsQuery, inCallZone, money, PHASE_COLOR, text3 } from './queries';

/** Open and past calls for everyone; officers also see drafts and start new calls. */
export function CallsListPage() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const user = useUser();
  const officer = hasRole(user, 'program_officer') || hasRole(user, 'admin');
  const [phase, setPhase] = useState<'all' | 'accepting' | 'upcoming' | 'ended'>('all');
  const calls = useQuery(callsQuery(phase === 'all' ? {} : { phase }));
  const items = calls.data?.items ?? [];
  return (
    <>
      <PageTitle
        actions={
          officer ? (
            <Button component={Link} to="/funding/calls/new">
              {t('funding.calls.new')}
            </Button>
          ) : undefined
        }
      >
        {t('funding.calls.title')}
      </PageTitle>
      <Text c="dimmed" mb="md">
        {t('funding.calls.intro')}
      </Text>
      <SegmentedControl
        mb="md"
        value={phase}
        onChange={(v) => setPhase(v as typeof phase)}
        aria-label={t('funding.calls.phaseFilter')}
        data={(['all', 'accepting', 'upcoming', 'ended'] as const).map((p) => ({ value: p, label: t(`funding.calls.phases.${p}`) }))}
      />
      <ApiErrorAlert error={calls.error} />
      <ScrollTable label={t('funding.calls.title')} minWidth={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.calls.call')}</Table.Th>
            <Table.Th>{t('funding.calls.program')}</Table.Th>
            <Table.Th>{t('funding.calls.phase')}</Table.Th>
            <Table.Th>{t('funding.calls.closes')}</Table.Th>
            <Table.Th>{t('funding.calls.budget')}</Table.Th>
            {officer && <Table.Th>{t('funding.calls.submitted')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <EmptyRow cols={officer ? 6 : 5} loading={calls.isLoading} />}
          {items.map((c) => {
            const name = text3(c.names, lng);
            return (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/funding/calls/${c.id}` as never} lang={name.lang}>
                    {name.text}
                  </Anchor>
                </Table.Td>
                <Table.Td>{text3(c.program.names, lng).text}</Table.Td>
                <Table.Td>
                  <Badge color={PHASE_COLOR[c.phase]} variant="light">
                    {c.status === 'draft' ? t('funding.calls.status.draft') : t(`funding.calls.phases.${c.phase}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{inCallZone(c.closesAt, c.timeZone, lng)}</Table.Td>
                <Table.Td>{money(c.budget, c.currency, lng)}</Table.Td>
                {officer && <Table.Td>{c.applicationCount ?? 0}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
    </>
  );
}
