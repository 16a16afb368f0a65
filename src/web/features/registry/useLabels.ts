import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageTag } from '../../app/language';
import { useLanguage } from '../../app/useLanguage';
import { nameText } from './names';
import { countriesQuery, divisionsQuery } from './queries';
import type { EntityType } from './types';

/**
 * The words for the registry's codes in the reader's language: kinds, sectors, stages, types from the
 * catalogue (GLOSSARY.md terms); countries and provinces from the registry's geography, else from Intl.
 */
export function useLabels() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const divisions = useQuery(divisionsQuery).data?.items;
  const countries = useQuery(countriesQuery).data?.items;
  return useMemo(() => {
    const regions = new Intl.DisplayNames([languageTag(lng)], { type: 'region', fallback: 'code' });
    const divisionNames = new Map((divisions ?? []).map((d) => [d.code, nameText(d.names, lng)]));
    const countryNames = new Map((countries ?? []).map((c) => [c.code, nameText(c.names, lng)]));
    const orCode = (key: string, code: string) => t(key, { defaultValue: code });
    return {
      type: (type: EntityType) => t(`registry.types.${type}`),
      typePlural: (type: EntityType) => t(`registry.typesPlural.${type}`),
      kind: (kind: string | null | undefined) => (kind ? orCode(`registry.kinds.${kind}`, kind) : ''),
      sector: (s: string | null | undefined) => (s ? orCode(`registry.sectors.${s}`, s) : ''),
      stage: (s: string | null | undefined) => (s ? orCode(`registry.stages.${s}`, s) : ''),
      country: (code: string | null | undefined) => {
        if (!code) return '';
        try {
          return countryNames.get(code) ?? regions.of(code) ?? code;
        } catch {
          return code;
        }
      },
      division: (code: string | null | undefined) => (code ? (divisionNames.get(code) ?? code) : ''),
    };
  }, [t, lng, divisions, countries]);
}

export type Labels = ReturnType<typeof useLabels>;
