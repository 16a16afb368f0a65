import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageTag } from '../../app/language';
import { useLanguage } from '../../app/useLanguage';
import { useLabels } from '../registry/useLabels';
import { useMarketLabels } from '../techmarket/labels';
import { taxonomyQuery } from './queries';

/**
 * The module's codes in the reader's words: areas from the cooperation taxonomy (three languages) or the
 * technology market's sectors, countries from the registry, the rest from the `cooperation` catalogue.
 */
export function useCoopLabels() {
  const { t } = useTranslation('cooperation');
  const lng = useLanguage();
  const registry = useLabels();
  const market = useMarketLabels();
  const areas = useQuery(taxonomyQuery).data?.areas;
  return useMemo(() => {
    const byKey = new Map((areas ?? []).map((a) => [a.key, a]));
    const list = new Intl.ListFormat(languageTag(lng), { style: 'long', type: 'conjunction' });
    const orCode = (key: string, code: string | null | undefined) => (code ? t(key, { defaultValue: code }) : '');
    const area = (key: string) => {
      const a = byKey.get(key);
      return a ? a.labels[lng] || a.labels.en || key : market.sector(key) || key;
    };
    return {
      country: registry.country,
      area,
      areas: areas ?? [],
      type: (x: string) => orCode(`types.${x}`, x),
      stage: (x: string) => orCode(`stages.${x}`, x),
      way: (x: string) => orCode(`ways.${x}`, x),
      renewal: (x: string) => orCode(`renewals.${x}`, x),
      status: (x: string) => orCode(`statuses.${x}`, x),
      state: (x: string) => orCode(`states.${x}`, x),
      kind: (x: string) => orCode(`kinds.${x}`, x),
      appStatus: (x: string) => orCode(`applicationStatuses.${x}`, x),
      appKind: (x: string) => orCode(`applicationKinds.${x}`, x),
      role: (x: string) => orCode(`roles.${x}`, x),
      side: (x: string) => orCode(`sides.${x}`, x),
      focalState: (x: string) => orCode(`focalStates.${x}`, x),
      followStatus: (x: string) => orCode(`followUpStatuses.${x}`, x),
      pair: (pair: string) => pair.split('-').map(registry.country).join(' – '),
      list: (items: string[]) => list.format(items),
    };
  }, [t, lng, registry, market, areas]);
}
export type CoopLabels = ReturnType<typeof useCoopLabels>;
