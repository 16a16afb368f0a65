import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/roles';
import { languageTag } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import { pick, STATUS_COLOR, type SubmissionStatus, type Text3 } from './queries';

/** A name in the reader's language if it has one, else English, marked with the language (and direction) it is written in. */
export function Name({ names }: { names: Partial<Text3> | null | undefined }) {
  const lng = useLanguage();
  const p = pick(names, lng);
  return (
    <span lang={languageTag(p.lang as Language)} dir={p.lang === 'ur' ? 'rtl' : 'ltr'}>
      {p.text}
    </span>
  );
}

export function StatusBadge({ status, testId }: { status: SubmissionStatus | null; testId?: string }) {
  const { t } = useTranslation('survey');
  const key = status ?? 'not_started';
  return (
    <Badge color={STATUS_COLOR[key]} variant={status ? 'filled' : 'light'} tt="none" data-testid={testId} data-status={key}>
      {t(`status.${key}`)}
    </Badge>
  );
}

export function LateBadge({ late }: { late: boolean }) {
  const { t } = useTranslation('survey');
  if (!late) return null;
  return (
    <Badge color="red" variant="outline" tt="none" data-testid="survey-late">
      {t('late')}
    </Badge>
  );
}

/** Demo or generated returns are marked so nobody reads them as real reports. */
export function SyntheticMark({ synthetic }: { synthetic: boolean }) {
  const { t } = useTranslation('survey');
  if (!synthetic) return null;
  return (
    <Badge color="grape" variant="light" tt="none" size="sm" title={t('syntheticHint')}>
      {t('synthetic')}
    </Badge>
  );
}
