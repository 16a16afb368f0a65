import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import { formatYear } from '../../statistics/yearbook/format';
import { useMarketLabels } from '../labels';
import { type StatsDimension, splitFlow } from './statsModel';

/** A row's key in the reader's words: a kind (`short` on a chart's axis), a province, a sector, a year or a flow "China → Pakistan". */
export function useKeyLabel(by: StatsDimension, short = false): (key: string) => string {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const labels = useMarketLabels();
  return (key) => {
    if (key === 'other') return t('stats.other');
    if (key === 'unknown') return t('stats.unknown');
    switch (by) {
      case 'kind':
        return short ? t(`contractKindsShort.${key}`, { defaultValue: labels.contractKind(key) }) : labels.contractKind(key);
      case 'region':
        return labels.division(key) || key;
      case 'sector':
        return labels.sector(key);
      case 'year':
        return formatYear(Number(key), lng);
      case 'country': {
        const f = splitFlow(key);
        return f ? t('stats.flow', { from: labels.country(f.from), to: labels.country(f.to) }) : key;
      }
    }
  };
}
