import { Button, Group, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActorSelect } from './ActorSelect';
import { type AuditFilters, NO_FILTERS } from './auditFilters';

export function AuditFilterForm({ onApply }: { onApply: (f: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState<AuditFilters>(NO_FILTERS);
  const set = (patch: Partial<AuditFilters>) => setF((prev) => ({ ...prev, ...patch }));
  return (
    <Paper
      withBorder
      p="md"
      mb="lg"
      component="form"
      role="search"
      aria-label={t('audit.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(f);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
        <TextInput
          label={t('audit.action')}
          placeholder={t('audit.actionExample')}
          dir="ltr"
          value={f.action}
          onChange={(e) => set({ action: e.currentTarget.value })}
        />
        <TextInput
          label={t('audit.entityType')}
          placeholder={t('audit.entityTypeExample')}
          dir="ltr"
          value={f.entityType}
          onChange={(e) => set({ entityType: e.currentTarget.value })}
        />
        <ActorSelect value={f.actorId} onChange={(actorId) => set({ actorId })} />
        <TextInput type="date" label={t('audit.from')} value={f.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        <TextInput type="date" label={t('audit.to')} value={f.to} onChange={(e) => set({ to: e.currentTarget.value })} />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit">{t('actions.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setF(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t('actions.reset')}
        </Button>
      </Group>
    </Paper>
  );
}
