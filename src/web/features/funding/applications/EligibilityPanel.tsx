import { Badge, Card, Group, List, Loader, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EligibilityResult } from '../../../../shared/contracts/funding';
import { OUTCOME_COLOR, VERDICT_COLOR } from './queries';

const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

/**
 * The eligibility verdict explained: every rule with pass / fail / unknown, the reason in the reader's
 * language, and its source. Used live beside the form and on the officer's screen.
 */
export function EligibilityPanel({ result, loading, live }: { result: EligibilityResult | null | undefined; loading?: boolean; live?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder aria-live={live ? 'polite' : undefined} aria-busy={loading || undefined}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('funding.applications.eligibility.title')}
        </Title>
        {loading ? (
          <Loader size="xs" aria-label={t('funding.applications.eligibility.checking')} />
        ) : (
          result && (
            <Badge color={VERDICT_COLOR[result.verdict]} size="lg" variant="filled" data-testid="verdict" data-verdict={result.verdict}>
              {result.verdictText}
            </Badge>
          )
        )}
      </Group>
      {live && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('funding.applications.eligibility.liveHint')}
        </Text>
      )}
      {!result && !loading && <Text c="dimmed">{t('status.empty')}</Text>}
      {result && (
        <List spacing="sm" listStyleType="none" p={0}>
          {result.rules.map((r) => (
            <List.Item
              key={r.ruleId}
              icon={
                <ThemeIcon color={OUTCOME_COLOR[r.outcome]} size={22} radius="xl" aria-hidden>
                  {MARK[r.outcome]}
                </ThemeIcon>
              }
            >
              <Text fw={600} size="sm">
                {r.label} — <span data-outcome={r.outcome}>{r.outcomeText}</span>
              </Text>
              <Text size="sm">{r.reason}</Text>
              <Text size="xs" c="dimmed" dir="ltr">
                {t('funding.calls.source')}: {r.source}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {result && result.fromRegistry.length > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('funding.applications.eligibility.fromRegistry')}
        </Text>
      )}
    </Card>
  );
}
