import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageTag } from '../../app/language';
import { useLanguage } from '../../app/useLanguage';
import { useLabels } from '../registry/useLabels';
import { type Sector, taxonomyQuery } from './queries';
export { sectorOptions } from './sectors';

/**
 * The market's codes in the reader's words: sectors from the market's taxonomy (three languages), countries
 * and provinces from the registry, the rest from the `techmarket` catalogue (GLOSSARY.md terms).
 */
export function useMarketLabels() {
  const { t } = useTranslation('techmarket');
  const lng = useLanguage();
  const registry = useLabels();
  const sectors = useQuery(taxonomyQuery).data?.sectors;
  return useMemo(() => {
    const byCode = new Map((sectors ?? []).map((s) => [s.code, s]));
    const list = new Intl.ListFormat(languageTag(lng), { style: 'long', type: 'conjunction' });
    const orCode = (key: string, code: string | null | undefined) => (code ? t(key, { defaultValue: code }) : '');
    const sector = (code: string | null | undefined) => {
      if (!code) return '';
      const s = byCode.get(code);
      return s ? s.names[lng] || s.names.en : registry.sector(code);
    };
    const dealForm = (f: string) => orCode(`dealForms.${f}`, f);
    return {
      sector,
      sectors: sectors ?? ([] as Sector[]),
      country: registry.country,
      division: registry.division,
      kind: (k: string) => orCode(`kinds.${k}`, k),
      status: (s: string) => orCode(`statuses.${s}`, s),
      dealForm,
      dealForms: (forms: readonly string[]) => list.format(forms.map(dealForm)),
      ipType: (x: string | null | undefined) => orCode(`ipTypes.${x}`, x),
      ipStatus: (x: string | null | undefined) => orCode(`ipStatuses.${x}`, x),
      language: (l: string) => orCode(`languages.${l}`, l),
      contractKind: (k: string) => orCode(`contractKinds.${k}`, k),
      subtype: (s: string) => orCode(`subtypes.${s}`, s),
      contractStatus: (s: string) => orCode(`contractStatuses.${s}`, s),
      interestStatus: (s: string) => orCode(`interestStatuses.${s}`, s),
      accessStatus: (s: string) => orCode(`accessStatuses.${s}`, s),
      declineReason: (r: string) => orCode(`declineReasons.${r}`, r),
      partyRole: (r: string) => orCode(`partyRoles.${r}`, r),
      list: (items: string[]) => list.format(items),
    };
  }, [t, lng, sectors, registry]);
}

export type MarketLabels = ReturnType<typeof useMarketLabels>;
