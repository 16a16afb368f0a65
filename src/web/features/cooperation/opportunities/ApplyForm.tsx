import { Alert, Button, Group, Paper, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../app/components/ApiErrorAlert';
import { fieldErrors } from '../../../app/forms';
import { notify } from '../../../app/notify';
import { AnchorLink } from '../../registry/components/AnchorLink';
import { submitWith } from '../../techmarket/submit';
import { useCoopAccess } from '../access';
import { useCoopLabels } from '../labels';
import { applyTo, COOP, type Opportunity } from '../queries';

/**
 * "Express interest" or "Apply" for a signed-in reader (a short statement); visitors are asked to sign in;
 * a reader who applied sees where their application stands.
 */
export function ApplyActions({ o }: { o: Opportunity }) {
  const { t } = useTranslation('cooperation');
  const labels = useCoopLabels();
  const { signedIn } = useCoopAccess();
  const href = useRouterState({ select: (s) => s.location.href });
  const [kind, setKind] = useState<'interest' | 'application' | null>(null);
  if (!o.accepting) return null;
  if (!signedIn)
    return (
      <Alert variant="light" color="blue" data-testid="apply-sign-in">
        <AnchorLink to="/sign-in" search={{ redirect: href }} c="inherit" fw={700} underline="always" data-testid="apply-sign-in-link">
          {t('opportunity.signInToApply')}
        </AnchorLink>
      </Alert>
    );
  if (o.mine)
    return (
      <Alert variant="light" color="teal" data-testid="apply-done">
        {t('opportunity.youApplied', { status: labels.appStatus(o.mine.status) })}{' '}
        <AnchorLink to="/cooperation/applications" c="inherit" fw={700} underline="always">
          {t('nav.applications')}
        </AnchorLink>
      </Alert>
    );
  if (!kind)
    return (
      <Group gap="xs">
        <Button size="xs" onClick={() => setKind('application')} data-testid="opportunity-apply">
          {t('opportunity.apply')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setKind('interest')} data-testid="opportunity-interest">
          {t('opportunity.expressInterest')}
        </Button>
      </Group>
    );
  return <ApplyForm o={o} kind={kind} onDone={() => setKind(null)} />;
}

function ApplyForm({ o, kind, onDone }: { o: Opportunity; kind: 'interest' | 'application'; onDone: () => void }) {
  const { t } = useTranslation('cooperation');
  const qc = useQueryClient();
  const [statement, setStatement] = useState('');
  const m = useMutation({
    mutationFn: () => applyTo(o.id, { kind, statement: statement.trim() || undefined }),
    onSuccess: () => {
      notify(kind === 'application' ? t('opportunity.applied') : t('opportunity.interested'));
      void qc.invalidateQueries({ queryKey: COOP.all });
      onDone();
    },
  });
  const errors = fieldErrors(m.error, ['kind', 'statement']);
  return (
    <Paper withBorder p="sm" component="form" noValidate onSubmit={submitWith(() => m.mutate())} data-testid="apply-form" data-kind={kind}>
      <Stack gap="xs">
        <Textarea
          label={kind === 'application' ? t('opportunity.statement') : t('opportunity.interestNote')}
          description={t('opportunity.statementHint')}
          value={statement}
          onChange={(e) => setStatement(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={5000}
          dir="auto"
          error={errors.statement}
          data-testid="apply-statement"
        />
        <ApiErrorAlert error={m.error} fields={['kind', 'statement']} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={m.isPending} data-testid="apply-submit">
            {kind === 'application' ? t('opportunity.sendApplication') : t('opportunity.sendInterest')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
