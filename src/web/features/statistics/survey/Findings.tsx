import { Anchor, Badge, Card, Group, List, Loader, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Finding, Indicator } from '../../../../shared/contracts/statistics';
import { useLanguage } from '../../../app/useLanguage';
import { formatValue } from './number';
import { nameOf, WARNING_TEXT } from './queries';
import { focusField } from './SurveyField';

type Props = {
  findings: Finding[];
  indicators: Map<string, Indicator>;
  /** Values typed that are not numbers (they block saving): the field and why. */
  unreadable?: { code: string; message: string }[];
  checking?: boolean;
  title?: string;
  testId?: string;
  headingOrder?: 2 | 3;
};

/**
 * The checks of a return, errors before warnings, each in the reader's language (the server translates the
 * message) with links that put the cursor in the fields it concerns.
 */
export function Findings({ findings, indicators, unreadable = [], checking, title, testId = 'survey-findings', headingOrder = 2 }: Props) {
  const { t } = useTranslation('survey');
  const lng = useLanguage();
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const sorted = [...errors, ...warnings];
  const clean = sorted.length === 0 && unreadable.length === 0;
  const errorCount = errors.length + unreadable.length;
  return (
    <Card
      withBorder
      data-testid={testId}
      data-errors={errorCount}
      data-warnings={warnings.length}
      component="section"
      aria-label={title ?? t('findings.title')}
    >
      <Group justify="space-between" mb={clean ? 0 : 'xs'}>
        <Title order={headingOrder} size="h4">
          {title ?? t('findings.title')}
        </Title>
        {checking && <Loader size="xs" aria-label={t('findings.checking')} />}
      </Group>
      <Text size="sm" role="status" aria-live="polite" c={clean ? 'teal.9' : undefined} fw={clean ? 600 : undefined}>
        {clean ? t('findings.none') : t('findings.summary', { errors: formatValue(errorCount, lng), warnings: formatValue(warnings.length, lng) })}
      </Text>
      {!clean && (
        <List spacing={6} mt="xs" listStyleType="none" ps={0}>
          {unreadable.map(({ code, message }) => (
            <List.Item key={`u:${code}`} data-testid="survey-finding" data-severity="error" data-indicators={code}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge color="red" size="sm" tt="none" style={{ flexShrink: 0 }}>
                  {t('findings.error')}
                </Badge>
                <Text size="sm">
                  <Anchor component="button" type="button" size="sm" onClick={() => focusField(code)}>
                    {nameOf(indicators.get(code)?.names, lng) || code}
                  </Anchor>
                  {': '}
                  {message}
                </Text>
              </Group>
            </List.Item>
          ))}
          {sorted.map((f) => (
            <List.Item
              key={`${f.ruleId}:${f.indicators.join(',')}:${f.message}`}
              data-testid="survey-finding"
              data-severity={f.severity}
              data-rule={f.ruleId}
              data-indicators={f.indicators.join(' ')}
            >
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge color={f.severity === 'error' ? 'red' : WARNING_TEXT} size="sm" tt="none" style={{ flexShrink: 0 }}>
                  {t(`findings.${f.severity}`)}
                </Badge>
                <div>
                  <Text size="sm">{f.message}</Text>
                  {f.indicators.length > 0 && (
                    <Group gap={8}>
                      {f.indicators.map((code) => (
                        <Anchor key={code} component="button" type="button" size="xs" onClick={() => focusField(code)}>
                          {t('findings.goTo', { field: nameOf(indicators.get(code)?.names, lng) || code })}
                        </Anchor>
                      ))}
                    </Group>
                  )}
                </div>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
