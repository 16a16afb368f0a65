import { Code, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function Json({ value, testId }: { value: unknown; testId: string }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return (
      <Text size="sm" data-testid={testId}>
        {t('audit.nothing')}
      </Text>
    );
  return (
    <Code block className="seedbed-json" dir="ltr" data-testid={testId}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

/** The entity before and after the change, side by side. */
export function AuditChange({ id, before, after }: { id: number; before: unknown; after: unknown }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid={`audit-change-${id}`}>
      <div>
        <Text fw={700} size="sm" mb={4}>
          {t('audit.before')}
        </Text>
        <Json value={before} testId="audit-before" />
      </div>
      <div>
        <Text fw={700} size="sm" mb={4}>
          {t('audit.after')}
        </Text>
        <Json value={after} testId="audit-after" />
      </div>
    </SimpleGrid>
  );
}
