import { Badge, Card, Stack, Stepper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../app/components/DateTime';
import { Name } from './parts';
import type { Submission } from './queries';

const DECISION_COLOR = { approve: 'teal', return: '#a8400c', reopen: 'grape' } as const;

/** Which step of the chain a return stands at: none yet (a draft), the reviewing level, or past the last (approved). */
function activeStep(s: Submission): number {
  if (s.status === 'approved') return s.chain.length;
  if (s.status === 'submitted') return s.step;
  return -1;
}

/** The approval chain (incubator → zone → province → national, as far as this return goes), each with who holds it. */
export function ChainCard({ submission }: { submission: Submission }) {
  const { t } = useTranslation('survey');
  const s = submission;
  const lastReturn = [...s.reviews].reverse().find((r) => r.decision === 'return');
  const returnedAt = s.status === 'returned' && lastReturn ? s.chain.findIndex((c) => c.level === lastReturn.level) : -1;
  return (
    <Card withBorder data-testid="survey-chain" component="section" aria-labelledby="survey-chain-title">
      <Title order={2} size="h4" mb="sm" id="survey-chain-title">
        {t('chain.title')}
      </Title>
      {s.chain.length === 0 ? (
        <Text size="sm">{s.status === 'draft' && !s.submittedAt ? t('chain.notYet') : t('chain.none')}</Text>
      ) : (
        <Stepper active={activeStep(s)} size="sm" allowNextStepsSelect={false} iconSize={28} wrap>
          {s.chain.map((c, i) => (
            <Stepper.Step
              key={`${c.level}:${c.scopeId ?? i}`}
              label={t(`level.${c.level}`)}
              color={i === returnedAt ? 'red' : undefined}
              data-testid={`survey-chain-step-${c.level}`}
              data-state={i < activeStep(s) ? 'approved' : i === activeStep(s) ? 'reviewing' : i === returnedAt ? 'returned' : 'waiting'}
              description={
                <>
                  {c.name && <Name names={c.name} />}
                  <Text span display="block" size="xs" c={i === returnedAt ? 'red.8' : 'dimmed'}>
                    {i < activeStep(s)
                      ? t('chain.approved')
                      : i === activeStep(s)
                        ? t('chain.reviewing')
                        : i === returnedAt
                          ? t('chain.returned')
                          : t('chain.waiting')}
                  </Text>
                </>
              }
            />
          ))}
        </Stepper>
      )}
    </Card>
  );
}

/** Every decision on the return, oldest first: approvals, returns with their reasons, reopenings. */
export function HistoryCard({ submission }: { submission: Submission }) {
  const { t } = useTranslation('survey');
  const s = submission;
  if (s.reviews.length === 0 && !s.submittedAt) return null;
  return (
    <Card withBorder data-testid="survey-history" component="section" aria-labelledby="survey-history-title">
      <Title order={2} size="h4" mb="sm" id="survey-history-title">
        {t('history.title')}
      </Title>
      <Stack gap="sm">
        {s.submittedAt && (
          <Text size="sm">
            {t('history.submitted')} · <DateTime value={s.submittedAt} />
          </Text>
        )}
        {s.reviews.map((r) => (
          <div key={`${r.at}:${r.decision}:${r.level}`} data-testid="survey-history-item" data-decision={r.decision}>
            <Text size="sm" fw={600}>
              <Badge color={DECISION_COLOR[r.decision]} size="sm" tt="none" me={6}>
                {t(`history.decision.${r.decision}`)}
              </Badge>
              {t(`level.${r.level}`, { defaultValue: r.level })}
              {r.reviewer ? ` · ${r.reviewer}` : ''} · <DateTime value={r.at} />
            </Text>
            {r.reason && (
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }} mt={2}>
                {r.reason}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Card>
  );
}
