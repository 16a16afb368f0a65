import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scorecard as ScorecardT } from '../../../../shared/contracts/cooperation';
import type { CommitmentState } from '../../../../shared/contracts/cooperation';
import { useLanguage } from '../../../app/useLanguage';
import { formatCount, formatPublished } from '../../techmarket/format';
import { useCoopLabels } from '../labels';
import { BAND_COLORS, STATE_COLORS, scoreBand } from '../scorecard';

/** The score (0–100, share of fallen-due commitments delivered on time) as a badge; "no score yet" without. */
export function ScoreBadge({ score, testId = 'score' }: { score: number | null; testId?: string }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const band = scoreBand(score);
  return (
    <Badge variant="light" color={BAND_COLORS[band]} tt="none" data-testid={testId} data-score={score ?? ''} data-band={band}>
      {score === null ? t('scorecard.noScore') : t('scorecard.score', { score: formatPublished(score, lng) })}
    </Badge>
  );
}

/** An implementation scorecard in one line: delivered (of which on time), overdue, due, and the score. */
export function ScorecardLine({ card, testId = 'scorecard' }: { card: ScorecardT; testId?: string }) {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const n = (v: number) => formatCount(v, lng);
  return (
    <Group
      gap="xs"
      wrap="wrap"
      data-testid={testId}
      data-total={card.total}
      data-delivered={card.delivered}
      data-overdue={card.overdue}
      data-on-time={card.deliveredOnTime}
    >
      <Text size="sm" span>
        {t('scorecard.delivered', { n: n(card.delivered), total: n(card.total) })}
      </Text>
      <Text size="sm" span c="dimmed">
        · {t('scorecard.onTime', { n: n(card.deliveredOnTime) })}
      </Text>
      <Text size="sm" span c={card.overdue > 0 ? 'red.9' : 'dimmed'} fw={card.overdue > 0 ? 600 : undefined}>
        · {t('scorecard.overdue', { n: n(card.overdue) })}
      </Text>
      <ScoreBadge score={card.score} />
    </Group>
  );
}

/** A commitment's state: due, overdue (with days), delivered, delivered late (with days), cancelled. */
export function StateBadge({ state, daysLate }: { state: CommitmentState; daysLate: number }) {
  const { t } = useTranslation('cooperation');
  const labels = useCoopLabels();
  const text =
    state === 'overdue'
      ? t('states.overdueDays', { count: daysLate })
      : state === 'delivered_late'
        ? t('states.lateDays', { count: daysLate })
        : labels.state(state);
  return (
    <Badge
      variant={state === 'overdue' ? 'filled' : 'light'}
      color={state === 'overdue' ? 'red.9' : STATE_COLORS[state]}
      tt="none"
      data-testid="commitment-state"
      data-state={state}
    >
      {text}
    </Badge>
  );
}
