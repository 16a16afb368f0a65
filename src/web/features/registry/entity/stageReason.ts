import type { TFunction } from 'i18next';
import type { Language } from '../../../../shared/roles';
import { formatNumber } from '../../../app/format';
import { formatPartialDate, formatPercent, formatUsd } from '../format';
import type { StageReason } from '../types';

/**
 * Why an enterprise is at its stage, in the reader's language, with the figures the rule used:
 * "unicorn: valued at US$2,000,000,000 ≥ US$1,000,000,000".
 */
export function explainStage(stage: string, reason: StageReason | null | undefined, lng: Language, t: TFunction): string {
  const label = t(`registry.stages.${stage}`, { defaultValue: stage });
  if (!reason) return label;
  const p = reason.params ?? {};
  const n = (v: unknown) => (typeof v === 'number' ? formatNumber(v, lng) : String(v ?? ''));
  const values: Record<string, string> = {
    valuation: formatUsd(p.valuationUsd, lng, t),
    threshold: reason.rule === 'gazelle_growth' ? formatPercent(p.threshold, lng) : formatUsd(p.threshold, lng, t),
    since: formatPartialDate(p.since, lng),
    fromYear: String(p.fromYear ?? ''),
    toYear: String(p.toYear ?? ''),
    base: n(p.baseRevenue),
    latest: n(p.latestRevenue),
    growth: formatPercent(p.annualGrowth, lng),
  };
  const text = t(`registry.stageRules.${reason.rule}`, { ...values, defaultValue: reason.rule });
  return t('registry.stageWithReason', { stage: label, reason: text });
}
